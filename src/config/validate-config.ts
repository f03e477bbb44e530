import { resolve } from "node:path";
import type { z } from "zod";
import type { WarningCode } from "../diagnostics/codes";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { didYouMean } from "../diagnostics/suggest";
import { compareCodeUnits } from "../text/code-units";
import { isRecord, nodeAtPath, toPlainValue, type YamlMapping } from "../load/yaml-tree";
import { camelCase, identifierTypeNameOf } from "../naming/names";
import { isJavaScriptIdentifier } from "../text/javascript-names";
import { DEFINITION_KEYS } from "../validate/definition-schema";
import { schemaDiagnostics, type PathSegment } from "../validate/schema-diagnostics";
import type { ConfigDeclarations } from "../validate/config-declarations";
import { DEFAULT_IDENTIFIER_TYPE, GITLAB_REQUIRED_KEYS, GITLAB_VOCABULARY, IDENTIFIERS, PROTOTYPE_TRAPS, TIERS, UNTYPABLE_PROPERTY_NAMES, type Vocabulary } from "../validate/vocabulary";
import { configLayout, type ConfigLayout } from "./config-layout";
import { configDiagnostic, locateInConfig, type ConfigSource } from "./config-source";
import { configSchema, DEFAULTS_KEYS, IDENTIFIER_KEYS, RULE_KEYS, type ConfigData, type DefinitionDefaults, type RulesData, type WarningSeverity } from "./config-schema";
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

/** An identifier definitions may name, with what the SDK makes of it. */
export interface ResolvedIdentifier extends ResolvedIdentifierType {
  /** As definitions name it. */
  readonly name: string;
  /** Its key in arguments and payloads (camelCase). */
  readonly field: string;
  /** Set once for all events with `setTrackingContext`, not passed to each. */
  readonly fromContext: boolean;
}

/** The configuration with every default filled and every path resolved. */
export interface ResolvedConfig extends ConfigLayout {
  readonly configFile: string | undefined;
  readonly processors: ReadonlyMap<string, ResolvedProcessor>;
  readonly defaultProcessors: readonly string[];
  /** GitLab's four, then the config's own, in the vocabulary's order. */
  readonly identifiers: readonly ResolvedIdentifier[];
  /** What definitions may say. */
  readonly vocabulary: Vocabulary;
  /** The project's own templates folder, when the config names one; otherwise sit's templates apply. */
  readonly templatesDir: string | undefined;
  /** Field values `sit new` uses when neither a flag nor a prompt gives one. */
  readonly definitionDefaults: DefinitionDefaults;
  /** Warning codes whose severity the config changed. */
  readonly warningSeverities: ReadonlyMap<WarningCode, WarningSeverity>;
  /** Where each part of the config is written, for diagnostics that concern it. */
  readonly locate: (path: readonly PathSegment[]) => Pick<Diagnostic, "file" | "line" | "column">;
}

type Shape = typeof configSchema.shape;

/**
 * Validates a config read by `readConfigSource` and resolves its paths and modules. Every problem is
 * reported in one run: each key is checked on its own, so an unknown key or a malformed processor
 * does not hide a missing module or an undefined default processor elsewhere.
 */
export function validateConfig(
  config: ConfigSource,
  located: { readonly layout: ConfigLayout | undefined; readonly diagnostics: readonly Diagnostic[] } = configLayout(config),
): { config: ResolvedConfig | undefined; declared: ConfigDeclarations; diagnostics: Diagnostic[] } {
  const layout = located.layout;
  const diagnostics = [...located.diagnostics];
  const root: YamlMapping = config.origin?.root.kind === "mapping" ? config.origin.root : { kind: "mapping", start: 0, entries: [] };
  const raw = toPlainValue(root) as Record<string, unknown>;

  const result = configSchema.safeParse(raw);
  if (!result.success && config.origin !== undefined) diagnostics.push(...schemaProblems(result.error.issues, config));
  const { data, invalidProcessors } = result.success ? { data: result.data, invalidProcessors: new Set<string>() } : partialData(raw);
  diagnostics.push(...prototypeTraps(config, raw));
  const declared: ConfigDeclarations = {
    vocabulary: vocabularyOf(Object.keys(data.identifiers), data.rules),
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
    if (path[0] === "identifiers") return path.length === 1 ? IDENTIFIERS : IDENTIFIER_KEYS;
    if (path[0] === "rules") return RULE_KEYS;
    if (path[0] === "defaults") return DEFAULTS_KEYS;
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
  const identifierSchema = shape.identifiers.unwrap().valueType;
  for (const [name, value] of Object.entries(isRecord(raw["identifiers"]) ? raw["identifiers"] : {})) {
    const parsed = identifierSchema.safeParse(value);
    if (parsed.success && !PROTOTYPE_TRAPS.has(name)) identifiers[name] = parsed.data;
  }
  const data: ConfigData = {
    definitions: field("definitions"),
    output: field("output"),
    templates: field("templates"),
    processors,
    defaultProcessors: field("defaultProcessors"),
    identifiers: identifiers as ConfigData["identifiers"],
    rules: field("rules"),
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

function resolveConfig(data: ConfigData, config: ConfigSource, layout: ConfigLayout, declared: ConfigDeclarations, diagnostics: Diagnostic[]): ResolvedConfig {
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

  const vocabulary = declared.vocabulary;
  const identifiers = resolveIdentifiers(data, vocabulary, specifierOf, problem);

  const requiredKeys = data.rules.required ?? [];
  requiredKeys.forEach((key, index) => {
    if (!DEFINITION_KEYS.includes(key)) problem(["rules", "required", index], "SIT041", `"${key}" in rules.required is not a key of definitions`, didYouMean(key, DEFINITION_KEYS));
  });
  const tiers = new Set(vocabulary.tiers);
  const seenTiers = new Set<string>();
  (data.rules.tiers ?? []).forEach((tier, index) => {
    if (seenTiers.has(tier)) problem(["rules", "tiers", index], "SIT041", `tier "${tier}" is listed twice in rules.tiers`);
    seenTiers.add(tier);
  });
  (data.defaults.tiers ?? []).forEach((tier, index) => {
    if (!tiers.has(tier)) problem(["defaults", "tiers", index], "SIT041", `default tier "${tier}" is not one of the tiers definitions may list (${vocabulary.tiers.join(", ")})`, didYouMean(tier, vocabulary.tiers));
  });

  return {
    ...layout,
    configFile: config.configFile,
    processors,
    defaultProcessors: data.defaultProcessors,
    identifiers,
    vocabulary,
    templatesDir: data.templates === undefined ? undefined : resolve(layout.rootDir, data.templates),
    definitionDefaults: data.defaults,
    warningSeverities: new Map(Object.entries(data.warnings) as [WarningCode, WarningSeverity][]),
    locate: declared.locate,
  };
}

/**
 * What definitions may say under the config's `identifiers:` and `rules:`; GitLab's own words,
 * the very object, when the config names none.
 */
export function vocabularyOf(identifierNames: readonly string[], rules: RulesData): Vocabulary {
  const custom = identifierNames.filter((name) => !(IDENTIFIERS as readonly string[]).includes(name) && !PROTOTYPE_TRAPS.has(name)).sort(compareCodeUnits);
  if (custom.length === 0 && Object.values(rules).every((rule) => rule === undefined)) return GITLAB_VOCABULARY;
  return {
    identifiers: [...IDENTIFIERS, ...custom],
    tiers: rules.tiers === undefined ? TIERS : [...new Set(rules.tiers)],
    required: new Set(["action", ...(rules.required ?? GITLAB_REQUIRED_KEYS)]),
    eventNames: rules.eventNames ?? "snake_case",
    propertyNames: rules.propertyNames ?? "snake_case",
  };
}

/** The default type of an identifier: what GitLab's backend reads of it. */
const identifierTypeOr = (declared: ConfigData["identifiers"][string] | undefined): string => declared?.type ?? DEFAULT_IDENTIFIER_TYPE;

/** Every identifier of the vocabulary, with its field, its type and where that type comes from. */
function resolveIdentifiers(
  data: ConfigData,
  vocabulary: Vocabulary,
  specifierOf: (module: string) => string | undefined,
  problem: (path: readonly PathSegment[], code: "SIT041" | "SIT042", message: string, hint?: string) => void,
): ResolvedIdentifier[] {
  const resolved: ResolvedIdentifier[] = [];
  const owners = new Map<string, string>();
  for (const name of vocabulary.identifiers) {
    const declared = Object.prototype.hasOwnProperty.call(data.identifiers, name) ? data.identifiers[name] : undefined;
    const field = camelCase(name);
    const at = ["identifiers", name];
    if (UNTYPABLE_PROPERTY_NAMES.has(name) || UNTYPABLE_PROPERTY_NAMES.has(field) || field === "additionalProperties") {
      problem(at, "SIT041", `identifier "${name}" cannot be used: its field \`${field}\` is ${field === "additionalProperties" ? "the payload's properties" : "a member of every JavaScript object"}`, "choose another name");
      continue;
    }
    const taken = [field, identifierTypeNameOf(name)];
    const clash = taken.find((candidate) => owners.has(candidate));
    if (clash !== undefined) problem(at, "SIT041", `identifiers "${owners.get(clash)}" and "${name}" would both be \`${clash}\` in the SDK`, "rename one of them");
    for (const candidate of taken) owners.set(candidate, name);
    const fromContext = declared?.fromContext === true;
    const type = identifierTypeOr(declared);
    if (declared?.module === undefined) {
      const typeProblem = declared?.type === undefined ? undefined : typeExpressionProblem(declared.type);
      if (typeProblem !== undefined) problem([...at, "type"], "SIT041", `identifier type of "${name}" ${typeProblem}`);
      else resolved.push({ name, field, type, fromContext });
    } else if (declared.type === undefined || !isJavaScriptIdentifier(declared.type)) {
      problem([...at, declared.type === undefined ? "module" : "type"], "SIT041", `identifier "${name}" imports its type from a module, so \`type\` must be the name of a type it exports`);
    } else {
      const specifier = specifierOf(declared.module);
      if (specifier === undefined) problem([...at, "module"], "SIT042", `module "${declared.module}" of identifier "${name}" not found`);
      else resolved.push({ name, field, type: declared.type, importSpecifier: specifier, fromContext });
    }
  }
  return resolved;
}
