import { identifierId, identifiersOf, isScalar, type IdentifierValue } from "./payload-identifiers.js";
import type { PropertyValue, TrackedPayload } from "./processor-types.js";

/**
 * An event as flat attributes: each identifier as `<name>.id` (lists keep their name, e.g.
 * `feature_enabled_by_namespace_ids`), then each property under its own name. Identifiers
 * without an id form are left out; so are properties without a flat form (see `attributeOf`).
 */
export function eventAttributes(payload: TrackedPayload): Record<string, IdentifierValue> {
  const attributes: Record<string, IdentifierValue> = {};
  for (const { name, value } of identifiersOf(payload)) {
    const id = identifierId(value);
    if (id !== undefined) attributes[Array.isArray(id) ? name : `${name}.id`] = id;
  }
  for (const [name, value] of Object.entries(payload.additionalProperties)) {
    const attribute = attributeOf(value);
    if (attribute !== undefined) attributes[name] = attribute;
  }
  return attributes;
}

/**
 * A property as an attribute, which holds a string, number or boolean or a list of them: those
 * as they are; null (a team's plan may allow it) as nothing, attributes have no null; any other
 * value (an object, a list of objects) as its JSON text, a bigint (`type: any`) as its digits,
 * and what has no JSON text (a function, a cycle) as nothing.
 */
function attributeOf(value: PropertyValue): IdentifierValue | undefined {
  if (isScalar(value)) return value;
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value) && value.every(isScalar)) return [...value];
  if (typeof value === "bigint") return String(value);
  try {
    const json: unknown = JSON.stringify(value);
    return typeof json === "string" ? json : undefined;
  } catch {
    return undefined;
  }
}
