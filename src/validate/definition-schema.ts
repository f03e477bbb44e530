import { z } from "zod";
import {
  ACTION_PATTERN,
  CLASSIFICATIONS,
  GITLAB_VOCABULARY,
  MILESTONE_PATTERN,
  NULL_TYPE,
  PROPERTY_TYPES,
  STATUSES,
  URI_PATTERN,
  type Vocabulary,
} from "./vocabulary";

const enumValue = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: "an enum value must be a string, a finite number, true, false or null",
});

/** One type, or a list of them for a union (`[string, "null"]`). */
const typeSchema = z.union([z.enum(PROPERTY_TYPES), z.array(z.enum([...PROPERTY_TYPES, NULL_TYPE])).min(1)]);

/** What a value may be: a property's type and its checks, or an array's items. */
const valueShape = {
  description: z.string().optional(),
  type: typeSchema.optional(),
  enum: z.array(enumValue).min(1).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  minLength: z.int().min(0).optional(),
  maxLength: z.int().min(0).optional(),
  pattern: z.string().optional(),
};

export interface ValueData {
  readonly description?: string | undefined;
  readonly type?: z.output<typeof typeSchema> | undefined;
  readonly enum?: (string | number | boolean | null)[] | undefined;
  readonly minimum?: number | undefined;
  readonly maximum?: number | undefined;
  readonly minLength?: number | undefined;
  readonly maxLength?: number | undefined;
  readonly pattern?: string | undefined;
  readonly items?: ValueData | undefined;
  readonly properties?: Readonly<Record<string, PropertyData>> | undefined;
}

/** An entry of `additional_properties`, `protected_properties` or an object's `properties`; GitLab allows null entries. */
export type PropertyData = (ValueData & { readonly required?: boolean | undefined }) | null;

const valueSchema: z.ZodType<ValueData> = z.strictObject({
  ...valueShape,
  get items() {
    return valueSchema.optional();
  },
  get properties() {
    return propertiesSchema.optional();
  },
});

export const propertyObject = z.strictObject({
  ...valueShape,
  required: z.boolean().optional(),
  get items() {
    return valueSchema.optional();
  },
  get properties() {
    return propertiesSchema.optional();
  },
});

export const propertySchema: z.ZodType<PropertyData> = propertyObject.nullable();

const propertiesSchema: z.ZodType<Readonly<Record<string, PropertyData>>> = z.record(z.string(), propertySchema);

const trackerSchema = z.strictObject({
  tracking_class: z.string().min(1),
  protected_properties: propertiesSchema.nullable().optional(),
});

const milestone = z.string().regex(MILESTONE_PATTERN, "must look like 18.0");
const url = z.string().regex(URI_PATTERN, "must be a URL, like https://gitlab.com/gitlab-org/gitlab/-/merge_requests/123");

/** What a definition holds once it passed the schema, whatever the project's rules require. */
export interface DefinitionData {
  readonly description?: string | undefined;
  readonly internal_events?: boolean | undefined;
  readonly action: string;
  readonly function_name?: string | undefined;
  readonly identifiers?: readonly string[] | null | undefined;
  readonly additional_properties?: Readonly<Record<string, PropertyData>> | null | undefined;
  readonly product_group?: string | undefined;
  readonly product_categories?: readonly string[] | null | undefined;
  readonly milestone?: string | null | undefined;
  readonly introduced_by_url?: string | null | undefined;
  readonly tiers?: readonly string[] | undefined;
  readonly status?: (typeof STATUSES)[number] | undefined;
  readonly milestone_removed?: string | undefined;
  readonly removed_by_url?: string | undefined;
  readonly classification?: (typeof CLASSIFICATIONS)[number] | null | undefined;
  readonly extra_trackers?: readonly { readonly tracking_class: string; readonly protected_properties?: Readonly<Record<string, PropertyData>> | null | undefined }[] | null | undefined;
  readonly extra_tracking_classes?: readonly string[] | null | undefined;
  readonly category?: string | undefined;
  readonly label_description?: string | null | undefined;
  readonly property_description?: string | null | undefined;
  readonly value_description?: string | null | undefined;
  readonly extra_properties?: Readonly<Record<string, unknown>> | null | undefined;
  readonly iglu_schema_url?: string | null | undefined;
}

/** The schema of a definition under `vocabulary`: its identifiers, tiers, names and required keys (any key of a definition may be one). */
function buildDefinitionSchema(vocabulary: Vocabulary) {
  const required = <T extends z.ZodType>(key: string, schema: T): z.ZodOptional<T> =>
    (vocabulary.required.has(key) ? schema : schema.optional()) as z.ZodOptional<T>;
  const action =
    vocabulary.eventNames === "snake_case"
      ? z.string().regex(ACTION_PATTERN, "must be lowercase letters, digits and underscores")
      : z.string().min(1);
  return z.strictObject({
    description: required("description", z.string()),
    internal_events: required("internal_events", z.boolean()),
    action,
    function_name: required("function_name", z.string()),
    identifiers: required("identifiers", z.array(z.enum(vocabulary.identifiers as [string, ...string[]])).nullable()),
    additional_properties: required("additional_properties", propertiesSchema.nullable()),
    product_group: required("product_group", z.string()),
    product_categories: required("product_categories", z.array(z.string()).nullable()),
    milestone: required("milestone", milestone.nullable()),
    introduced_by_url: required("introduced_by_url", url.nullable()),
    tiers: required("tiers", z.array(z.enum(vocabulary.tiers as [string, ...string[]])).min(1)),
    status: required("status", z.enum(STATUSES)),
    milestone_removed: required("milestone_removed", milestone),
    removed_by_url: required("removed_by_url", url),
    classification: required("classification", z.enum(CLASSIFICATIONS).nullable()),
    extra_trackers: required("extra_trackers", z.array(trackerSchema).nullable()),
    extra_tracking_classes: required("extra_tracking_classes", z.array(z.string().min(1)).nullable()),
    category: required("category", z.string()),
    label_description: required("label_description", z.string().nullable()),
    property_description: required("property_description", z.string().nullable()),
    value_description: required("value_description", z.string().nullable()),
    extra_properties: required("extra_properties", z.record(z.string(), z.unknown()).nullable()),
    iglu_schema_url: required("iglu_schema_url", z.string().nullable()),
  });
}

const schemas = new WeakMap<Vocabulary, z.ZodType<DefinitionData>>();

/** The schema for `vocabulary`, built once per vocabulary. */
export function definitionSchemaFor(vocabulary: Vocabulary): z.ZodType<DefinitionData> {
  let schema = schemas.get(vocabulary);
  if (schema === undefined) {
    schema = buildDefinitionSchema(vocabulary);
    schemas.set(vocabulary, schema);
  }
  return schema;
}

/** GitLab's schema: definitions without a config, and under `--gitlab-strict` (which also rejects sit's extensions). */
export const definitionSchema = buildDefinitionSchema(GITLAB_VOCABULARY);

export const DEFINITION_KEYS: readonly string[] = Object.keys(definitionSchema.shape);
export const PROPERTY_KEYS: readonly string[] = Object.keys(propertyObject.shape);
export const TRACKER_KEYS: readonly string[] = Object.keys(trackerSchema.shape);
