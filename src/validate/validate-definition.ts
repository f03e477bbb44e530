import type { Diagnostic, Position } from "../diagnostics/diagnostic";
import { closestMatch } from "../diagnostics/suggest";
import type { LoadedDefinition } from "../load/load-definitions";
import type { SourceFile } from "../load/source-file";
import { toPlainValue, type YamlEntry, type YamlMapping, type YamlNode, type YamlScalar } from "../load/yaml-tree";
import { INDEX_INTERNAL_NAMES, SDK_API_NAMES, SENDER_PREFIX } from "../naming/sdk-api";
import { actionSlug, functionNameOf } from "../naming/names";
import { RESERVED_WORDS } from "../text/javascript-names";
import { stableJson } from "../text/stable-json";
import { DEFINITION_KEYS, definitionSchemaFor, PROPERTY_KEYS, TRACKER_KEYS, type DefinitionData } from "./definition-schema";
import { schemaDiagnostics, type PathSegment } from "./schema-diagnostics";
import {
  ACTION_PATTERN,
  BUILT_IN_PROPERTY_TYPES,
  CONSTRAINTS,
  CONTROL_CHARACTER,
  FUNCTION_NAME_PATTERN,
  GITLAB_VOCABULARY,
  MAX_TYPE_DEPTH,
  NULL_TYPE,
  PRINTABLE_NAME_PATTERN,
  PROPERTY_NAME_PATTERN,
  PROPERTY_TYPES,
  PROTOTYPE_TRAPS,
  UNTYPABLE_PROPERTY_NAMES,
  UNTYPED_PROPERTY_TYPES,
  type PropertyType,
  type Vocabulary,
} from "./vocabulary";

/**
 * A definition that passed every check of its own, as plain data (no YAML tree): it is cheap to
 * pass between threads, and carries the positions that checks across files report at.
 */
export interface ValidDefinition {
  /** Relative to the project root, `/`-separated. */
  readonly projectPath: string;
  /** As diagnostics name the file. */
  readonly displayPath: string;
  readonly data: DefinitionData;
  /** `internal_events: true`: gets a tracking function. Others are legacy, documented only. */
  readonly internal: boolean;
  /** Where the action's value is written. */
  readonly actionPosition: Position;
  /** Each tracking class the definition names, in order, where it names it. */
  readonly trackerClasses: readonly TrackerReference[];
}

export interface TrackerReference {
  readonly className: string;
  readonly position: Position;
}

/**
 * What a file names that the config must define, read even when the file has other errors: the
 * tracking classes of an internal event, and the identifiers of any definition.
 */
export interface FileTrackerReferences {
  readonly displayPath: string;
  readonly references: readonly TrackerReference[];
  readonly identifiers: readonly string[];
}

export interface DefinitionCheckOptions {
  /**
   * Hold definitions to GitLab's own schema, whatever the config says: GitLab's words, and none of
   * sit's extensions, so files stay valid for GitLab.
   */
  readonly gitlabStrict: boolean;
  /** What definitions may say: the config's identifiers and rules. */
  readonly vocabulary: Vocabulary;
}

/** sit's extensions of a property, which GitLab's schema rejects. */
const SIT_EXTENSION_KEYS: ReadonlySet<string> = new Set(["type", "enum", "required", "items", "properties", "minimum", "maximum", "minLength", "maxLength", "pattern"]);

/** How deep a definition may nest at all: below it, the checks would only recurse for nothing. */
const MAX_NESTING = 2 * MAX_TYPE_DEPTH + 8;

export function validateDefinition(
  loaded: LoadedDefinition,
  options: DefinitionCheckOptions,
): { definition: ValidDefinition | undefined; diagnostics: Diagnostic[]; trackerReferences: FileTrackerReferences } {
  const root = loaded.root;
  const vocabulary = options.gitlabStrict ? GITLAB_VOCABULARY : options.vocabulary;
  const tooDeep = deepestBeyond(root, MAX_NESTING);
  if (tooDeep !== undefined) {
    const diagnostic = loaded.source.diagnostic(tooDeep.start, "error", "SIT063", `the definition nests deeper than ${MAX_NESTING} levels`, "a plan this deep is a mistake: flatten it");
    return { definition: undefined, diagnostics: [diagnostic], trackerReferences: { displayPath: loaded.source.displayPath, references: [], identifiers: [] } };
  }
  const parsed = definitionSchemaFor(vocabulary).safeParse(toPlainValue(root));
  const diagnostics = parsed.success
    ? []
    : schemaDiagnostics(parsed.error.issues, root, loaded.source, keysAt, (path) =>
        path.length === 1 && path[0] === "action" ? "SIT014" : undefined,
      ).map((diagnostic) => (diagnostic.code === "SIT014" ? { ...diagnostic, hint: actionHint(root, options.gitlabStrict) } : diagnostic));
  diagnostics.push(...semanticDiagnostics(loaded, root, { ...options, vocabulary }));
  const valid = parsed.success && !diagnostics.some((diagnostic) => diagnostic.severity === "error");
  const trackerClasses = isInternal(root) ? trackerClassNodes(root).map(({ className, offset }) => ({ className, position: loaded.source.position(offset) })) : [];
  return {
    trackerReferences: { displayPath: loaded.source.displayPath, references: trackerClasses, identifiers: namedIdentifiers(root) },
    definition: valid
      ? {
          projectPath: loaded.projectPath,
          displayPath: loaded.source.displayPath,
          data: parsed.data,
          internal: parsed.data.internal_events === true,
          actionPosition: loaded.source.position(entry(root, "action")?.value.start ?? 0),
          trackerClasses,
        }
      : undefined,
    diagnostics,
  };
}

function actionHint(root: YamlMapping, gitlabStrict: boolean): string {
  const action = entry(root, "action")?.value;
  const suggestion = action?.kind === "scalar" && typeof action.value === "string" ? snakeCase(action.value) : "";
  const rule = "or set `rules: { eventNames: any }` in sit.config.yaml to keep names as your data writes them";
  if (gitlabStrict) return suggestion === "" ? "use lowercase letters, digits and underscores" : `did you mean "${suggestion}"?`;
  return suggestion === "" ? `use lowercase letters, digits and underscores, ${rule}` : `did you mean "${suggestion}"? ${rule[0]!.toUpperCase()}${rule.slice(1)}`;
}

function keysAt(path: readonly PathSegment[]): readonly string[] {
  if (path.length === 0) return DEFINITION_KEYS;
  if (path[0] === "extra_trackers" && path.length === 2) return TRACKER_KEYS;
  return path[path.length - 1] === "items" ? VALUE_KEYS : PROPERTY_KEYS;
}

/** What an array's `items` may say: a property's keys but `required`. */
const VALUE_KEYS = PROPERTY_KEYS.filter((key) => key !== "required");

/** A node nested more than `limit` levels deep, if there is one: found without recursion. */
function deepestBeyond(root: YamlNode, limit: number): YamlNode | undefined {
  const pending: [YamlNode, number][] = [[root, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (depth > limit) return node;
    if (node.kind === "mapping") for (const { value } of node.entries) pending.push([value, depth + 1]);
    else if (node.kind === "sequence") for (const item of node.items) pending.push([item, depth + 1]);
  }
  return undefined;
}

const entry = (mapping: YamlNode | undefined, key: string): YamlEntry | undefined =>
  mapping?.kind === "mapping" ? mapping.entries.find((candidate) => candidate.key === key) : undefined;

/** Checks that need more than the schema; they read the tree, so they run even when the schema fails. */
function semanticDiagnostics(loaded: LoadedDefinition, root: YamlMapping, options: DefinitionCheckOptions): Diagnostic[] {
  const { source } = loaded;
  const { vocabulary } = options;
  const diagnostics: Diagnostic[] = [];
  const action = entry(root, "action");
  const functionName = entry(root, "function_name");

  if (action?.value.kind === "scalar" && typeof action.value.value === "string") {
    const name = action.value.value;
    if (PROTOTYPE_TRAPS.has(name)) {
      diagnostics.push(
        source.diagnostic(
          action.value.start,
          "error",
          "SIT019",
          `action "${name}" cannot be used: as a key of EventArgs and EVENTS it would replace the object's prototype instead of naming an event`,
        ),
      );
    }
    if (vocabulary.eventNames === "any" && CONTROL_CHARACTER.test(name)) {
      diagnostics.push(source.diagnostic(action.value.start, "error", "SIT014", `action ${JSON.stringify(name)} holds a control character`, "write the name on one line, in printable characters"));
    }
    if (isInternal(root) && functionName === undefined && name !== "" && functionNameOf(name) === undefined) {
      diagnostics.push(
        source.diagnostic(action.value.start, "error", "SIT064", `action ${JSON.stringify(name)} has no letter or digit to make a function name of`, "name the function with `function_name: trackSomething`"),
      );
    }
    const fileName = loaded.relativePath.slice(loaded.relativePath.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "");
    const nameAllowed = vocabulary.eventNames === "any" || ACTION_PATTERN.test(name);
    if (nameAllowed && name !== "" && !fileNameMatches(fileName, name, isInternal(root))) {
      const expected = ACTION_PATTERN.test(name) ? name : actionSlug(name);
      diagnostics.push(
        source.diagnostic(action.value.start, "warning", "SIT022", `file name "${fileName}" differs from action "${name}"`, `rename the file to ${expected}.yml`),
      );
    }
  }
  if (functionName !== undefined) diagnostics.push(...functionNameDiagnostics(source, functionName, options.gitlabStrict));

  const modern = entry(root, "extra_trackers");
  const legacy = entry(root, "extra_tracking_classes");
  if (modern !== undefined && legacy !== undefined) {
    const second = modern.keyStart > legacy.keyStart ? modern : legacy;
    diagnostics.push(
      source.diagnostic(
        second.keyStart,
        "error",
        "SIT020",
        "`extra_trackers` and `extra_tracking_classes` both list trackers; use one",
        "move the classes of `extra_tracking_classes` into `extra_trackers` as `- tracking_class: <class>`",
      ),
    );
  }

  const status = entry(root, "status");
  if (status?.value.kind === "scalar" && status.value.value === "removed") {
    for (const key of ["milestone_removed", "removed_by_url"]) {
      if (entry(root, key) === undefined) {
        const example = key === "milestone_removed" ? "milestone_removed: '18.3'" : "removed_by_url: https://gitlab.com/…/merge_requests/123";
        diagnostics.push(
          source.diagnostic(status.value.start, "error", "SIT021", `a removed event needs \`${key}\``, `add \`${example}\` (the milestone and merge request that removed it)`),
        );
      }
    }
  }

  for (const [key, what] of [["identifiers", "identifier"], ["tiers", "tier"]] as const) {
    const list = entry(root, key);
    if (list?.value.kind !== "sequence") continue;
    const seen = new Set<unknown>();
    for (const item of list.value.items) {
      if (item.kind !== "scalar") continue;
      if (seen.has(item.value)) diagnostics.push(source.diagnostic(item.start, "error", "SIT013", `${what} "${String(item.value)}" is listed twice`));
      seen.add(item.value);
    }
  }

  const declared = new Map<string, { value: YamlNode; owner: string }>();
  const checkProperties = (properties: YamlNode | undefined, owner: string): void => {
    if (properties?.kind !== "mapping") return;
    for (const property of properties.entries) {
      diagnostics.push(...propertyDiagnostics(loaded, property, { owner, options, depth: 0, topLevel: owner === "additional_properties" }));
      const previous = declared.get(property.key);
      const conflicting =
        previous !== undefined &&
        (previous.owner === "additional_properties" || owner === "additional_properties" || declaredType(previous.value) !== declaredType(property.value));
      if (conflicting) {
        diagnostics.push(
          source.diagnostic(
            property.keyStart,
            "error",
            "SIT027",
            `property "${property.key}" is declared in ${previous.owner} and again in ${owner}`,
          ),
        );
      }
      declared.set(property.key, { value: property.value, owner });
    }
  };
  checkProperties(entry(root, "additional_properties")?.value, "additional_properties");

  if (modern?.value.kind === "sequence") {
    modern.value.items.forEach((tracker, index) => {
      const className = entry(tracker, "tracking_class")?.value;
      const owner = `the protected properties of ${className?.kind === "scalar" ? String(className.value) : `extra_trackers[${index}]`}`;
      checkProperties(entry(tracker, "protected_properties")?.value, owner);
    });
  }
  return diagnostics;
}

/** The SDK sends to each tracking class with a function `sendTo<Class>`: no event's function may be named so. */

/** A function name of a definition's own: camelCase ASCII, and none the SDK uses itself. */
function functionNameDiagnostics(source: SourceFile, name: YamlEntry, gitlabStrict: boolean): Diagnostic[] {
  if (gitlabStrict) return [source.diagnostic(name.keyStart, "error", "SIT025", "`function_name` is a sit extension that GitLab's schema rejects")];
  const value = name.value;
  if (value.kind !== "scalar" || typeof value.value !== "string") return [];
  const text = value.value;
  const problem = !FUNCTION_NAME_PATTERN.test(text)
    ? "must be a camelCase name of ASCII letters and digits, starting with a lowercase letter"
    : RESERVED_WORDS.has(text)
      ? "is a reserved word of JavaScript"
      : SDK_API_NAMES.has(text) || INDEX_INTERNAL_NAMES.has(text) || text.startsWith(SENDER_PREFIX)
        ? "is a name the SDK uses itself"
        : undefined;
  return problem === undefined ? [] : [source.diagnostic(value.start, "error", "SIT064", `function_name "${text}" ${problem}`, "e.g. `function_name: trackOrderCompletedAgain`")];
}

/**
 * Internal events are named `<action>.yml` (or, for an action that is no snake_case name, after
 * its words: `order_completed.yml`); GitLab names legacy Snowplow definitions
 * `<timestamp>_<category>_<action>.yml`, so for those the name need only end with the action.
 */
function fileNameMatches(fileName: string, action: string, internal: boolean): boolean {
  return fileName === action || fileName === actionSlug(action) || (!internal && fileName.endsWith(`_${action}`));
}

/** The identifiers a definition lists, as far as they are names. */
function namedIdentifiers(root: YamlMapping): string[] {
  const list = entry(root, "identifiers")?.value;
  if (list?.kind !== "sequence") return [];
  return list.items.flatMap((item) => (item.kind === "scalar" && typeof item.value === "string" ? [item.value] : []));
}

function isInternal(root: YamlMapping): boolean {
  const flag = entry(root, "internal_events")?.value;
  return flag?.kind === "scalar" && flag.value === true;
}

/** What a property declares of its value, for comparing two declarations of one property. */
function declaredType(property: YamlNode): string {
  if (property.kind !== "mapping") return "";
  const { description: _, required: __, ...value } = toPlainValue(property) as Record<string, unknown>;
  return stableJson(value);
}

interface PropertyContext {
  /** What declares the property, for messages: `additional_properties`, a tracker's protected properties, an object property. */
  readonly owner: string;
  readonly options: DefinitionCheckOptions;
  /** How many `items` and `properties` the property is inside of. */
  readonly depth: number;
  /** A property of `additional_properties` itself: GitLab's built-in names apply. */
  readonly topLevel: boolean;
}

function propertyDiagnostics(loaded: LoadedDefinition, property: YamlEntry, context: PropertyContext): Diagnostic[] {
  const { source } = loaded;
  const { owner, options } = context;
  const diagnostics: Diagnostic[] = [];
  const name = property.key;
  if (PROTOTYPE_TRAPS.has(name)) {
    diagnostics.push(
      source.diagnostic(
        property.keyStart,
        "error",
        "SIT019",
        `property "${name}" cannot be used: in an object literal \`${name}\` sets the prototype instead of a property, so callers could not pass it and processors would not receive it`,
      ),
    );
  } else if (UNTYPABLE_PROPERTY_NAMES.has(name) && (options.vocabulary.propertyNames === "any" || PROPERTY_NAME_PATTERN.test(name))) {
    diagnostics.push(
      source.diagnostic(
        property.keyStart,
        "error",
        "SIT019",
        `property "${name}" cannot be used: every JavaScript object already has a \`${name}\` (${name === "constructor" ? "its class" : "from Object.prototype"}), so TypeScript would reject any additionalProperties that does not pass it, even \`{}\`, and a processor would read ${name === "constructor" ? "`Object`" : "Object.prototype's"} where the caller passed nothing`,
        `rename it, e.g. "${name}_name"`,
      ),
    );
  } else if (options.vocabulary.propertyNames === "any") {
    if (!PRINTABLE_NAME_PATTERN.test(name)) {
      diagnostics.push(source.diagnostic(property.keyStart, "error", "SIT024", `property name ${JSON.stringify(name)} in ${owner} is empty or holds a control character`));
    }
  } else if (!PROPERTY_NAME_PATTERN.test(name)) {
    diagnostics.push(
      source.diagnostic(
        property.keyStart,
        "error",
        "SIT024",
        `property name "${name}" in ${owner} is not lowercase snake_case`,
        `use a name matching ${PROPERTY_NAME_PATTERN.source}, e.g. "${propertyNameFor(name)}"${options.gitlabStrict ? "" : ", or set `rules: { propertyNames: any }` in sit.config.yaml to keep names as your data writes them"}`,
      ),
    );
  } else if (context.topLevel && !BUILT_IN_PROPERTY_TYPES.has(name)) {
    const builtIn = closestMatch(name, BUILT_IN_PROPERTY_TYPES.keys());
    // `labels` or `value_kind` extend a built-in name on purpose; `lable` or `vaule` misspell it.
    if (builtIn !== undefined && !name.startsWith(builtIn)) {
      diagnostics.push(
        source.diagnostic(
          property.keyStart,
          "warning",
          "SIT031",
          `property "${name}" is a custom property, close to GitLab's built-in "${builtIn}"`,
          `did you mean "${builtIn}"? A custom property is sent under its own name, typed string | number`,
        ),
      );
    }
  }
  if (property.value.kind !== "mapping") return diagnostics;
  const builtIn = context.topLevel ? BUILT_IN_PROPERTY_TYPES.get(name) : undefined;
  diagnostics.push(...valueDiagnostics(loaded, property.value, name, builtIn, context));
  return diagnostics;
}

/**
 * The checks of a value's declaration (a property's, or an array's `items`): sit's extensions
 * under --gitlab-strict, the type and what it needs, the constraints, the enum; then, one level
 * deeper, the items and the properties of objects.
 */
function valueDiagnostics(loaded: LoadedDefinition, value: YamlMapping, name: string, builtIn: PropertyType | undefined, context: PropertyContext): Diagnostic[] {
  const { source } = loaded;
  const diagnostics: Diagnostic[] = [];
  const at = (node: YamlEntry | YamlNode | undefined): number => (node === undefined ? value.start : "keyStart" in node ? node.keyStart : node.start);

  if (context.options.gitlabStrict) {
    for (const extension of value.entries.filter((candidate) => SIT_EXTENSION_KEYS.has(candidate.key))) {
      diagnostics.push(
        source.diagnostic(extension.keyStart, "error", "SIT025", `\`${extension.key}\` on property "${name}" is a sit extension that GitLab's schema rejects`),
      );
    }
  }

  const typeEntry = entry(value, "type");
  // Unknown type names are already reported by the schema; checking against them would only repeat that.
  const typeNames = declaredTypeNames(typeEntry?.value);
  if (typeEntry?.value.kind === "sequence") diagnostics.push(...typeListDiagnostics(source, typeEntry.value, name));
  if (builtIn !== undefined && typeNames !== undefined && (typeNames.length !== 1 || (typeNames[0] !== builtIn && !(builtIn === "number" && typeNames[0] === "integer")))) {
    diagnostics.push(
      source.diagnostic(typeEntry!.value.start, "error", "SIT026", `GitLab fixes the type of "${name}" as ${builtIn}; it cannot be declared ${typeNames.join(" | ")}`),
    );
  }
  const types: readonly string[] | undefined = typeNames ?? (builtIn === undefined ? (typeEntry === undefined ? UNTYPED_PROPERTY_TYPES : undefined) : [builtIn]);

  const items = entry(value, "items");
  const properties = entry(value, "properties");
  if (typeNames !== undefined) {
    if (typeNames.includes("array") && items === undefined) diagnostics.push(source.diagnostic(at(typeEntry), "error", "SIT060", `property "${name}" is an array, so it needs \`items\`: what each item is`, "e.g. `items: { type: string }`"));
    if (typeNames.includes("object") && properties === undefined) diagnostics.push(source.diagnostic(at(typeEntry), "error", "SIT060", `property "${name}" is an object, so it needs \`properties\`: the keys it may have`, "for any value at all, declare `type: any`"));
  }
  if (items !== undefined && !typeNames?.includes("array")) diagnostics.push(source.diagnostic(items.keyStart, "error", "SIT060", `\`items\` of property "${name}" belongs to an array: declare \`type: array\``));
  if (properties !== undefined && !typeNames?.includes("object")) diagnostics.push(source.diagnostic(properties.keyStart, "error", "SIT060", `\`properties\` of property "${name}" belong to an object: declare \`type: object\``));
  if (properties?.value.kind === "mapping" && properties.value.entries.length === 0) diagnostics.push(source.diagnostic(properties.value.start, "error", "SIT060", `object property "${name}" declares no properties`, "for any value at all, declare `type: any`"));

  diagnostics.push(...constraintDiagnostics(source, value, name, types));
  diagnostics.push(...enumDiagnostics(source, value, name, types));

  const nested = items !== undefined || properties !== undefined;
  if (nested && context.depth + 1 > MAX_TYPE_DEPTH) {
    diagnostics.push(source.diagnostic(at(items ?? properties), "error", "SIT063", `property "${name}" nests items and properties more than ${MAX_TYPE_DEPTH} levels deep`));
    return diagnostics;
  }
  const deeper: PropertyContext = { ...context, owner: `the properties of "${name}"`, depth: context.depth + 1, topLevel: false };
  if (items?.value.kind === "mapping") diagnostics.push(...valueDiagnostics(loaded, items.value, `${name}[]`, undefined, deeper));
  if (properties?.value.kind === "mapping") {
    for (const member of properties.value.entries) diagnostics.push(...propertyDiagnostics(loaded, member, deeper));
  }
  return diagnostics;
}

/** The type names a `type:` declares, when they are all known ones; `undefined` otherwise (the schema says why). */
function declaredTypeNames(node: YamlNode | undefined): string[] | undefined {
  if (node === undefined) return undefined;
  const scalars = node.kind === "sequence" ? node.items : [node];
  const names = scalars.map((item) => (item.kind === "scalar" ? item.value : undefined));
  const known = (candidate: unknown): candidate is string => typeof candidate === "string" && (isPropertyType(candidate) || (candidate === NULL_TYPE && node.kind === "sequence"));
  return names.every(known) && names.length > 0 ? names : undefined;
}

function typeListDiagnostics(source: SourceFile, list: YamlNode & { kind: "sequence" }, name: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<unknown>();
  for (const item of list.items) {
    if (item.kind !== "scalar") continue;
    if (seen.has(item.value)) diagnostics.push(source.diagnostic(item.start, "error", "SIT060", `type ${writtenAs(item, source)} of property "${name}" is listed twice`));
    seen.add(item.value);
  }
  if (seen.has("any") && list.items.length > 1) diagnostics.push(source.diagnostic(list.start, "error", "SIT060", `property "${name}" lists \`any\` with other types: \`any\` is every JSON value already`, "declare `type: any` alone"));
  if (seen.size === 1 && seen.has(NULL_TYPE)) diagnostics.push(source.diagnostic(list.start, "error", "SIT060", `property "${name}" can only be null`, 'list the types it may have besides null, e.g. `type: [string, "null"]`'));
  return diagnostics;
}

/** Constraints apply to the types that have them, bound what can be, and patterns compile. `types` undefined: any value. */
function constraintDiagnostics(source: SourceFile, value: YamlMapping, name: string, types: readonly string[] | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const applies = (kinds: readonly string[]): boolean => types === undefined || types.includes("any") || types.some((type) => kinds.includes(type));
  for (const { keys, types: kinds, what } of CONSTRAINTS) {
    if (applies(kinds)) continue;
    for (const key of keys) {
      const found = entry(value, key);
      if (found !== undefined) diagnostics.push(source.diagnostic(found.keyStart, "error", "SIT061", `\`${key}\` of property "${name}" constrains ${what}, and "${name}" is ${types!.join(" | ")}`));
    }
  }
  for (const [low, high] of [["minimum", "maximum"], ["minLength", "maxLength"]] as const) {
    const lower = entry(value, low)?.value;
    const upper = entry(value, high)?.value;
    if (lower?.kind === "scalar" && upper?.kind === "scalar" && typeof lower.value === "number" && typeof upper.value === "number" && lower.value > upper.value) {
      diagnostics.push(source.diagnostic(upper.start, "error", "SIT061", `\`${high}\` of property "${name}" is below its \`${low}\` (${writtenAs(upper, source)} < ${writtenAs(lower, source)}): no value fits`));
    }
  }
  const pattern = entry(value, "pattern")?.value;
  if (pattern?.kind === "scalar" && typeof pattern.value === "string") {
    try {
      new RegExp(pattern.value, "u");
    } catch (error) {
      diagnostics.push(
        source.diagnostic(pattern.start, "error", "SIT062", `\`pattern\` of property "${name}" is no regular expression: ${(error as Error).message}`, "the checks compile it as JavaScript does, with the `u` flag"),
      );
    }
  }
  return diagnostics;
}

/** Enum values fit the declared types, once each. */
function enumDiagnostics(source: SourceFile, value: YamlMapping, name: string, types: readonly string[] | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const enumEntry = entry(value, "enum");
  if (enumEntry?.value.kind !== "sequence") return diagnostics;
  for (const item of enumEntry.value.items) {
    // A number that is not finite is no enum value at all; the schema says so.
    if (item.kind !== "scalar" || types === undefined) continue;
    const finite = typeof item.value !== "number" || Number.isFinite(item.value);
    if (finite && !types.some((type) => matchesType(item.value, type))) {
      diagnostics.push(source.diagnostic(item.start, "error", "SIT026", `enum value ${writtenAs(item, source)} of property "${name}" is not of type ${types.join(" or ")}`));
    }
  }
  const seen = new Set<unknown>();
  for (const item of enumEntry.value.items) {
    if (item.kind !== "scalar") continue;
    if (seen.has(item.value)) diagnostics.push(source.diagnostic(item.start, "error", "SIT013", `enum value ${writtenAs(item, source)} of property "${name}" is listed twice`));
    seen.add(item.value);
  }
  return diagnostics;
}

/** A value for a message: a string quoted, anything else as the file writes it (JSON would show `.inf` as null). */
const writtenAs = (node: YamlScalar, source: SourceFile): string =>
  typeof node.value === "string" ? JSON.stringify(node.value) : source.text.slice(node.start, node.end);

const isPropertyType = (value: unknown): value is PropertyType => (PROPERTY_TYPES as readonly unknown[]).includes(value);

/** `labelName` → `label_name`, `Create-MR` → `create_mr`: a lowercase snake_case name to suggest. */
function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** A property name must also start with a letter. */
function propertyNameFor(name: string): string {
  const snake = snakeCase(name);
  return /^[a-z]/.test(snake) ? snake : `property_${snake}`.replace(/_$/, "");
}

/** Whether an enum value (a scalar) is of `type`; arrays, objects and `any` take no enum values but null for `null`. */
function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case NULL_TYPE:
      return value === null;
    case "any":
      return true;
    default:
      return false;
  }
}

/** The tracking classes a definition names; of a file with both lists (SIT020), those of `extra_trackers`. */
function trackerClassNodes(root: YamlMapping): { className: string; offset: number }[] {
  const result: { className: string; offset: number }[] = [];
  const both = entry(root, "extra_trackers") !== undefined && entry(root, "extra_tracking_classes") !== undefined;
  for (const { key, value } of root.entries) {
    if (value.kind !== "sequence" || (both && key === "extra_tracking_classes")) continue;
    if (key === "extra_tracking_classes") {
      for (const item of value.items) if (item.kind === "scalar") result.push({ className: String(item.value), offset: item.start });
    } else if (key === "extra_trackers") {
      for (const item of value.items) {
        const trackingClass = entry(item, "tracking_class")?.value;
        if (trackingClass?.kind === "scalar") result.push({ className: String(trackingClass.value), offset: trackingClass.start });
      }
    }
  }
  return result;
}
