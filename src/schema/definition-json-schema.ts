import type { DefinitionCheckOptions } from "../validate/validate-definition";
import { CLASSIFICATIONS, GITLAB_VOCABULARY, MILESTONE_PATTERN, STATUSES, URI_PATTERN, type Vocabulary } from "../validate/vocabulary";
import type { DefinitionKey, JsonSchema, PropertyKey, TrackerKey, ValueKey } from "./definition-keys";
import {
  definitionDescriptions,
  GITLAB_PROPERTY_DESCRIPTION,
  PROPERTIES_DESCRIPTION,
  PROPERTY_DESCRIPTION,
  PROPERTY_DESCRIPTIONS,
  TRACKER_DESCRIPTIONS,
  VALUE_DESCRIPTION,
  VALUE_DESCRIPTIONS,
} from "./schema-descriptions";
import { actionRule, BUILT_IN_PROPERTY_RULES, crossFieldRules, FUNCTION_NAME_RULE, propertyNameRule, TYPE_RULE, VALUE_RULES } from "./schema-rules";

/** Names the schema, not a place: nothing fetches it (editors are given the file's path). */
const DEFINITION_SCHEMA_ID = "urn:sit-tracking:event-definition";
const GITLAB_DEFINITION_SCHEMA_ID = "urn:sit-tracking:gitlab-event-definition";

/**
 * The parts the schema refers to. Recursion (an object's properties, an array's items) goes
 * through `$ref` into `definitions`, which draft-07 and draft 2020-12 resolve alike; each `$ref`
 * stands alone in its object, as draft-07 ignores the keywords beside one.
 */
type DefinitionName = "properties" | "property" | "value" | "valueRules";
const ref = (name: DefinitionName): JsonSchema => ({ $ref: `#/definitions/${name}` });
const nullOr = (schema: JsonSchema): JsonSchema => ({ anyOf: [{ type: "null" }, schema] });

/**
 * The JSON Schema (draft 2020-12, read alike by draft-07 validators) of an event definition as
 * `sit validate` checks it with these options: the project's vocabulary and sit's extensions, or
 * with `gitlabStrict` GitLab's own format. It holds every check sit makes that one file decides
 * alone, but how deep declarations nest, bounds that exclude each other and patterns that do not
 * compile.
 */
export function definitionJsonSchema(options: DefinitionCheckOptions = { gitlabStrict: false, vocabulary: GITLAB_VOCABULARY }): JsonSchema {
  const extensions = !options.gitlabStrict;
  const vocabulary = options.gitlabStrict ? GITLAB_VOCABULARY : options.vocabulary;
  const allKeys = described(definitionKeys(vocabulary, extensions), definitionDescriptions(vocabulary, extensions));
  // function_name is sit's one extension at the top level.
  const keys = Object.fromEntries(Object.entries(allKeys).filter(([key]) => extensions || key !== "function_name"));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: extensions ? DEFINITION_SCHEMA_ID : GITLAB_DEFINITION_SCHEMA_ID,
    title: extensions ? "sit event definition" : "GitLab event definition",
    description: extensions
      ? "One tracked event in GitLab's Internal Events format with sit's extensions (function_name; the type, enum, constraints, items, properties and required of properties), under the identifiers, tiers, required keys and naming rules of the project's sit.config.yaml (GitLab's without one). Checks that need other files or the rest of the config (unique actions, configured tracking classes) are left to `sit validate`."
      : "One tracked event in GitLab's Internal Events format, with none of sit's extensions: what `sit validate --gitlab-strict` accepts. Checks that need other files or sit.config.yaml (unique actions, configured tracking classes) are left to `sit validate`.",
    type: "object",
    properties: keys,
    required: Object.keys(keys).filter((key) => vocabulary.required.has(key)),
    additionalProperties: false,
    allOf: crossFieldRules(vocabulary),
    definitions: extensions ? sharedDefinitions(vocabulary) : gitlabSharedDefinitions(vocabulary),
  };
}

/** The schema as `sit schema` prints it: stable bytes, two-space indent, trailing newline. */
export function renderDefinitionJsonSchema(options?: DefinitionCheckOptions): string {
  return `${JSON.stringify(definitionJsonSchema(options), null, 2)}\n`;
}

function definitionKeys(vocabulary: Vocabulary, extensions: boolean): Record<DefinitionKey, JsonSchema> {
  const properties = nullOr(ref("properties"));
  return {
    description: { type: "string" },
    internal_events: { type: "boolean" },
    action: actionRule(vocabulary),
    function_name: FUNCTION_NAME_RULE,
    identifiers: { type: ["array", "null"], items: { enum: [...vocabulary.identifiers] }, uniqueItems: true },
    additional_properties: extensions ? nullOr({ allOf: [ref("properties"), BUILT_IN_PROPERTY_RULES] }) : properties,
    product_group: { type: "string" },
    product_categories: { type: ["array", "null"], items: { type: "string" } },
    milestone: { type: ["string", "null"], pattern: MILESTONE_PATTERN.source },
    introduced_by_url: { type: ["string", "null"], pattern: URI_PATTERN.source },
    tiers: { type: "array", minItems: 1, uniqueItems: true, items: { enum: [...vocabulary.tiers] } },
    status: { enum: [...STATUSES] },
    milestone_removed: { type: "string", pattern: MILESTONE_PATTERN.source },
    removed_by_url: { type: "string", pattern: URI_PATTERN.source },
    classification: { enum: [...CLASSIFICATIONS, null] },
    extra_trackers: { type: ["array", "null"], items: trackerSchema(properties) },
    extra_tracking_classes: { type: ["array", "null"], items: { type: "string", minLength: 1 } },
    category: { type: "string" },
    label_description: { type: ["string", "null"] },
    property_description: { type: ["string", "null"] },
    value_description: { type: ["string", "null"] },
    extra_properties: { type: ["object", "null"] },
    iglu_schema_url: { type: ["string", "null"] },
  };
}

function trackerSchema(properties: JsonSchema): JsonSchema {
  const keys: Record<TrackerKey, JsonSchema> = {
    tracking_class: { type: "string", minLength: 1 },
    protected_properties: properties,
  };
  return { type: "object", properties: described(keys, TRACKER_DESCRIPTIONS), required: ["tracking_class"], additionalProperties: false };
}

/** What a declaration (a property, or an array's items) may say with sit's extensions. */
const VALUE_KEYS: Record<ValueKey, JsonSchema> = {
  description: { type: "string" },
  type: TYPE_RULE,
  enum: { type: "array", minItems: 1, uniqueItems: true, items: { type: ["string", "number", "boolean", "null"] } },
  minimum: { type: "number" },
  maximum: { type: "number" },
  minLength: { type: "integer", minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  maxLength: { type: "integer", minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  pattern: { type: "string" },
  items: { allOf: [ref("value")] },
  properties: { minProperties: 1, allOf: [ref("properties")] },
};

const { items, properties, ...scalarKeys } = VALUE_KEYS;
const PROPERTY_KEYS: Record<PropertyKey, JsonSchema> = { ...scalarKeys, required: { type: "boolean" }, items, properties };

const declaration = (keys: Readonly<Record<string, JsonSchema>>, descriptions: Readonly<Record<string, string>>): JsonSchema => ({
  type: "object",
  properties: described(keys, descriptions),
  additionalProperties: false,
  allOf: [ref("valueRules")],
});

function sharedDefinitions(vocabulary: Vocabulary): Record<DefinitionName, JsonSchema> {
  return {
    properties: propertiesSchema(vocabulary),
    property: { description: PROPERTY_DESCRIPTION, ...nullOr(declaration(PROPERTY_KEYS, PROPERTY_DESCRIPTIONS)) },
    value: { description: VALUE_DESCRIPTION, ...declaration(VALUE_KEYS, VALUE_DESCRIPTIONS) },
    valueRules: { description: "How the keys of a declaration relate, at every depth.", allOf: VALUE_RULES },
  };
}

/** GitLab's properties hold a description only; nothing recurses. */
function gitlabSharedDefinitions(vocabulary: Vocabulary): Partial<Record<DefinitionName, JsonSchema>> {
  const description = described({ description: VALUE_KEYS.description }, PROPERTY_DESCRIPTIONS);
  return {
    properties: propertiesSchema(vocabulary),
    property: { description: GITLAB_PROPERTY_DESCRIPTION, ...nullOr({ type: "object", properties: description, additionalProperties: false }) },
  };
}

const propertiesSchema = (vocabulary: Vocabulary): JsonSchema => ({
  description: PROPERTIES_DESCRIPTION,
  type: "object",
  propertyNames: propertyNameRule(vocabulary),
  additionalProperties: ref("property"),
});

/** Each key's schema with its description first, for editors to show on hover. */
function described<K extends string>(keys: Readonly<Record<K, JsonSchema>>, descriptions: Readonly<Record<NoInfer<K>, string>>): Record<K, JsonSchema> {
  const result = {} as Record<K, JsonSchema>;
  for (const key of Object.keys(keys) as K[]) result[key] = { description: descriptions[key], ...keys[key] };
  return result;
}
