import type { z } from "zod";
import type { definitionSchema, propertyObject } from "../validate/definition-schema";

export type JsonSchema = z.core.JSONSchema.JSONSchema;

/**
 * The keys of the zod schemas `sit validate` parses with. The JSON Schema's keys and descriptions
 * are typed by them, so a key added to a zod schema does not compile until the JSON Schema has it.
 */
export type DefinitionKey = keyof typeof definitionSchema.shape;
export type PropertyKey = keyof typeof propertyObject.shape;
/** What an array's `items` may say: a property's keys but `required`. */
export type ValueKey = Exclude<PropertyKey, "required">;
export type TrackerKey = keyof NonNullable<z.output<typeof definitionSchema>["extra_trackers"]>[number];
