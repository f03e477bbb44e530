import { z } from "zod";
import { JAVASCRIPT_IDENTIFIER } from "../text/javascript-names";
import { WARNING_CODES } from "../diagnostics/codes";
import { IDENTIFIERS, MILESTONE_PATTERN, ONE_LINE_PATTERN, TIERS, URI_PATTERN } from "../validate/vocabulary";
import { DEFAULT_DEFINITIONS, DEFAULT_OUTPUT } from "./config-source";

const exportName = z.string().regex(JAVASCRIPT_IDENTIFIER, "must be a JavaScript identifier or `default`");

const processorSchema = z.strictObject({
  module: z.string().min(1),
  export: exportName.optional(),
});

/** `type` is checked as one TypeScript type by validate-config.ts, with TypeScript's own parser. */
const identifierTypeSchema = z.strictObject({
  type: z.string().min(1),
  module: z.string().min(1).optional(),
});

/** What `sit new` writes when a flag or a prompt does not say otherwise. */
const definitionDefaultsSchema = z.strictObject({
  product_group: z.string().min(1).regex(ONE_LINE_PATTERN, "must be one line").optional(),
  milestone: z.string().regex(MILESTONE_PATTERN, "must look like 18.0").nullable().optional(),
  introduced_by_url: z.string().regex(URI_PATTERN, "must be a URL, like https://gitlab.com/gitlab-org/gitlab/-/merge_requests/123").nullable().optional(),
  tiers: z.array(z.enum(TIERS)).min(1).optional(),
});

/** A warning code's severity: `off` hides it, `error` makes it stop `generate`. */
const severitySchema = z.enum(["off", "warning", "error"]);

export const configSchema = z.strictObject({
  definitions: z.string().min(1).default(DEFAULT_DEFINITIONS),
  output: z.string().min(1).default(DEFAULT_OUTPUT),
  templates: z.string().min(1).optional(),
  processors: z.record(z.string().min(1), processorSchema).default({}),
  defaultProcessors: z.array(z.string().min(1)).default([]),
  identifiers: z
    .strictObject(Object.fromEntries(IDENTIFIERS.map((name) => [name, identifierTypeSchema.optional()])) as Record<
      (typeof IDENTIFIERS)[number],
      z.ZodOptional<typeof identifierTypeSchema>
    >)
    .default({}),
  defaults: definitionDefaultsSchema.default({}),
  warnings: z.partialRecord(z.enum(WARNING_CODES), severitySchema).default({}),
});

export type ConfigInput = z.input<typeof configSchema>;
export type ConfigData = z.output<typeof configSchema>;
export type WarningSeverity = z.output<typeof severitySchema>;
export type DefinitionDefaults = z.output<typeof definitionDefaultsSchema>;
