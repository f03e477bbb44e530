import { identifierId, identifierNameOf, identifiersOf } from "./payload-identifiers.js";
import type { PropertyValue, TrackedPayload } from "./processor-types.js";

/** The version of GitLab's standard context whose fields the context entity carries. */
export const GITLAB_STANDARD_CONTEXT_SCHEMA = "iglu:com.gitlab/gitlab_standard/jsonschema/1-1-7";

/** The fields of a Snowplow structured event (`se_ca`, `se_ac`, `se_la`, `se_pr`, `se_va`). */
export interface StructuredEventFields {
  category: string;
  action: string;
  label?: string;
  property?: string;
  value?: number;
}

/** As GitLab sends an internal event: the action is the event name; label, property and value are the standard properties. */
export function structuredEventFields(category: string, eventName: string, properties: Readonly<Record<string, PropertyValue>>): StructuredEventFields {
  const fields: StructuredEventFields = { category, action: eventName };
  const { label, property, value } = properties;
  if (label !== undefined) fields.label = String(label);
  if (property !== undefined) fields.property = String(property);
  if (typeof value === "number") fields.value = value;
  return fields;
}

/** Where the standard context holds the identifier of payload key `key`: `user` → `user_id`; a list keeps its name. */
export function standardContextKey(key: string): string {
  const name = identifierNameOf(key);
  return name.endsWith("_ids") ? name : `${name}_id`;
}

export interface StandardContextSettings {
  readonly environment: string;
  readonly source: string;
}

/**
 * The data of the standard context entity, shaped like GitLab's `Gitlab::Tracking::StandardContext`:
 * each identifier as `<name>_id` (lists keep their name), `null` when absent or without an id
 * (never the whole object), and the custom properties (all but label, property and value) under
 * `extra`.
 */
export function standardContextData(payload: TrackedPayload, settings: StandardContextSettings): Record<string, unknown> {
  const data: Record<string, unknown> = {
    environment: settings.environment,
    source: settings.source,
    user_id: null,
    project_id: null,
    namespace_id: null,
    feature_enabled_by_namespace_ids: null,
  };
  for (const { key, value } of identifiersOf(payload)) data[standardContextKey(key)] = identifierId(value) ?? null;
  const extra: Record<string, PropertyValue> = {};
  for (const [name, value] of Object.entries(payload.additionalProperties)) {
    if (name !== "label" && name !== "property" && name !== "value") extra[name] = value;
  }
  data["extra"] = extra;
  return data;
}
