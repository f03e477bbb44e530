import { z } from "zod";
import { ACTION_PATTERN, IDENTIFIERS, MILESTONE_PATTERN, PROPERTY_TYPES, STATUSES, TIERS, URI_PATTERN } from "./vocabulary";

const enumValue = z.union([z.string(), z.number(), z.boolean()], { error: "an enum value must be a string, a finite number, or true or false" });

/** One entry of `additional_properties` or `protected_properties`; GitLab allows null entries. */
export const propertySchema = z
  .strictObject({
    description: z.string().optional(),
    type: z.enum(PROPERTY_TYPES).optional(),
    enum: z.array(enumValue).min(1).optional(),
    required: z.boolean().optional(),
  })
  .nullable();

const propertiesSchema = z.record(z.string(), propertySchema).nullable();

const trackerSchema = z.strictObject({
  tracking_class: z.string().min(1),
  protected_properties: propertiesSchema.optional(),
});

const milestone = z.string().regex(MILESTONE_PATTERN, "must look like 18.0");
const url = z.string().regex(URI_PATTERN, "must be a URL, like https://gitlab.com/gitlab-org/gitlab/-/merge_requests/123");

export const definitionSchema = z.strictObject({
  description: z.string(),
  internal_events: z.boolean().optional(),
  action: z.string().regex(ACTION_PATTERN, "must be lowercase letters, digits and underscores"),
  identifiers: z.array(z.enum(IDENTIFIERS)).nullable().optional(),
  additional_properties: propertiesSchema.optional(),
  product_group: z.string(),
  product_categories: z.array(z.string()).nullable().optional(),
  milestone: milestone.nullable(),
  introduced_by_url: url.nullable(),
  tiers: z.array(z.enum(TIERS)).min(1),
  status: z.enum(STATUSES).optional(),
  milestone_removed: milestone.optional(),
  removed_by_url: url.optional(),
  classification: z.enum(["duo"]).nullable().optional(),
  extra_trackers: z.array(trackerSchema).nullable().optional(),
  extra_tracking_classes: z.array(z.string().min(1)).nullable().optional(),
  category: z.string().optional(),
  label_description: z.string().nullable().optional(),
  property_description: z.string().nullable().optional(),
  value_description: z.string().nullable().optional(),
  extra_properties: z.record(z.string(), z.unknown()).nullable().optional(),
  iglu_schema_url: z.string().nullable().optional(),
});

export type DefinitionData = z.output<typeof definitionSchema>;
export type PropertyData = z.output<typeof propertySchema>;
export const DEFINITION_KEYS: readonly string[] = Object.keys(definitionSchema.shape);
export const PROPERTY_KEYS: readonly string[] = Object.keys(propertySchema.unwrap().shape);
export const TRACKER_KEYS: readonly string[] = Object.keys(trackerSchema.shape);
