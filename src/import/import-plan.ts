import { lstatSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { configLayout } from "../config/config-layout";
import type { ConfigSource } from "../config/config-source";
import { compareDiagnostics, hasErrors, type Diagnostic } from "../diagnostics/diagnostic";
import { displayPath } from "../files/display-path";
import { folderPrefix, type DefinitionFile } from "../load/load-definitions";
import { readInputs } from "../pipeline/read-inputs";
import { fileDiagnostic, SourceFile } from "../load/source-file";
import { parseYaml, MAX_EXPANDED_NODES } from "../load/yaml";
import type { YamlNode } from "../load/yaml-tree";
import { MAX_FILE_BYTES } from "../load/read-text-file";
import { loadPipeline } from "../lazy";
import { generatedNamesOf } from "../naming/generated-names";
import { compareCodeUnits } from "../text/code-units";
import type { PropertyData } from "../validate/definition-schema";
import { ACTION_PATTERN, PROPERTY_NAME_PATTERN } from "../validate/vocabulary";
import { configEdit, type ConfigEdit, type NeededRules } from "./config-rules";
import { definitionNames, type ExistingDefinition } from "./definition-names";
import { inputDiagnostic, shownPointer, type Loss, type PlanEvent } from "./plan-event";
import type { ImportSource } from "./import-sources";
import { readImportInputs } from "./read-import-inputs";
import { renderImportedDefinition } from "./render-definition-yaml";
import { mapEventSchema, type MappedEvent } from "./schema-to-definition";

export interface ImportRequest {
  readonly source: ImportSource;
  /** The plan file, or the JSON Schema file or folder; absolute. */
  readonly path: string;
  readonly cwd: string;
  /** An explicit config; otherwise the nearest one, or a new sit.config.yaml in `cwd`. */
  readonly configPath?: string | undefined;
  /** Accept what sit cannot express, as its nearest type. */
  readonly lossy: boolean;
  /** Replace definition files that exist already. */
  readonly force: boolean;
}

/** A definition the import writes. */
export interface PlannedDefinition {
  readonly action: string;
  readonly absolutePath: string;
  readonly displayPath: string;
  readonly content: string;
  /** The file's bytes when it exists already (it is replaced: --force). */
  readonly previous: Buffer | undefined;
  readonly functionName: string;
  /** Why its function is not the name derived from the action, when it is not. */
  readonly renamedBecause: string | undefined;
}

export type ImportPlan =
  | {
      readonly ok: true;
      /** What was read: `Typewriter 8 plan.json`. */
      readonly format: string;
      /** The definitions to write: new, or replacing a file (--force). */
      readonly definitions: readonly PlannedDefinition[];
      /** Definitions whose file holds the plan's version already, as shown to the user: not written. */
      readonly unchanged: readonly string[];
      readonly config: ConfigEdit & { readonly kind: "unchanged" | "create" | "edit" };
      /** Warnings: the losses accepted with --lossy. */
      readonly diagnostics: readonly Diagnostic[];
    }
  | {
      readonly ok: false;
      /** A usage error (exit 2): nothing to read, no config where one was named. */
      readonly usage: boolean;
      readonly diagnostics: readonly Diagnostic[];
      readonly message?: string;
    };

/**
 * Works out everything `sit import` would write, and writes nothing: read the plan, map each
 * event's JSON Schema, name files and functions, add the rules the config needs, then check that
 * the project with the new files validates, so that an import either lands whole or not at all.
 */
export function planImport(request: ImportRequest): ImportPlan {
  const { cwd } = request;
  const plan = readPlan(request);
  if ("message" in plan) return { ok: false, usage: true, diagnostics: [], message: plan.message };
  const { mapped, format } = plan;
  const diagnostics = [...plan.diagnostics];

  const project = readProject(request);
  if ("usage" in project) return { ok: false, usage: true, diagnostics: project.diagnostics };
  if ("failed" in project) return failed([...diagnostics, ...project.diagnostics]);
  if (hasErrors(diagnostics)) return failed(diagnostics);

  const names = definitionNames(
    mapped.map((event) => event.event.name),
    project.existing,
  );
  const needed = neededRules(mapped);
  const config = configEdit(project.source, join(cwd, "sit.config.yaml"), displayPath(join(cwd, "sit.config.yaml"), cwd), needed);
  if (config.kind === "conflict") diagnostics.push(...config.diagnostics);

  const definitions: PlannedDefinition[] = [];
  const unchanged: string[] = [];
  for (const event of [...mapped].sort((a, b) => compareCodeUnits(a.event.name, b.event.name))) {
    const named = names.get(event.event.name)!;
    const absolutePath = join(project.definitionsDir, ...named.relativePath.split("/"));
    const shown = displayPath(absolutePath, cwd);
    const definition = {
      description: event.event.description ?? "",
      action: event.event.name,
      function_name: named.functionName,
      additional_properties: event.properties,
    };
    const content = renderImportedDefinition(definition);
    const size = Buffer.byteLength(content);
    const values = valueCount({ ...definition, internal_events: true });
    if (size > MAX_FILE_BYTES || values > MAX_EXPANDED_NODES) {
      const over = size > MAX_FILE_BYTES ? `${size} bytes, over sit's limit of ${MAX_FILE_BYTES}` : `${values} values, over sit's limit of ${MAX_EXPANDED_NODES}`;
      diagnostics.push(inputDiagnostic(event.event.input, event.event.nameOffset, event.event.namePath, "SIT075", `event "${event.event.name}" is too large: its definition would be ${over}`, "split the event, or flatten its properties"));
      continue;
    }
    // A symbolic link to a definition counts as the file it leads to (replaceFile writes through it).
    const exists = pathExists(absolutePath);
    const isFile = exists && statSync(absolutePath, { throwIfNoEntry: false })?.isFile() === true;
    const previous = isFile ? readFileSync(absolutePath) : undefined;
    if (previous?.equals(Buffer.from(content)) === true) {
      unchanged.push(shown);
      continue;
    }
    if (exists && (!request.force || !isFile)) {
      const message = isFile
        ? `exists already, and sit import replaces no definition without --force (event "${event.event.name}")`
        : `stands where the definition of event "${event.event.name}" goes, and is no file`;
      diagnostics.push(fileDiagnostic(shown, 0, 0, "error", "SIT076", message, isFile ? "pass --force to replace it with the plan's version" : "move it away"));
      continue;
    }
    definitions.push({
      action: event.event.name,
      absolutePath,
      displayPath: shown,
      content,
      previous,
      functionName: named.generatedFunction,
      renamedBecause: named.renamedBecause,
    });
  }
  if (hasErrors(diagnostics) || config.kind === "conflict") return failed(diagnostics);

  diagnostics.push(...validationErrors(project, config, definitions, cwd));
  if (hasErrors(diagnostics)) return failed(diagnostics);
  return { ok: true, format, definitions, unchanged, config, diagnostics: diagnostics.sort(compareDiagnostics) };
}

/** The events of what the user named, each mapped to a definition's properties, with every problem found in them. */
function readPlan(request: ImportRequest): { mapped: MappedEvent[]; format: string; diagnostics: Diagnostic[] } | { message: string } {
  const inputs = readImportInputs(request.source, request.path, request.cwd);
  if (!inputs.ok) return { message: inputs.message };
  const diagnostics: Diagnostic[] = [...inputs.diagnostics];
  const losses: Loss[] = [];
  const mapped: MappedEvent[] = [];
  const first = new Map<string, PlanEvent>();
  for (const reading of inputs.readings) {
    diagnostics.push(...reading.diagnostics);
    losses.push(...reading.losses);
    for (const event of reading.events) {
      const earlier = first.get(event.name);
      if (earlier !== undefined) {
        const hint = `the first is at ${earlier.input.source.location(earlier.nameOffset)}`;
        diagnostics.push(inputDiagnostic(event.input, event.nameOffset, event.namePath, "SIT079", `event "${event.name}" is imported twice`, hint));
        continue;
      }
      first.set(event.name, event);
      const result = mapEventSchema(event);
      diagnostics.push(...result.diagnostics);
      losses.push(...result.losses);
      mapped.push(result);
    }
  }
  diagnostics.push(...losses.map((loss) => lossDiagnostic(loss, request.lossy)));
  if (mapped.length === 0 && !hasErrors(diagnostics)) {
    const shown = displayPath(request.path, request.cwd);
    diagnostics.push(fileDiagnostic(shown, 0, 0, "error", "SIT072", "the plan holds no track events: nothing to import", "name a plan with events, or a folder of event schemas"));
  }
  return { mapped, format: inputs.readings[0]?.format ?? "JSON Schema", diagnostics };
}

/** Whether anything (a file, a folder, a link to nothing) is at `path`; a file where a folder of it should be means no. */
function pathExists(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") return false;
    throw error;
  }
}

const failed = (diagnostics: readonly Diagnostic[]): ImportPlan => ({ ok: false, usage: false, diagnostics: [...diagnostics].sort(compareDiagnostics) });

function lossDiagnostic(loss: Loss, lossy: boolean): Diagnostic {
  const event = loss.event === undefined ? "" : `event "${loss.event}": `;
  const message = `${event}${loss.message} (at ${shownPointer(loss.path)})`;
  return lossy ? loss.input.source.diagnostic(loss.offset, "warning", "SIT074", message) : loss.input.source.diagnostic(loss.offset, "error", "SIT074", message, "pass --lossy to import it so");
}

interface Project {
  /** The config as it is now; `undefined`: there is none, the import creates sit.config.yaml. */
  readonly source: ConfigSource | undefined;
  readonly definitionsDir: string;
  readonly existing: readonly ExistingDefinition[];
  /** Every definition file there is now, read, for the check of the project after the import. */
  readonly files: readonly DefinitionFile[];
}

/** The project as it is: its config and the definitions it has, which the import must not collide with. */
function readProject(request: ImportRequest): Project | { usage: true; diagnostics: Diagnostic[] } | { failed: true; diagnostics: readonly Diagnostic[] } {
  const inputs = readInputs({ cwd: request.cwd, configPath: request.configPath });
  const noProject = inputs.configSource === undefined && inputs.diagnostics.every((diagnostic) => diagnostic.code === "SIT043");
  if (noProject) return { source: undefined, definitionsDir: join(request.cwd, "definitions"), existing: [], files: [] };
  if (inputs.configSource === undefined || inputs.layout === undefined) {
    const all = [...inputs.diagnostics, ...inputs.layoutDiagnostics];
    return all.some((diagnostic) => diagnostic.code === "SIT040") ? { usage: true, diagnostics: all } : { failed: true, diagnostics: all };
  }
  const { definitionsDir } = inputs.layout;
  // A missing definitions folder is created by the import; other problems of the inputs are the project's own, reported by `sit validate`.
  const files = inputs.definitionFiles ?? [];
  const analysis = loadPipeline().runPipeline({ ...inputs, definitionFiles: files, diagnostics: [] }, { until: "checks" });
  const byProjectPath = new Map(files.map((file) => [file.projectPath, file.relativePath]));
  const valid = new Map(analysis.definitions.filter((definition) => definition.internal).map((definition) => [definition.projectPath, definition]));
  const existing = files.map((file): ExistingDefinition => {
    const definition = valid.get(file.projectPath);
    return {
      action: definition?.data.action,
      relativePath: byProjectPath.get(file.projectPath)!,
      generatedNames: definition === undefined ? [] : Object.values(generatedNamesOf(definition.data)),
    };
  });
  return { source: inputs.configSource, definitionsDir, existing, files };
}

/** Free names where the plan's names are not GitLab's snake_case. */
function neededRules(events: readonly MappedEvent[]): NeededRules {
  const actions = events.map((event) => event.event.name).sort(compareCodeUnits);
  let propertyName: string | undefined;
  const visit = (properties: Iterable<[string, PropertyData]>): void => {
    for (const [name, property] of properties) {
      if (propertyName !== undefined) return;
      if (!PROPERTY_NAME_PATTERN.test(name)) propertyName = name;
      if (property?.properties !== undefined) visit(Object.entries(property.properties));
      if (property?.items?.properties !== undefined) visit(Object.entries(property.items.properties));
    }
  };
  for (const event of events) visit(event.properties);
  return { eventName: actions.find((action) => !ACTION_PATTERN.test(action)), propertyName };
}

/** How many values a YAML reader counts in a definition: every key, scalar, list and mapping. */
function valueCount(value: unknown): number {
  if (value instanceof Map) return 1 + [...value.values()].reduce((sum: number, item) => sum + 1 + valueCount(item), 0);
  if (Array.isArray(value)) return 1 + value.reduce((sum: number, item) => sum + valueCount(item), 0);
  if (typeof value === "object" && value !== null) return 1 + Object.values(value).reduce((sum: number, item) => sum + (item === undefined ? 0 : 1 + valueCount(item)), 0);
  return 1;
}

/**
 * The errors `sit validate` would report after the import that concern the imported files: an
 * action another file defines already, a name the importer got wrong. Problems the project had
 * before are its own and left to `sit validate`.
 */
function validationErrors(project: Project, config: ConfigEdit & { kind: "unchanged" | "create" | "edit" }, definitions: readonly PlannedDefinition[], cwd: string): Diagnostic[] {
  const configFile = config.kind === "unchanged" ? project.source!.configFile! : config.path;
  const text = config.kind === "unchanged" ? project.source!.origin!.source.text : config.after;
  const shown = displayPath(configFile, cwd);
  const parsed = parseYaml(text, shown);
  const root: YamlNode = parsed.ok && parsed.root !== null ? parsed.root : { kind: "mapping", start: 0, entries: [] };
  const source: ConfigSource = { rootDir: dirname(configFile), configFile, cwd, origin: { root, source: new SourceFile(shown, text) } };
  const located = configLayout(source);
  const layout = located.layout;
  if (layout === undefined) return located.diagnostics;
  const replaced = new Set(definitions.map((definition) => definition.absolutePath));
  const projectPrefix = folderPrefix(layout.rootDir, layout.definitionsDir);
  const imported: DefinitionFile[] = definitions.map((definition) => {
    const relativePath = definition.absolutePath.slice(layout.definitionsDir.length + 1).split(/[\\/]/).join("/");
    return { relativePath, projectPath: projectPrefix + relativePath, displayPath: definition.displayPath, read: { ok: true, bytes: Buffer.from(definition.content) } };
  });
  const kept = project.files.filter((file) => !replaced.has(join(layout.definitionsDir, ...file.relativePath.split("/"))));
  const analysis = loadPipeline().runPipeline(
    { cwd, configSource: source, layout, layoutDiagnostics: located.diagnostics, definitionFiles: [...kept, ...imported], diagnostics: [] },
    { until: "checks" },
  );
  const ours = new Set(definitions.map((definition) => definition.displayPath));
  return analysis.diagnostics.filter(
    (diagnostic) => diagnostic.severity === "error" && (ours.has(diagnostic.file) || (diagnostic.related ?? []).some((file) => ours.has(file))),
  );
}
