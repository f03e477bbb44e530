/**
 * The checks of validate-definition.ts that one definition file decides on its own, written as
 * JSON Schema, so the schema rejects what `sit validate` rejects. Only keywords draft-07 and
 * draft 2020-12 read alike: yaml-language-server validates with draft-07's rules.
 */
import { INDEX_INTERNAL_NAMES, SDK_API_NAMES } from "../naming/sdk-api";
import { RESERVED_WORDS } from "../text/javascript-names";
import { SENDER_PREFIX } from "../naming/sdk-api";
import {
  ACTION_PATTERN,
  BUILT_IN_PROPERTY_TYPES,
  CONSTRAINTS,
  FUNCTION_NAME_PATTERN,
  NULL_TYPE,
  PRINTABLE_NAME_PATTERN,
  PROPERTY_NAME_PATTERN,
  PROPERTY_TYPES,
  PROTOTYPE_TRAPS,
  UNTYPABLE_PROPERTY_NAMES,
  UNTYPED_PROPERTY_TYPES,
  type PropertyType,
  type Vocabulary,
} from "../validate/vocabulary";
import type { JsonSchema } from "./definition-keys";

/** A `type:` that names one of `types`, or lists one of them. */
const typeIncludes = (types: readonly string[]): JsonSchema => ({ anyOf: [{ enum: [...types] }, { type: "array", contains: { enum: [...types] } }] });

/** A `type:` that is one of `types` alone, named or in a list of one. */
const typeIsOneOf = (types: readonly string[]): JsonSchema => ({ anyOf: [{ enum: [...types] }, { type: "array", maxItems: 1, items: { enum: [...types] } }] });

/**
 * `type:` itself: a name, or a list of names with "null" allowed, each once, `any` alone, not null
 * alone (SIT013, SIT060).
 */
export const TYPE_RULE: JsonSchema = {
  anyOf: [
    { enum: [...PROPERTY_TYPES] },
    {
      type: "array",
      minItems: 1,
      uniqueItems: true,
      items: { enum: [...PROPERTY_TYPES, NULL_TYPE] },
      not: { items: { const: NULL_TYPE } },
      anyOf: [{ not: { contains: { const: "any" } } }, { maxItems: 1 }],
    },
  ],
};

/**
 * Enum values by kind, and the types that take them (`any` takes every value). A property without
 * `type` is string | number, so it takes the first three kinds only.
 */
const ENUM_VALUE_KINDS: readonly { readonly what: string; readonly value: JsonSchema; readonly types: readonly string[] }[] = [
  { what: "A string", value: { type: "string" }, types: ["string"] },
  { what: "An integer", value: { type: "integer" }, types: ["integer", "number"] },
  { what: "A fraction", value: { type: "number", not: { type: "integer" } }, types: ["number"] },
  { what: "true or false", value: { type: "boolean" }, types: ["boolean"] },
  { what: "null", value: { type: "null" }, types: [NULL_TYPE] },
];

const takenWithoutType = (types: readonly string[]): boolean => types.some((type) => (UNTYPED_PROPERTY_TYPES as readonly string[]).includes(type));

/**
 * The rules relating the keys of one declaration (a property, or an array's items), as
 * validate-definition.ts's `valueDiagnostics` checks them for a property that is not one of
 * GitLab's built-in ones (those have `BUILT_IN_PROPERTY_RULES` as well).
 */
export const VALUE_RULES: JsonSchema[] = [
  {
    description: "An array declares its items (SIT060).",
    if: { required: ["type"], properties: { type: typeIncludes(["array"]) } },
    then: { required: ["items"] },
  },
  {
    description: "An object declares its properties (SIT060).",
    if: { required: ["type"], properties: { type: typeIncludes(["object"]) } },
    then: { required: ["properties"] },
  },
  {
    description: "items belong to an array (SIT060).",
    if: { required: ["items"] },
    then: { required: ["type"], properties: { type: typeIncludes(["array"]) } },
  },
  {
    description: "properties belong to an object (SIT060).",
    if: { required: ["properties"] },
    then: { required: ["type"], properties: { type: typeIncludes(["object"]) } },
  },
  ...CONSTRAINTS.flatMap(({ keys, types, what }) =>
    keys.map((key) => ({
      description: `${key} constrains ${what}: the type includes ${types.join(" or ")} (or any), or is left out (SIT061).`,
      if: { required: [key] },
      then: { properties: { type: typeIncludes([...types, "any"]) } },
    })),
  ),
  ...ENUM_VALUE_KINDS.map(({ what, value, types }) => {
    const withoutType = takenWithoutType(types);
    return {
      description: `${what} in enum needs a type that takes it: ${types.join(" or ")} (or any)${withoutType ? ", or none" : ""} (SIT026).`,
      if: { required: ["enum"], properties: { enum: { contains: value } } },
      then: { ...(withoutType ? {} : { required: ["type"] }), properties: { type: typeIncludes([...types, "any"]) } },
    };
  }),
];

/** A value of each property type, as validate-definition.ts's `matchesType` checks an enum value. */
const VALUE_OF_TYPE: Readonly<Record<PropertyType, JsonSchema>> = {
  string: { type: "string" },
  integer: { type: "integer" },
  number: { type: "number" },
  boolean: { type: "boolean" },
  array: { type: "array" },
  object: { type: "object" },
  any: {},
};

/**
 * GitLab fixes the type of label, property (string) and value (number, which may narrow to
 * integer) in `additional_properties`, not in trackers' or objects' properties: the type, the enum
 * values and the constraints follow from it (SIT026, SIT061).
 */
export const BUILT_IN_PROPERTY_RULES: JsonSchema = {
  description: "label and property are strings and value is a number or an integer, whatever else is declared (SIT026, SIT061).",
  properties: Object.fromEntries(
    [...BUILT_IN_PROPERTY_TYPES].map(([name, type]) => {
      const types = type === "number" ? ["number", "integer"] : [type];
      const foreignConstraints = CONSTRAINTS.filter((constraint) => !constraint.types.some((applies) => types.includes(applies))).flatMap((constraint) => constraint.keys);
      const rule: JsonSchema = {
        properties: {
          type: typeIsOneOf(types),
          enum: { items: VALUE_OF_TYPE[type] },
          ...Object.fromEntries(foreignConstraints.map((key) => [key, false])),
        },
      };
      return [name, rule];
    }),
  ),
};

/** Names no object key may have: `__proto__` sets the prototype, the others every object already has (SIT019). */
const TAKEN_KEYS: JsonSchema = { not: { enum: [...PROTOTYPE_TRAPS, ...UNTYPABLE_PROPERTY_NAMES] } };

/** Names of properties under the project's rule (SIT024), never a name every object already has (SIT019). */
export function propertyNameRule(vocabulary: Vocabulary): JsonSchema {
  const pattern = vocabulary.propertyNames === "snake_case" ? PROPERTY_NAME_PATTERN : PRINTABLE_NAME_PATTERN;
  return { type: "string", pattern: pattern.source, ...TAKEN_KEYS };
}

/** The action under the project's rule (SIT014), and not `__proto__`, a key of the generated catalogs (SIT019). */
export function actionRule(vocabulary: Vocabulary): JsonSchema {
  const pattern = vocabulary.eventNames === "snake_case" ? ACTION_PATTERN : PRINTABLE_NAME_PATTERN;
  return { type: "string", pattern: pattern.source, not: { enum: [...PROTOTYPE_TRAPS] } };
}

/**
 * A character of a word of an action, which the function's name is made of: one that may continue
 * a JavaScript identifier, but the underscore (names.ts's `pascalWords`). A snake_case action can
 * only have ASCII ones.
 */
export const wordCharacterPattern = (vocabulary: Vocabulary): string => (vocabulary.eventNames === "snake_case" ? "[a-z0-9]" : String.raw`[^\P{ID_Continue}_]`);

/** `function_name`: camelCase ASCII, no reserved word, no name of the SDK's own (SIT064). */
export const FUNCTION_NAME_RULE: JsonSchema = {
  type: "string",
  pattern: FUNCTION_NAME_PATTERN.source,
  not: {
    anyOf: [
      { enum: [...RESERVED_WORDS, ...SDK_API_NAMES, ...INDEX_INTERNAL_NAMES].filter((name) => FUNCTION_NAME_PATTERN.test(name)).sort() },
      { pattern: `^${SENDER_PREFIX}` },
    ],
  },
};

/** Rules that relate several keys of a definition, for the root's `allOf`. */
export function crossFieldRules(vocabulary: Vocabulary): JsonSchema[] {
  return [
    {
      description: "A removed event names the milestone and the merge request that removed it (SIT021).",
      if: { required: ["status"], properties: { status: { const: "removed" } } },
      then: { required: ["milestone_removed", "removed_by_url"] },
    },
    {
      description: "Trackers are listed in extra_trackers or in extra_tracking_classes, not both (SIT020).",
      not: { required: ["extra_trackers", "extra_tracking_classes"] },
    },
    {
      description: "An internal event lists each extra tracking class once (SIT028).",
      if: { required: ["internal_events"], properties: { internal_events: { const: true } } },
      then: { properties: { extra_trackers: { uniqueItems: true }, extra_tracking_classes: { uniqueItems: true } } },
    },
    {
      description: "An internal event's function is named after the words of its action, so without function_name the action has one (SIT064).",
      if: { required: ["internal_events"], properties: { internal_events: { const: true } }, not: { required: ["function_name"] } },
      then: { properties: { action: { pattern: wordCharacterPattern(vocabulary) } } },
    },
  ];
}
