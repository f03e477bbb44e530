import { dump } from "js-yaml";
import type { PropertyData, ValueData } from "../validate/definition-schema";

/** What an imported definition holds. */
export interface ImportedDefinition {
  readonly description: string;
  readonly action: string;
  readonly function_name?: string | undefined;
  readonly additional_properties?: ReadonlyMap<string, PropertyData> | undefined;
}

/**
 * A definition as YAML, laid out as a person writes one: keys in the format's order, block
 * mappings, `type` and `enum` lists on one line (`type: [string, 'null']`), strings quoted only
 * where YAML needs it.
 */
export function renderImportedDefinition(definition: ImportedDefinition): string {
  const lines: string[] = [];
  lines.push(`description: ${scalar(definition.description)}`);
  lines.push("internal_events: true");
  lines.push(`action: ${scalar(definition.action)}`);
  if (definition.function_name !== undefined) lines.push(`function_name: ${definition.function_name}`);
  const properties = definition.additional_properties;
  if (properties !== undefined && properties.size > 0) {
    lines.push("additional_properties:");
    for (const [name, property] of properties) writeProperty(lines, name, property, 1);
  }
  return `${lines.join("\n")}\n`;
}

const INDENT = "  ";

function writeProperty(lines: string[], name: string, property: PropertyData, level: number): void {
  lines.push(`${INDENT.repeat(level)}${key(name)}:`);
  if (property !== null) writeValue(lines, property, level + 1);
}

/** A value's keys, in the order `schema-to-definition.ts` builds them. */
function writeValue(lines: string[], value: ValueData & { readonly required?: boolean | undefined }, level: number): void {
  const indent = INDENT.repeat(level);
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (name === "items") {
      lines.push(`${indent}items:`);
      writeValue(lines, item as ValueData, level + 1);
    } else if (name === "properties") {
      lines.push(`${indent}properties:`);
      for (const [member, property] of Object.entries(item as Record<string, PropertyData>)) writeProperty(lines, member, property, level + 1);
    } else if (Array.isArray(item)) {
      lines.push(`${indent}${name}: ${flowList(item as readonly unknown[])}`);
    } else {
      lines.push(`${indent}${name}: ${scalar(item)}`);
    }
  }
}

const DUMP_OPTIONS = { lineWidth: -1, noRefs: true, quoteStyle: "single" } as const;

/**
 * Text that YAML reads back as the same string when written plain: it starts with a letter, holds
 * no character with a meaning in YAML (`:`, `#`, quotes, brackets, commas, `&*!|>%@`, backslash),
 * nothing unprintable, and no space at its end; unless it spells null, true or false.
 */
const PLAIN_WORDS = /^[A-Za-z_][^\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff:#"'{}[\],&*!|>%@`\\]*$/;
const CORE_WORDS = /^(?:null|true|false)$/i;

/**
 * A scalar after its key. A string of several lines is written double-quoted with `\n` escapes:
 * js-yaml's block scalars carry indentation indicators that are wrong once nested.
 */
function scalar(value: unknown): string {
  // Most names and descriptions need no quoting; js-yaml's dump costs more than the rest of the import.
  if (typeof value === "string" && PLAIN_WORDS.test(value) && !value.endsWith(" ") && !CORE_WORDS.test(value)) return value;
  const text = dump(value, DUMP_OPTIONS).replace(/\n$/, "");
  return text.includes("\n") ? JSON.stringify(value) : text;
}

/** A list on one line, as YAML's flow style writes it. */
function flowList(items: readonly unknown[]): string {
  return `[${items.map((item) => scalarInFlow(item)).join(", ")}]`;
}

/** A scalar inside `[…]`, where a comma or a bracket would end it: quoted whenever it holds one. */
function scalarInFlow(value: unknown): string {
  const text = scalar(value);
  return typeof value === "string" && !text.startsWith('"') && !text.startsWith("'") && /[,[\]{}#]|^[&*!|>%@`]/.test(text) ? JSON.stringify(value) : text;
}

/** A key as YAML reads it back: plain when it can be, quoted when not; on one line always. */
const key = (name: string): string => scalar(name);
