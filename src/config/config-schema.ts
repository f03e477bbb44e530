import { z } from "zod";
import { IDENTIFIERS } from "../validate/vocabulary";
import { DEFAULT_DEFINITIONS, DEFAULT_OUTPUT } from "./config-source";

const exportName = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, "must be a JavaScript identifier or `default`");

const processorSchema = z.strictObject({
  module: z.string().min(1),
  export: exportName.optional(),
});

const identifierTypeSchema = z.strictObject({
  type: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9_$<>[\](){}|&,.:;?"' -]+$/, "must be a TypeScript type name or a simple type expression on one line"),
  module: z.string().min(1).optional(),
});

export const configSchema = z.strictObject({
  definitions: z.string().min(1).default(DEFAULT_DEFINITIONS),
  output: z.string().min(1).default(DEFAULT_OUTPUT),
  processors: z.record(z.string().min(1), processorSchema).default({}),
  defaultProcessors: z.array(z.string().min(1)).default([]),
  identifiers: z
    .strictObject(Object.fromEntries(IDENTIFIERS.map((name) => [name, identifierTypeSchema.optional()])) as Record<
      (typeof IDENTIFIERS)[number],
      z.ZodOptional<typeof identifierTypeSchema>
    >)
    .default({}),
});

export type ConfigInput = z.input<typeof configSchema>;
export type ConfigData = z.output<typeof configSchema>;
