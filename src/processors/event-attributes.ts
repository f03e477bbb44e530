import { identifierId, identifiersOf, type IdentifierValue } from "./payload-identifiers";
import type { PropertyValue, TrackedPayload } from "./processor-types";

/**
 * An event as flat attributes: each identifier as `<name>.id` (lists keep their name, e.g.
 * `feature_enabled_by_namespace_ids`), then each property under its own name. Identifiers
 * without an id form are left out.
 */
export function eventAttributes(payload: TrackedPayload): Record<string, IdentifierValue | PropertyValue> {
  const attributes: Record<string, IdentifierValue | PropertyValue> = {};
  for (const { name, value } of identifiersOf(payload)) {
    const id = identifierId(value);
    if (id !== undefined) attributes[Array.isArray(id) ? name : `${name}.id`] = id;
  }
  for (const [name, value] of Object.entries(payload.additionalProperties)) attributes[name] = value;
  return attributes;
}
