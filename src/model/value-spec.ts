import type { PropertyData, ValueData } from "../validate/definition-schema";
import { NULL_TYPE, type PropertyType } from "../validate/vocabulary";

/** The JavaScript types a value may have; `integer` is a `number` with `integer` set. */
export type JsonType = "string" | "number" | "boolean" | "null" | "array" | "object";

export type EnumValue = string | number | boolean | null;

/**
 * What a property's value may be, as every consumer needs it (the SDK's types, the checks, the
 * documentation, the JSON Schema, the comparison of two revisions): one reading of a definition.
 */
export interface ValueSpec {
  /** In declaration order; `undefined`: any JSON value. */
  readonly types: readonly JsonType[] | undefined;
  /** Numbers must be whole: every number type declared is `integer`. */
  readonly integer: boolean;
  readonly enum: readonly EnumValue[] | undefined;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly pattern: string | undefined;
  /** For arrays: what each item may be. */
  readonly items: ValueSpec | undefined;
  /** For objects: their keys, in declaration order; no other key is sent. */
  readonly properties: readonly PropertySpec[] | undefined;
}

export interface PropertySpec {
  readonly name: string;
  readonly description: string | undefined;
  readonly required: boolean;
  readonly value: ValueSpec;
}

/** What GitLab accepts for a custom property without a declared type. */
const UNTYPED: readonly JsonType[] = ["string", "number"];

const SCALARS: ReadonlyMap<string, readonly JsonType[]> = new Map([
  ["string", ["string"]],
  ["integer", ["number"]],
  ["number", ["number"]],
  ["boolean", ["boolean"]],
]);

/** Specs of GitLab's shapes, shared: at 10,000 events most properties are one of these. */
const SHARED = new Map<string, ValueSpec>();

/**
 * The value of a validated property: declared, fixed by GitLab (`label`, `property`, `value`:
 * `builtIn`), or what GitLab accepts (`string | number`).
 */
export function valueSpecOf(data: ValueData | null, builtIn?: PropertyType): ValueSpec {
  const type = data?.type ?? builtIn;
  const plain = data === null || (data.enum === undefined && !hasStructure(data) && !hasConstraints(data));
  if (plain && (type === undefined || typeof type === "string")) {
    const key = type ?? "";
    let shared = SHARED.get(key);
    if (shared === undefined) {
      shared = build(type === undefined ? undefined : type, data);
      SHARED.set(key, shared);
    }
    return shared;
  }
  return build(type, data);
}

function build(type: ValueData["type"] | PropertyType | undefined, data: ValueData | null): ValueSpec {
  const names = type === undefined ? undefined : typeof type === "string" ? [type] : type;
  return {
    types: names === undefined ? UNTYPED : jsonTypes(names),
    integer: names !== undefined && names.includes("integer") && !names.includes("number"),
    enum: data?.enum,
    minimum: data?.minimum,
    maximum: data?.maximum,
    minLength: data?.minLength,
    maxLength: data?.maxLength,
    pattern: data?.pattern,
    items: data?.items === undefined ? undefined : valueSpecOf(data.items),
    properties: data?.properties === undefined ? undefined : propertySpecsOf(data.properties),
  };
}

/** An object's properties, in declaration order. */
export function propertySpecsOf(properties: Readonly<Record<string, PropertyData>>): PropertySpec[] {
  return Object.entries(properties).map(([name, property]) => ({
    name,
    description: property?.description,
    required: property?.required === true,
    value: valueSpecOf(property),
  }));
}

/** `any` is every JSON value; `integer` is a `number`; each type once. */
function jsonTypes(names: readonly string[]): readonly JsonType[] | undefined {
  if (names.includes("any")) return undefined;
  const types: JsonType[] = [];
  for (const name of names) {
    const type: JsonType = name === NULL_TYPE ? "null" : name === "array" ? "array" : name === "object" ? "object" : SCALARS.get(name)![0]!;
    if (!types.includes(type)) types.push(type);
  }
  return types;
}

const hasStructure = (data: ValueData): boolean => data.items !== undefined || data.properties !== undefined;

const hasConstraints = (data: ValueData): boolean =>
  data.minimum !== undefined || data.maximum !== undefined || data.minLength !== undefined || data.maxLength !== undefined || data.pattern !== undefined;

/** Whether a value of this spec holds keys or items of its own: payloads copy such values key by key. */
export const isStructured = (value: ValueSpec): boolean => value.items !== undefined || value.properties !== undefined;

/**
 * A value's type on one line, as TypeScript would write it (`string | null`, `{ sku: string;
 * price?: number }[]`), for documentation and messages; an enum lists its values, `any` is `any`.
 */
export function typeText(value: ValueSpec): string {
  if (value.enum !== undefined) return value.enum.map((option) => JSON.stringify(option)).join(" | ");
  if (value.types === undefined) return "any";
  return value.types
    .map((type) => {
      if (type === "array") {
        const items = typeText(value.items!);
        return `${/[ |]/.test(items) && !items.startsWith("{") ? `(${items})` : items}[]`;
      }
      if (type === "object") return `{ ${value.properties!.map((property) => `${JSON.stringify(property.name).slice(1, -1)}${property.required ? "" : "?"}: ${typeText(property.value)}`).join("; ")} }`;
      return type;
    })
    .join(" | ");
}
