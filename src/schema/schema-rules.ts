/**
 * The checks of validate-definition.ts and validate-catalog.ts that one definition file decides on
 * its own, written as JSON Schema, so the schema rejects what `sit validate` rejects.
 */
import {
  BUILT_IN_PROPERTY_TYPES,
  PROPERTY_NAME_PATTERN,
  PROPERTY_TYPES,
  PROTOTYPE_TRAPS,
  UNTYPABLE_PROPERTY_NAMES,
  type PropertyType,
} from "../validate/vocabulary";
import type { JsonSchema } from "./schema-nodes";

/** A value of each property type, as validate-definition.ts's `matchesType` checks it. */
const VALUE_SCHEMAS: Readonly<Record<PropertyType, JsonSchema>> = {
  string: { type: "string" },
  integer: { type: "integer" },
  number: { type: "number" },
  boolean: { type: "boolean" },
  array: { type: "array" },
  object: { type: "object" },
  any: {},
};

/** `__proto__` (SIT019) cannot be an action: it is a key of the generated catalogs. */
export const ACTION_RULE: JsonSchema = { not: { enum: [...PROTOTYPE_TRAPS] } };

/** Names of properties: lowercase snake_case (SIT024), and not names every object already has (SIT019). */
export const PROPERTY_NAMES_RULE: JsonSchema = {
  type: "string",
  pattern: PROPERTY_NAME_PATTERN.source,
  not: { enum: [...PROTOTYPE_TRAPS, ...UNTYPABLE_PROPERTY_NAMES] },
};

/** Enum values of the declared type (SIT026). */
export const ENUM_OF_DECLARED_TYPE_RULES: JsonSchema[] = PROPERTY_TYPES.map((type) => ({
  if: { type: "object", required: ["type"], properties: { type: { const: type } } },
  then: { properties: { enum: { items: VALUE_SCHEMAS[type] } } },
}));

/** The type GitLab fixes for label, property and value; value may narrow to integer (SIT026). */
function builtInPropertyRule(type: PropertyType): JsonSchema {
  return {
    properties: {
      type: { enum: type === "number" ? ["number", "integer"] : [type] },
      enum: { items: VALUE_SCHEMAS[type] },
    },
  };
}

/** Rules that relate several keys of a definition, for the root's `allOf`. */
export const CROSS_FIELD_RULES: JsonSchema[] = [
  {
    description: "A removed event names the milestone and the merge request that removed it (SIT021).",
    if: { type: "object", required: ["status"], properties: { status: { const: "removed" } } },
    then: { required: ["milestone_removed", "removed_by_url"] },
  },
  {
    description: "Trackers are listed in extra_trackers or in extra_tracking_classes, not both (SIT020).",
    not: { required: ["extra_trackers", "extra_tracking_classes"] },
  },
  {
    description: "label and property are strings and value is a number, whatever else is declared (SIT026).",
    properties: {
      additional_properties: {
        properties: Object.fromEntries([...BUILT_IN_PROPERTY_TYPES].map(([name, type]) => [name, builtInPropertyRule(type)])),
      },
    },
  },
  {
    description: "An internal event lists each extra tracking class once (SIT028).",
    if: { type: "object", required: ["internal_events"], properties: { internal_events: { const: true } } },
    then: { properties: { extra_trackers: { uniqueItems: true }, extra_tracking_classes: { uniqueItems: true } } },
  },
];
