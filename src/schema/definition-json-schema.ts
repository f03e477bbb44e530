import { z } from "zod";
import { DEFINITION_DESCRIPTIONS, PROPERTY_DESCRIPTIONS, TRACKER_DESCRIPTIONS } from "./schema-descriptions";
import { SCHEMA_NODES, type JsonSchema } from "./schema-nodes";
import { ACTION_RULE, CROSS_FIELD_RULES, ENUM_OF_DECLARED_TYPE_RULES, PROPERTY_NAMES_RULE } from "./schema-rules";

/** Names the schema, not a place: nothing fetches it (editors are given the file's path). */
const DEFINITION_SCHEMA_ID = "urn:sit-tracking:event-definition";

/**
 * The JSON Schema (draft 2020-12) of an event definition: zod's own translation of the schema
 * `sit validate` parses with, plus the checks sit makes outside zod that one file decides alone.
 */
export function definitionJsonSchema(): JsonSchema {
  const body: JsonSchema = { ...z.toJSONSchema(SCHEMA_NODES.definition, { target: "draft-2020-12", override: ({ zodSchema, jsonSchema }) => annotate(zodSchema, jsonSchema) }) };
  // Set again below, first, followed by what names the schema.
  delete body.$schema;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: DEFINITION_SCHEMA_ID,
    title: "sit event definition",
    description:
      "One tracked event in GitLab's Internal Events format, with sit's extensions (type, enum and required on properties). Checks that need other files or sit.config.yaml (unique actions, configured tracking classes) are left to `sit validate`.",
    ...body,
    allOf: CROSS_FIELD_RULES,
  };
}

/** The schema as `sit schema` prints it: stable bytes, two-space indent, trailing newline. */
export function renderDefinitionJsonSchema(): string {
  return `${JSON.stringify(definitionJsonSchema(), null, 2)}\n`;
}

function annotate(zodSchema: unknown, json: JsonSchema): void {
  switch (zodSchema) {
    case SCHEMA_NODES.definition:
      describeProperties(json, DEFINITION_DESCRIPTIONS);
      break;
    case SCHEMA_NODES.action:
      Object.assign(json, ACTION_RULE);
      break;
    case SCHEMA_NODES.identifiers:
    case SCHEMA_NODES.tiers:
    case SCHEMA_NODES.enumValues:
      json.uniqueItems = true;
      break;
    case SCHEMA_NODES.properties:
      json.propertyNames = PROPERTY_NAMES_RULE;
      break;
    case SCHEMA_NODES.property:
      describeProperties(json, PROPERTY_DESCRIPTIONS);
      json.allOf = ENUM_OF_DECLARED_TYPE_RULES;
      break;
    case SCHEMA_NODES.tracker:
      describeProperties(json, TRACKER_DESCRIPTIONS);
      break;
  }
}

function describeProperties(json: JsonSchema, descriptions: Readonly<Record<string, string>>): void {
  for (const [key, schema] of Object.entries(json.properties ?? {})) {
    const description = descriptions[key];
    if (typeof schema === "object" && description !== undefined) schema.description = description;
  }
}
