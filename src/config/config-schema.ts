import { z } from "zod";
import { JAVASCRIPT_IDENTIFIER } from "../text/javascript-names";
import { WARNING_CODES } from "../diagnostics/codes";
import { MILESTONE_PATTERN, NAMING_RULES, ONE_LINE_PATTERN, URI_PATTERN } from "../validate/vocabulary";
import { DEFAULT_DEFINITIONS, DEFAULT_OUTPUT } from "./config-source";

const exportName = z.string().regex(JAVASCRIPT_IDENTIFIER, "must be a JavaScript identifier or `default`");

const processorSchema = z.strictObject({
  module: z.string().min(1),
  export: exportName.optional(),
});

/** An identifier's name: a letter, then letters, digits and underscores (its field is its camelCase). */
export const IDENTIFIER_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** `type` is checked as one TypeScript type by validate-config.ts, with TypeScript's own parser. */
const identifierSchema = z.strictObject({
  type: z.string().min(1).optional(),
  module: z.string().min(1).optional(),
  fromContext: z.boolean().optional(),
});

/** A team's own plan; every rule left out is GitLab's. */
const rulesSchema = z.strictObject({
  eventNames: z.enum(NAMING_RULES).optional(),
  propertyNames: z.enum(NAMING_RULES).optional(),
  tiers: z.array(z.string().min(1)).min(1).optional(),
  required: z.array(z.string().min(1)).optional(),
});

/** What `sit new` writes when a flag or a prompt does not say otherwise. */
const definitionDefaultsSchema = z.strictObject({
  product_group: z.string().min(1).regex(ONE_LINE_PATTERN, "must be one line").optional(),
  milestone: z.string().regex(MILESTONE_PATTERN, "must look like 18.0").nullable().optional(),
  introduced_by_url: z.string().regex(URI_PATTERN, "must be a URL, like https://gitlab.com/gitlab-org/gitlab/-/merge_requests/123").nullable().optional(),
  tiers: z.array(z.string().min(1)).min(1).optional(),
});

/** A warning code's severity: `off` hides it, `error` makes it stop `generate`. */
const severitySchema = z.enum(["off", "warning", "error"]);

export const configSchema = z.strictObject({
  definitions: z.string().min(1).default(DEFAULT_DEFINITIONS),
  output: z.string().min(1).default(DEFAULT_OUTPUT),
  templates: z.string().min(1).optional(),
  processors: z.record(z.string().min(1), processorSchema).default({}),
  defaultProcessors: z.array(z.string().min(1)).default([]),
  identifiers: z.record(z.string().regex(IDENTIFIER_NAME_PATTERN, "must be a letter, then letters, digits and underscores"), identifierSchema).default({}),
  rules: rulesSchema.default({}),
  defaults: definitionDefaultsSchema.default({}),
  warnings: z.partialRecord(z.enum(WARNING_CODES), severitySchema).default({}),
});

export const RULE_KEYS: readonly string[] = Object.keys(rulesSchema.shape);
export const IDENTIFIER_KEYS: readonly string[] = Object.keys(identifierSchema.shape);
export const DEFAULTS_KEYS: readonly string[] = Object.keys(definitionDefaultsSchema.shape);

export type ConfigInput = z.input<typeof configSchema>;
export type ConfigData = z.output<typeof configSchema>;
export type WarningSeverity = z.output<typeof severitySchema>;
export type DefinitionDefaults = z.output<typeof definitionDefaultsSchema>;
export type RulesData = z.output<typeof rulesSchema>;
