import { resolve } from "node:path";
import type { z } from "zod";
import type { WarningCode } from "../diagnostics/codes";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { didYouMean } from "../diagnostics/suggest";
import { isRecord, nodeAtPath, toPlainValue, type YamlMapping } from "../load/yaml";
import { isJavaScriptIdentifier } from "../text/javascript-names";
import { schemaDiagnostics, type PathSegment } from "../validate/schema-diagnostics";
import { IDENTIFIERS, PROTOTYPE_TRAPS, type IdentifierName } from "../validate/vocabulary";
import { configLayout, type ConfigLayout } from "./config-layout";
import { configDiagnostic, locateInConfig, type ConfigSource } from "./config-source";
import { configSchema, type ConfigData, type DefinitionDefaults, type WarningSeverity } from "./config-schema";
import { exportsLacking } from "./module-exports";
import { moduleSourceFile } from "./module-source";
import { typeExpressionProblem } from "./type-expression";

export interface ResolvedProcessor {
  /** The tracking class name used in definitions, e.g. `Gitlab::Tracking::AiTracking`. */
  readonly className: string;
  /** The import specifier as written in the generated code. */
  readonly importSpecifier: string;
  readonly exportName: string;
}

export interface ResolvedIdentifierType {
  /** The TypeScript type written in the generated code. */
  readonly type: string;
  /** When set, `type` is imported from this specifier. */
  readonly importSpecifier?: string;
}

/** The configuration with every default filled and every path resolved. */
export interface ResolvedConfig extends ConfigLayout {
  readonly configFile: string | undefined;
  readonly processors: ReadonlyMap<string, ResolvedProcessor>;
  readonly defaultProcessors: readonly string[];
  readonly identifierTypes: Readonly<Record<IdentifierName, ResolvedIdentifierType>>;
  /** The project's own templates folder, when the config names one; otherwise sit's templates apply. */
  readonly templatesDir: string | undefined;
  /** Field values `sit new` uses when neither a flag nor a prompt gives one. */
  readonly definitionDefaults: DefinitionDefaults;
  /** Warning codes whose severity the config changed. */
  readonly warningSeverities: ReadonlyMap<WarningCode, WarningSeverity>;
  /** Where each part of the config is written, for diagnostics that concern it. */
  readonly locate: (path: readonly PathSegment[]) => Pick<Diagnostic, "file" | "line" | "column">;
}

/**
 * What the config declares about processors, known even when the config has errors: the checks of
 * the definitions against it still run, so one run reports both.
 */
export interface DeclaredProcessors {
  /** Every tracking class the config defines, valid or not. */
  readonly classNames: ReadonlySet<string>;
  readonly defaultProcessors: readonly string[];
  readonly configFile: string | undefined;
  readonly locate: (path: readonly PathSegment[]) => Pick<Diagnostic, "file" | "line" | "column">;
}

export const DEFAULT_IDENTIFIER_TYPE: ResolvedIdentifierType = { type: "{ readonly id: string | number }" };

type Shape = typeof configSchema.shape;

/**
 * Validates a config read by `readConfigSource` and resolves its paths and modules. Every problem is
 * reported in one run: each key is checked on its own, so an unknown key or a malformed processor
 * does not hide a missing module or an undefined default processor elsewhere.
 */
export function validateConfig(
  config: ConfigSource,
  located: { readonly layout: ConfigLayout | undefined; readonly diagnostics: readonly Diagnostic[] } = configLayout(config),
): { config: ResolvedConfig | undefined; declared: DeclaredProcessors; diagnostics: Diagnostic[] } {
  const layout = located.layout;
  const diagnostics = [...located.diagnostics];
  const root: YamlMapping = config.origin?.root.kind === "mapping" ? config.origin.root : { kind: "mapping", start: 0, entries: [] };
  const raw = toPlainValue(root) as Record<string, unknown>;

  const result = configSchema.safeParse(raw);
  if (!result.success && config.origin !== undefined) diagnostics.push(...schemaProblems(result.error.issues, config));
  const { data, invalidProcessors } = result.success ? { data: result.data, invalidProcessors: new Set<string>() } : partialData(raw);
  diagnostics.push(...prototypeTraps(config, raw));
  const declared: DeclaredProcessors = {
    classNames: new Set([...Object.keys(data.processors), ...invalidProcessors]),
    defaultProcessors: data.defaultProcessors,
    configFile: config.configFile,
    locate: (path) => locateInConfig(config, path),
  };

  if (layout === undefined) return { config: undefined, declared, diagnostics };
  const resolved = resolveConfig(data, config, layout, declared, diagnostics);
  return { config: diagnostics.some((diagnostic) => diagnostic.severity === "error") ? undefined : resolved, declared, diagnostics };
}

function schemaProblems(issues: readonly z.core.$ZodIssue[], config: ConfigSource): Diagnostic[] {
  const { root, source } = config.origin!;
  const keysAt = (path: readonly PathSegment[]): readonly string[] => {
    if (path.length === 0) return Object.keys(configSchema.shape);
    if (path[0] === "identifiers") return path.length === 1 ? IDENTIFIERS : ["type", "module"];
    if (path[0] === "defaults") return ["product_group", "milestone", "introduced_by_url", "tiers"];
    return ["module", "export"];
  };
  return schemaDiagnostics(issues, root, source, keysAt).map((diagnostic) => ({ ...diagnostic, code: "SIT041" as const }));
}

/**
 * The config with each key that fails the schema replaced by its default and each processor or
 * identifier that fails left out, so the checks that follow still run on everything else. A
 * processor left out still counts as defined, so it is not reported a second time as missing.
 */
function partialData(raw: Record<string, unknown>): { data: ConfigData; invalidProcessors: ReadonlySet<string> } {
  const shape: Shape = configSchema.shape;
  const field = <K extends keyof Shape>(key: K): z.output<Shape[K]> => {
    const parsed = shape[key].safeParse(raw[key]);
    return (parsed.success ? parsed.data : shape[key].parse(undefined)) as z.output<Shape[K]>;
  };
  const processors: ConfigData["processors"] = {};
  const invalidProcessors = new Set<string>();
  const processorSchema = shape.processors.unwrap().valueType;
  for (const [name, value] of Object.entries(isRecord(raw["processors"]) ? raw["processors"] : {})) {
    const parsed = processorSchema.safeParse(value);
    if (parsed.success) processors[name] = parsed.data;
    else invalidProcessors.add(name);
  }
  const identifiers: Record<string, unknown> = {};
  const identifierShape = shape.identifiers.unwrap().shape;
  for (const name of IDENTIFIERS) {
    const parsed = identifierShape[name].safeParse(isRecord(raw["identifiers"]) ? raw["identifiers"][name] : undefined);
    if (parsed.success && parsed.data !== undefined) identifiers[name] = parsed.data;
  }
  const data: ConfigData = {
    definitions: field("definitions"),
    output: field("output"),
    templates: field("templates"),
    processors,
    defaultProcessors: field("defaultProcessors"),
    identifiers: identifiers as ConfigData["identifiers"],
    defaults: field("defaults"),
    warnings: field("warnings"),
  };
  return { data, invalidProcessors };
}

/** zod builds records by assignment, so a `__proto__` processor would silently become a prototype. */
function prototypeTraps(config: ConfigSource, raw: Record<string, unknown>): Diagnostic[] {
  const processors = raw["processors"];
  if (!isRecord(processors)) return [];
  return Object.keys(processors)
    .filter((name) => PROTOTYPE_TRAPS.has(name))
    .map((name) => {
      const problem = `processor "${name}" cannot be used: as an object key it would replace the prototype instead of naming a tracking class`;
      const keyStart = config.origin === undefined ? undefined : nodeAtPath(config.origin.root, ["processors", name]).keyStart;
      return keyStart === undefined ? configDiagnostic(config, ["processors"], "SIT019", problem) : config.origin!.source.diagnostic(keyStart, "error", "SIT019", problem);
    });
}

/** A did-you-mean from what the module exports, else what it does export. */
function exportsHint(exportName: string, exported: readonly string[]): string {
  const shown = 10;
  const list = exported.slice(0, shown).map((name) => `"${name}"`).join(", ") + (exported.length > shown ? `, … (${exported.length} in all)` : "");
  return didYouMean(exportName, exported) ?? (exported.length === 0 ? "it exports nothing" : `it exports ${list}`);
}

function resolveConfig(data: ConfigData, config: ConfigSource, layout: ConfigLayout, declared: DeclaredProcessors, diagnostics: Diagnostic[]): ResolvedConfig {
  const problem = (path: readonly PathSegment[], code: "SIT041" | "SIT042" | "SIT050", message: string, hint?: string): void => {
    diagnostics.push(configDiagnostic(config, path, code, message, hint));
  };
  const specifierOf = (module: string): string | undefined => layout.importSpecifiers.get(module);

  const processors = new Map<string, ResolvedProcessor>();
  for (const [className, processor] of Object.entries(data.processors)) {
    if (PROTOTYPE_TRAPS.has(className)) continue;
    const exportName = processor.export ?? className.split("::").pop()!;
    if (!isJavaScriptIdentifier(exportName)) {
      problem(["processors", className], "SIT041", `processor "${className}" needs an \`export\`: "${exportName}" is not a JavaScript identifier`);
      continue;
    }
    const specifier = specifierOf(processor.module);
    if (specifier === undefined) {
      problem(["processors", className, "module"], "SIT042", `module "${processor.module}" of processor "${className}" not found`);
      continue;
    }
    const sourceFile = moduleSourceFile(processor.module, layout.rootDir);
    const exported = sourceFile === undefined ? undefined : exportsLacking(sourceFile, exportName);
    if (exported !== undefined) {
      const message =
        processor.export === undefined
          ? `processor "${className}" has no \`export\`, so it imports "${exportName}", which module "${processor.module}" does not export`
          : `module "${processor.module}" has no export "${exportName}"`;
      problem(["processors", className, ...(processor.export === undefined ? [] : ["export"])], "SIT050", message, exportsHint(exportName, exported));
      continue;
    }
    processors.set(className, { className, importSpecifier: specifier, exportName });
  }

  const defined = declared.classNames;
  const seenDefaults = new Set<string>();
  data.defaultProcessors.forEach((className, index) => {
    if (seenDefaults.has(className)) problem(["defaultProcessors", index], "SIT041", `"${className}" is listed twice in defaultProcessors`);
    seenDefaults.add(className);
    if (!defined.has(className)) {
      problem(["defaultProcessors", index], "SIT041", `default processor "${className}" is not defined in processors`, didYouMean(className, defined));
    }
  });

  const identifierTypes = {} as Record<IdentifierName, ResolvedIdentifierType>;
  for (const name of IDENTIFIERS) {
    const declared = data.identifiers[name];
    if (declared === undefined) {
      identifierTypes[name] = DEFAULT_IDENTIFIER_TYPE;
    } else if (declared.module === undefined) {
      const typeProblem = typeExpressionProblem(declared.type);
      if (typeProblem !== undefined) problem(["identifiers", name, "type"], "SIT041", `identifier type of "${name}" ${typeProblem}`);
      else identifierTypes[name] = { type: declared.type };
    } else if (!isJavaScriptIdentifier(declared.type)) {
      problem(["identifiers", name, "type"], "SIT041", `identifier type "${declared.type}" is imported from a module, so it must be a type name`);
    } else {
      const specifier = specifierOf(declared.module);
      if (specifier === undefined) problem(["identifiers", name, "module"], "SIT042", `module "${declared.module}" of identifier "${name}" not found`);
      else identifierTypes[name] = { type: declared.type, importSpecifier: specifier };
    }
  }

  return {
    ...layout,
    configFile: config.configFile,
    processors,
    defaultProcessors: data.defaultProcessors,
    identifierTypes,
    templatesDir: data.templates === undefined ? undefined : resolve(layout.rootDir, data.templates),
    definitionDefaults: data.defaults,
    warningSeverities: new Map(Object.entries(data.warnings) as [WarningCode, WarningSeverity][]),
    locate: declared.locate,
  };
}
