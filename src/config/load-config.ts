import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { didYouMean } from "../diagnostics/suggest";
import { fileDiagnostic } from "../load/source-file";
import { nodeAtPath, toPlainValue } from "../load/yaml";
import { schemaDiagnostics, type PathSegment } from "../validate/schema-diagnostics";
import { IDENTIFIERS, PROTOTYPE_TRAPS, type IdentifierName } from "../validate/vocabulary";
import { locateInConfig, type ConfigSource } from "./config-source";
import { configSchema, type ConfigData, type DefinitionDefaults, type WarningSeverity } from "./config-schema";
import type { WarningCode } from "../diagnostics/codes";
import { importSpecifier } from "./resolve-import";

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
  /** The project's own templates folder, when the config names one; otherwise sit's templates apply. */
  readonly templatesDir: string | undefined;
  /** Field values `sit new` uses when neither a flag nor a prompt gives one. */
  readonly definitionDefaults: DefinitionDefaults;
  /** Warning codes whose severity the config changed. */
  readonly warningSeverities: ReadonlyMap<WarningCode, WarningSeverity>;
  /** Where each part of the config is written, for diagnostics that concern it. */
  readonly locate: (path: readonly PathSegment[]) => Pick<Diagnostic, "file" | "line" | "column">;
}

export const DEFAULT_IDENTIFIER_TYPE: ResolvedIdentifierType = { type: "{ readonly id: string | number }" };

/** Validates a config read by `readConfigSource` and resolves its paths and modules. */
export function validateConfig(config: ConfigSource): { config: ResolvedConfig | undefined; diagnostics: Diagnostic[] } {
  if (config.origin === undefined) return { config: resolveConfig(configSchema.parse({}), config).config, diagnostics: [] };
  const { root, source } = config.origin;
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
  if (unsafe.length > 0) return { config: undefined, diagnostics: unsafe };
  const result = configSchema.safeParse(root.kind === "mapping" ? toPlainValue(root) : {});
  if (!result.success) {
    const keysAt = (path: readonly PathSegment[]): readonly string[] =>
      path.length === 0
        ? Object.keys(configSchema.shape)
        : path[0] === "identifiers" && path.length === 1
          ? IDENTIFIERS
          : path[0] === "identifiers"
            ? ["type", "module"]
            : path[0] === "defaults"
              ? ["product_group", "milestone", "introduced_by_url", "tiers"]
              : ["module", "export"];
    const diagnostics = schemaDiagnostics(result.error.issues, root, source, keysAt).map((diagnostic) => ({ ...diagnostic, code: "SIT041" as const }));
    return { config: undefined, diagnostics };
  }
  const resolved = resolveConfig(result.data, config);
  return { config: resolved.diagnostics.some((d) => d.severity === "error") ? undefined : resolved.config, diagnostics: resolved.diagnostics };
}

function resolveConfig(data: ConfigData, source: ConfigSource): { config: ResolvedConfig; diagnostics: Diagnostic[] } {
  const { rootDir, configFile } = source;
  const diagnostics: Diagnostic[] = [];
  const locate = (path: readonly PathSegment[]): Pick<Diagnostic, "file" | "line" | "column"> => locateInConfig(source, path);
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
      templatesDir: data.templates === undefined ? undefined : resolve(rootDir, data.templates),
      definitionDefaults: data.defaults,
      warningSeverities: new Map(Object.entries(data.warnings) as [WarningCode, WarningSeverity][]),
      locate,
    },
    diagnostics,
  };
}
