import { valueSpecOf, type ValueSpec } from "../model/value-spec";
import type { DefinitionData, PropertyData, ValueData } from "../validate/definition-schema";
import { BUILT_IN_PROPERTY_TYPES } from "../validate/vocabulary";
import type { JsonSchema } from "./definition-keys";

/**
 * One event as JSON Schema (draft 2020-12), the form Ampli and Avo export and `sit import
 * json-schema` reads: `title` is the action, the properties are the event's
 * `additional_properties` with their types (lists with null), `required`, enums, constraints,
 * items and nested objects, and no other key (`additionalProperties: false`: sit sends declared
 * keys only). What a JSON Schema has no word for stays with the definition: identifiers, trackers
 * and their protected properties, ownership, tiers, `function_name`.
 */
export function eventJsonSchema(definition: DefinitionData): JsonSchema {
  const schema: JsonSchema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: definition.action,
  };
  if (definition.description !== undefined) schema.description = definition.description;
  Object.assign(schema, objectSchema(definition.additional_properties ?? {}, true));
  return schema;
}

/** The schema as `sit schema --events` writes it: stable bytes, two-space indent, trailing newline. */
export function renderEventJsonSchema(definition: DefinitionData): string {
  return `${JSON.stringify(eventJsonSchema(definition), null, 2)}\n`;
}

function objectSchema(properties: Readonly<Record<string, PropertyData>>, topLevel: boolean): JsonSchema {
  const members: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const builtIn = topLevel ? BUILT_IN_PROPERTY_TYPES.get(name) : undefined;
    Object.defineProperty(members, name, { value: valueSchema(property, valueSpecOf(property, builtIn)), enumerable: true, writable: true, configurable: true });
    if (property?.required === true) required.push(name);
  }
  return { type: "object", properties: members, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

/** A value's schema: the spec says what the value may be (defaults applied), the data what is written of it (descriptions). */
function valueSchema(data: ValueData | null, spec: ValueSpec): JsonSchema {
  const schema: JsonSchema = {};
  if (data?.description !== undefined) schema.description = data.description;
  if (spec.types !== undefined) {
    const names = spec.types.map((type) => (type === "number" && spec.integer ? "integer" : type));
    schema.type = names.length === 1 ? names[0]! : names;
  }
  if (spec.enum !== undefined) schema.enum = [...spec.enum];
  if (spec.minimum !== undefined) schema.minimum = spec.minimum;
  if (spec.maximum !== undefined) schema.maximum = spec.maximum;
  if (spec.minLength !== undefined) schema.minLength = spec.minLength;
  if (spec.maxLength !== undefined) schema.maxLength = spec.maxLength;
  if (spec.pattern !== undefined) schema.pattern = spec.pattern;
  if (spec.items !== undefined) schema.items = valueSchema(data?.items ?? null, spec.items);
  if (spec.properties !== undefined) Object.assign(schema, objectSchema(data?.properties ?? {}, false), { type: schema.type });
  return schema;
}
