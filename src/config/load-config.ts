import { existsSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { didYouMean } from "../diagnostics/suggest";
import { displayPath } from "../load/load-definitions";
import { readTextFile } from "../load/read-text-file";
import { fileDiagnostic, SourceFile } from "../load/source-file";
import { nodeAtPath, parseYaml, toPlainValue, type YamlNode } from "../load/yaml";
import { schemaDiagnostics, type PathSegment } from "../validate/schema-diagnostics";
import { IDENTIFIERS, PROTOTYPE_TRAPS, type IdentifierName } from "../validate/vocabulary";
import { configSchema, type ConfigData } from "./config-schema";
import { importSpecifier } from "./resolve-import";

export const CONFIG_FILE_NAMES = ["sit.config.yaml", "sit.config.yml", "sit.config.json"] as const;

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
export interface ResolvedConfig {
  /** The config file's folder (the working directory when there is none): paths are relative to it. */
  readonly rootDir: string;
  readonly configFile: string | undefined;
  readonly definitionsDir: string;
  readonly outputDir: string;
  readonly processors: ReadonlyMap<string, ResolvedProcessor>;
  readonly defaultProcessors: readonly string[];
  readonly identifierTypes: Readonly<Record<IdentifierName, ResolvedIdentifierType>>;
  /** Where each part of the config is written, for diagnostics that concern it. */
  readonly locate: (path: readonly PathSegment[]) => Pick<Diagnostic, "file" | "line" | "column">;
}

export interface ConfigOptions {
  readonly cwd: string;
  /** An explicit `--config` path; without it sit looks for sit.config.{yaml,yml,json} in `cwd`. */
  readonly configPath?: string | undefined;
}

export const DEFAULT_IDENTIFIER_TYPE: ResolvedIdentifierType = { type: "{ readonly id: string | number }" };

export function loadConfig(options: ConfigOptions): { config: ResolvedConfig | undefined; diagnostics: Diagnostic[] } {
  const configFile =
    options.configPath !== undefined
      ? resolve(options.cwd, options.configPath)
      : CONFIG_FILE_NAMES.map((name) => resolve(options.cwd, name)).find((path) => existsSync(path));
  if (configFile === undefined) {
    return { config: resolveConfig(configSchema.parse({}), options.cwd, undefined, undefined, options.cwd).config, diagnostics: [] };
  }
  const shownPath = displayPath(configFile, options.cwd);
  if (!existsSync(configFile)) {
    return { config: undefined, diagnostics: [fileDiagnostic(shownPath, 0, 0, "error", "SIT040", "config file not found")] };
  }
  const read = readTextFile(configFile);
  if (!read.ok) {
    // A file that cannot be read is a usage error (SIT040, exit 2); one that is read but is not text is an invalid config.
    const { line, column } = read.position ?? { line: 0, column: 0 };
    return { config: undefined, diagnostics: [fileDiagnostic(shownPath, line, column, "error", read.code === "SIT007" ? "SIT040" : "SIT041", read.message)] };
  }
  const source = new SourceFile(shownPath, read.text);
  const parsed = parseYaml(read.text, shownPath);
  const problems = source.yamlDiagnostics(parsed.problems, "SIT041");
  if (!parsed.ok) return { config: undefined, diagnostics: problems };
  const root: YamlNode = parsed.root ?? { kind: "mapping", start: 0, entries: [] };
  if (root.kind !== "mapping" && !(root.kind === "scalar" && root.value === null)) {
    return { config: undefined, diagnostics: [...problems, source.diagnostic(root.start, "error", "SIT041", "the config must be a mapping of keys")] };
  }
  // zod builds records by assignment, so a `__proto__` processor would silently become a prototype.
  const processorsNode = nodeAtPath(root, ["processors"]);
  const unsafe =
    processorsNode.exact && processorsNode.node.kind === "mapping"
      ? processorsNode.node.entries
          .filter((entry) => PROTOTYPE_TRAPS.has(entry.key))
          .map((entry) =>
            source.diagnostic(entry.keyStart, "error", "SIT019", `processor "${entry.key}" cannot be used: as an object key it would replace the prototype instead of naming a tracking class`),
          )
      : [];
  if (unsafe.length > 0) return { config: undefined, diagnostics: [...problems, ...unsafe] };
  const result = configSchema.safeParse(root.kind === "mapping" ? toPlainValue(root) : {});
  if (!result.success) {
    const keysAt = (path: readonly PathSegment[]): readonly string[] =>
      path.length === 0
        ? Object.keys(configSchema.shape)
        : path[0] === "identifiers" && path.length === 1
          ? IDENTIFIERS
          : path[0] === "identifiers"
            ? ["type", "module"]
            : ["module", "export"];
    const diagnostics = schemaDiagnostics(result.error.issues, root, source, keysAt).map((diagnostic) => ({ ...diagnostic, code: "SIT041" as const }));
    return { config: undefined, diagnostics: [...problems, ...diagnostics] };
  }
  const resolved = resolveConfig(result.data, dirname(configFile), configFile, { root, source }, options.cwd);
  return { config: resolved.diagnostics.some((d) => d.severity === "error") ? undefined : resolved.config, diagnostics: [...problems, ...resolved.diagnostics] };
}

function resolveConfig(
  data: ConfigData,
  rootDir: string,
  configFile: string | undefined,
  origin: { root: YamlNode; source: SourceFile } | undefined,
  cwd: string,
): { config: ResolvedConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const shownConfig = configFile === undefined ? "sit.config.yaml" : displayPath(configFile, cwd);
  const locate = (path: readonly PathSegment[]): Pick<Diagnostic, "file" | "line" | "column"> => {
    if (origin === undefined) return { file: shownConfig, line: 0, column: 0 };
    const { file, line, column } = origin.source.diagnostic(nodeAtPath(origin.root, path).node.start, "error", "SIT041", "");
    return { file, line, column };
  };
  const problem = (path: readonly PathSegment[], code: "SIT041" | "SIT042", message: string, hint?: string): void => {
    const where = locate(path);
    diagnostics.push(fileDiagnostic(where.file, where.line, where.column, "error", code, message, hint));
  };

  const outputDir = resolve(rootDir, data.output);
  const processors = new Map<string, ResolvedProcessor>();
  for (const [className, processor] of Object.entries(data.processors)) {
    const exportName = processor.export ?? className.split("::").pop()!;
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(exportName)) {
      problem(["processors", className], "SIT041", `processor "${className}" needs an \`export\`: "${exportName}" is not a JavaScript identifier`);
      continue;
    }
    const specifier = importSpecifier(processor.module, rootDir, outputDir);
    if (specifier === undefined) {
      problem(["processors", className, "module"], "SIT042", `module "${processor.module}" of processor "${className}" not found`);
      continue;
    }
    processors.set(className, { className, importSpecifier: specifier, exportName });
  }

  const seenDefaults = new Set<string>();
  data.defaultProcessors.forEach((className, index) => {
    if (seenDefaults.has(className)) problem(["defaultProcessors", index], "SIT041", `"${className}" is listed twice in defaultProcessors`);
    seenDefaults.add(className);
    if (!Object.hasOwn(data.processors, className)) {
      problem(["defaultProcessors", index], "SIT041", `default processor "${className}" is not defined in processors`, didYouMean(className, Object.keys(data.processors)));
    }
  });

  const identifierTypes = {} as Record<IdentifierName, ResolvedIdentifierType>;
  for (const name of IDENTIFIERS) {
    const declared = data.identifiers[name];
    if (declared === undefined) {
      identifierTypes[name] = DEFAULT_IDENTIFIER_TYPE;
    } else if (declared.module === undefined) {
      identifierTypes[name] = { type: declared.type };
    } else if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(declared.type)) {
      problem(["identifiers", name, "type"], "SIT041", `identifier type "${declared.type}" is imported from a module, so it must be a type name`);
    } else {
      const specifier = importSpecifier(declared.module, rootDir, outputDir);
      if (specifier === undefined) problem(["identifiers", name, "module"], "SIT042", `module "${declared.module}" of identifier "${name}" not found`);
      else identifierTypes[name] = { type: declared.type, importSpecifier: specifier };
    }
  }

  return {
    config: {
      rootDir,
      configFile,
      definitionsDir: resolve(rootDir, data.definitions),
      outputDir,
      processors,
      defaultProcessors: data.defaultProcessors,
      identifierTypes,
      locate,
    },
    diagnostics,
  };
}

/** The config as it shapes the output, free of absolute paths, for the inputs hash. */
export function configFingerprint(config: ResolvedConfig): string {
  const relativeTo = (path: string): string => relative(config.rootDir, path).split(sep).join("/");
  return JSON.stringify({
    definitions: relativeTo(config.definitionsDir),
    output: relativeTo(config.outputDir),
    processors: [...config.processors.values()].sort((a, b) => (a.className < b.className ? -1 : 1)),
    defaultProcessors: config.defaultProcessors,
    identifierTypes: IDENTIFIERS.map((name) => [name, config.identifierTypes[name]]),
  });
}
