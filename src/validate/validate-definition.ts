import type { Diagnostic, Position } from "../diagnostics/diagnostic";
import { closestMatch } from "../diagnostics/suggest";
import type { LoadedDefinition } from "../load/load-definitions";
import type { SourceFile } from "../load/source-file";
import { toPlainValue, type YamlEntry, type YamlMapping, type YamlNode, type YamlScalar } from "../load/yaml";
import { DEFINITION_KEYS, definitionSchema, PROPERTY_KEYS, TRACKER_KEYS, type DefinitionData } from "./definition-schema";
import { schemaDiagnostics, type PathSegment } from "./schema-diagnostics";
import {
  ACTION_PATTERN,
  BUILT_IN_PROPERTY_TYPES,
  PROPERTY_NAME_PATTERN,
  PROPERTY_TYPES,
  PROTOTYPE_TRAPS,
  UNTYPABLE_PROPERTY_NAMES,
  type PropertyType,
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

/** The tracking classes an internal event's file names, read even when the file has other errors. */
export interface FileTrackerReferences {
  readonly displayPath: string;
  readonly references: readonly TrackerReference[];
}

export interface DefinitionCheckOptions {
  /** Reject sit's extensions (`type`, `enum`, `required`) so files stay valid for GitLab's schema. */
  readonly gitlabStrict: boolean;
}

const SIT_EXTENSION_KEYS = ["type", "enum", "required"];

export function validateDefinition(
  loaded: LoadedDefinition,
  options: DefinitionCheckOptions,
): { definition: ValidDefinition | undefined; diagnostics: Diagnostic[]; trackerReferences: FileTrackerReferences } {
  const root = loaded.root;
  const parsed = definitionSchema.safeParse(toPlainValue(root));
  const diagnostics = parsed.success
    ? []
    : schemaDiagnostics(parsed.error.issues, root, loaded.source, keysAt, (path) =>
        path.length === 1 && path[0] === "action" ? "SIT014" : undefined,
      ).map((diagnostic) => (diagnostic.code === "SIT014" ? { ...diagnostic, hint: actionHint(root) } : diagnostic));
  diagnostics.push(...semanticDiagnostics(loaded, root, options));
  const valid = parsed.success && !diagnostics.some((diagnostic) => diagnostic.severity === "error");
  const trackerClasses = isInternal(root) ? trackerClassNodes(root).map(({ className, offset }) => ({ className, position: loaded.source.position(offset) })) : [];
  return {
    trackerReferences: { displayPath: loaded.source.displayPath, references: trackerClasses },
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

function actionHint(root: YamlMapping): string {
  const action = entry(root, "action")?.value;
  const suggestion = action?.kind === "scalar" && typeof action.value === "string" ? snakeCase(action.value) : "";
  return suggestion === "" ? "use lowercase letters, digits and underscores" : `did you mean "${suggestion}"?`;
}

function keysAt(path: readonly PathSegment[]): readonly string[] {
  if (path.length === 0) return DEFINITION_KEYS;
  if (path[0] === "extra_trackers" && path.length === 2) return TRACKER_KEYS;
  return PROPERTY_KEYS;
}

const entry = (mapping: YamlNode | undefined, key: string): YamlEntry | undefined =>
  mapping?.kind === "mapping" ? mapping.entries.find((candidate) => candidate.key === key) : undefined;

/** Checks that need more than the schema; they read the tree, so they run even when the schema fails. */
function semanticDiagnostics(loaded: LoadedDefinition, root: YamlMapping, options: DefinitionCheckOptions): Diagnostic[] {
  const { source } = loaded;
  const diagnostics: Diagnostic[] = [];
  const action = entry(root, "action");

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
    const fileName = loaded.relativePath.slice(loaded.relativePath.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "");
    if (ACTION_PATTERN.test(name) && !fileNameMatches(fileName, name, isInternal(root))) {
      diagnostics.push(
        source.diagnostic(action.value.start, "warning", "SIT022", `file name "${fileName}" differs from action "${name}"`, `rename the file to ${name}.yml`),
      );
    }
  }

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

  const declared = new Map<string, { type: string | undefined; owner: string }>();
  const checkProperties = (properties: YamlNode | undefined, owner: string): void => {
    if (properties?.kind !== "mapping") return;
    for (const property of properties.entries) {
      diagnostics.push(...propertyDiagnostics(loaded, property, owner, options));
      const type = declaredType(property.value);
      const previous = declared.get(property.key);
      if (previous !== undefined && (previous.owner === "additional_properties" || owner === "additional_properties" || previous.type !== type)) {
        diagnostics.push(
          source.diagnostic(
            property.keyStart,
            "error",
            "SIT027",
            `property "${property.key}" is declared in ${previous.owner} and again in ${owner}`,
          ),
        );
      }
      declared.set(property.key, { type, owner });
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

/**
 * Internal events are named `<action>.yml`; GitLab names legacy Snowplow definitions
 * `<timestamp>_<category>_<action>.yml`, so for those the name need only end with the action.
 */
function fileNameMatches(fileName: string, action: string, internal: boolean): boolean {
  return fileName === action || (!internal && fileName.endsWith(`_${action}`));
}

function isInternal(root: YamlMapping): boolean {
  const flag = entry(root, "internal_events")?.value;
  return flag?.kind === "scalar" && flag.value === true;
}

function declaredType(property: YamlNode): string | undefined {
  const type = entry(property, "type")?.value;
  return type?.kind === "scalar" ? String(type.value) : undefined;
}

function propertyDiagnostics(loaded: LoadedDefinition, property: YamlEntry, owner: string, options: DefinitionCheckOptions): Diagnostic[] {
  const { source } = loaded;
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
  } else if (UNTYPABLE_PROPERTY_NAMES.has(name)) {
    diagnostics.push(
      source.diagnostic(
        property.keyStart,
        "error",
        "SIT019",
        `property "${name}" cannot be used: every JavaScript object already has a \`${name}\` (its class), so TypeScript would reject any additionalProperties that does not pass it, even \`{}\`, and a processor would read \`Object\` where the caller passed nothing`,
        `rename it, e.g. "${name}_name"`,
      ),
    );
  } else if (!PROPERTY_NAME_PATTERN.test(name)) {
    diagnostics.push(
      source.diagnostic(
        property.keyStart,
        "error",
        "SIT024",
        `property name "${name}" in ${owner} is not lowercase snake_case`,
        `use a name matching ${PROPERTY_NAME_PATTERN.source}, e.g. "${propertyNameFor(name)}"`,
      ),
    );
  } else if (owner === "additional_properties" && !BUILT_IN_PROPERTY_TYPES.has(name)) {
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

  if (options.gitlabStrict) {
    for (const extension of property.value.entries.filter((candidate) => SIT_EXTENSION_KEYS.includes(candidate.key))) {
      diagnostics.push(
        source.diagnostic(extension.keyStart, "error", "SIT025", `\`${extension.key}\` on property "${name}" is a sit extension that GitLab's schema rejects`),
      );
    }
  }

  const typeEntry = entry(property.value, "type");
  // An unknown type is already reported by the schema; checking enum values against it would only repeat that.
  const type = typeEntry?.value.kind === "scalar" && isPropertyType(typeEntry.value.value) ? typeEntry.value.value : undefined;
  const builtIn = owner === "additional_properties" ? BUILT_IN_PROPERTY_TYPES.get(name) : undefined;
  if (builtIn !== undefined && type !== undefined && type !== builtIn && !(builtIn === "number" && type === "integer")) {
    diagnostics.push(
      source.diagnostic(typeEntry!.value.start, "error", "SIT026", `GitLab fixes the type of "${name}" as ${builtIn}; it cannot be declared ${type}`),
    );
  }
  const effectiveType = type ?? builtIn;
  const enumEntry = entry(property.value, "enum");
  if (effectiveType !== undefined && enumEntry?.value.kind === "sequence") {
    for (const item of enumEntry.value.items) {
      // A number that is not finite is no enum value at all; the schema says so.
      if (item.kind !== "scalar") continue;
      const finite = typeof item.value !== "number" || Number.isFinite(item.value);
      if (finite && !matchesType(item.value, effectiveType)) {
        diagnostics.push(source.diagnostic(item.start, "error", "SIT026", `enum value ${writtenAs(item, source)} of property "${name}" is not of type ${effectiveType}`));
      }
    }
  }
  if (enumEntry?.value.kind === "sequence") {
    const seen = new Set<unknown>();
    for (const item of enumEntry.value.items) {
      if (item.kind !== "scalar") continue;
      if (seen.has(item.value)) diagnostics.push(source.diagnostic(item.start, "error", "SIT013", `enum value ${writtenAs(item, source)} of property "${name}" is listed twice`));
      seen.add(item.value);
    }
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

function matchesType(value: unknown, type: PropertyType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
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
