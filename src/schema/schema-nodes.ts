import type { z } from "zod";
import { definitionSchema, propertyObject } from "../validate/definition-schema";

export type JsonSchema = z.core.JSONSchema.JSONSchema;

/**
 * The zod schemas inside `definitionSchema` that the JSON Schema annotates. `z.toJSONSchema` hands
 * each schema to its `override` callback, which recognises these by identity, so an annotation stays
 * attached to its node whatever JSON zod emits around it.
 */
export const SCHEMA_NODES = {
  definition: definitionSchema,
  action: definitionSchema.shape.action,
  identifiers: definitionSchema.shape.identifiers.unwrap().unwrap(),
  tiers: definitionSchema.shape.tiers,
  /** The map of property name → property, shared by `additional_properties` and `protected_properties`. */
  properties: definitionSchema.shape.additional_properties.unwrap().unwrap(),
  property: propertyObject,
  enumValues: propertyObject.shape.enum.unwrap(),
  tracker: definitionSchema.shape.extra_trackers.unwrap().unwrap().element,
} as const;

export type DefinitionKey = keyof typeof SCHEMA_NODES.definition.shape;
export type PropertyKey = keyof typeof SCHEMA_NODES.property.shape;
export type TrackerKey = keyof typeof SCHEMA_NODES.tracker.shape;
