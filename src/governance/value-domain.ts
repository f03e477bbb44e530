import type { EnumValue, ValueSpec } from "../model/value-spec";

/** A type a property accepts: a JSON type, with `integer` told apart from `number`. */
type DomainType = "string" | "integer" | "number" | "boolean" | "null" | "array" | "object" | "any";

/**
 * The values one place of a property accepts (the property itself, an array's items, an object's
 * key): its declared (or GitLab's fixed) types, or exactly its enum values, within its
 * constraints. What arrays and objects hold is a place of its own, compared on its own.
 * Untyped custom properties accept `string | number`, as GitLab does.
 */
export interface ValueDomain {
  readonly types: readonly DomainType[];
  /** When declared, the only values allowed. */
  readonly values: readonly EnumValue[] | undefined;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly pattern: string | undefined;
}

export type DomainChange = "same" | "narrowed" | "widened" | "changed";

export function domainOf(value: ValueSpec): ValueDomain {
  const { minimum, maximum, minLength, maxLength, pattern } = value;
  const types: readonly DomainType[] = value.types === undefined ? ["any"] : value.types.map((type) => (type === "number" && value.integer ? "integer" : type));
  return { types, values: value.enum, minimum, maximum, minLength, maxLength, pattern };
}

/**
 * How `after` relates to `before`: fewer values accepted is narrowed (existing calls or dashboards
 * may break: `number` → `integer`, an enum added or values removed, `null` no longer allowed, a
 * higher minimum, a pattern added), more is widened, neither is changed (`string` → `boolean`,
 * another pattern).
 */
export function compareDomains(before: ValueDomain, after: ValueDomain): DomainChange {
  const keepsAll = contains(after, before);
  const addsNone = contains(before, after);
  if (keepsAll && addsNone) return "same";
  if (keepsAll) return "widened";
  return addsNone ? "narrowed" : "changed";
}

/** `string | number`, `integer (minimum 1, maximum 99)`, `"web" | "api"`: the domain as TypeScript-like text, constraints after it. */
export function describeDomain(domain: ValueDomain): string {
  return withConstraints(domain.values === undefined ? domain.types.join(" | ") : domain.values.map((value) => JSON.stringify(value)).join(" | "), domain);
}

/**
 * A whole value as text, what arrays and objects hold included: `{ sku: string; price?: number
 * (minimum 0) }[]`. For a property added or removed, where no place of it is compared.
 */
export function describeValue(value: ValueSpec): string {
  const domain = domainOf(value);
  if (domain.values !== undefined) return describeDomain(domain);
  const types = domain.types.map((type) => {
    if (type === "array" && value.items !== undefined) {
      const items = describeValue(value.items);
      return `${/[ |]/.test(items) && !items.startsWith("{") ? `(${items})` : items}[]`;
    }
    if (type === "object" && value.properties !== undefined) {
      const members = value.properties.map((property) => `${JSON.stringify(property.name).slice(1, -1)}${property.required ? "" : "?"}: ${describeValue(property.value)}`);
      return `{ ${members.join("; ")} }`;
    }
    return type;
  });
  return withConstraints(types.join(" | "), domain);
}

function withConstraints(text: string, domain: ValueDomain): string {
  const constraints = [
    ...(domain.minimum === undefined ? [] : [`minimum ${domain.minimum}`]),
    ...(domain.maximum === undefined ? [] : [`maximum ${domain.maximum}`]),
    ...(domain.minLength === undefined ? [] : [`minLength ${domain.minLength}`]),
    ...(domain.maxLength === undefined ? [] : [`maxLength ${domain.maxLength}`]),
    ...(domain.pattern === undefined ? [] : [`pattern /${domain.pattern}/`]),
  ];
  return constraints.length === 0 ? text : `${text} (${constraints.join(", ")})`;
}

/** Whether every value `inner` accepts, `outer` accepts too. */
function contains(outer: ValueDomain, inner: ValueDomain): boolean {
  // An enum value its own constraints exclude can never be sent.
  if (inner.values !== undefined) return inner.values.every((value) => !accepts(inner, value) || accepts(outer, value));
  if (outer.values !== undefined) return false;
  const innerTypes: readonly DomainType[] = inner.types.includes("any") ? ["string", "integer", "number", "boolean", "null", "array", "object"] : inner.types;
  return innerTypes.every((type) => acceptsType(outer, type) && constraintsContain(outer, inner, type));
}

function acceptsType(domain: ValueDomain, type: DomainType): boolean {
  return domain.types.includes("any") || domain.types.includes(type) || (type === "integer" && domain.types.includes("number"));
}

/** Whether `outer`'s constraints on values of `type` let through every value `inner`'s do. */
function constraintsContain(outer: ValueDomain, inner: ValueDomain, type: DomainType): boolean {
  if (type === "integer" || type === "number") return lowerBoundHolds(outer.minimum, inner.minimum) && upperBoundHolds(outer.maximum, inner.maximum);
  if (type === "string") {
    return lowerBoundHolds(outer.minLength, inner.minLength) && upperBoundHolds(outer.maxLength, inner.maxLength) && (outer.pattern === undefined || outer.pattern === inner.pattern);
  }
  return true;
}

/** No lower bound on the outside, or one at or below the inside's. */
const lowerBoundHolds = (outer: number | undefined, inner: number | undefined): boolean => outer === undefined || (inner !== undefined && outer <= inner);

/** No upper bound on the outside, or one at or above the inside's. */
const upperBoundHolds = (outer: number | undefined, inner: number | undefined): boolean => outer === undefined || (inner !== undefined && inner <= outer);

function accepts(domain: ValueDomain, value: EnumValue): boolean {
  if (domain.values !== undefined && !domain.values.some((allowed) => allowed === value)) return false;
  return domain.types.some((type) => typeAccepts(type, value)) && withinConstraints(domain, value);
}

function withinConstraints(domain: ValueDomain, value: EnumValue): boolean {
  if (typeof value === "number") return (domain.minimum === undefined || value >= domain.minimum) && (domain.maximum === undefined || value <= domain.maximum);
  if (typeof value !== "string") return true;
  const length = [...value].length;
  return (
    (domain.minLength === undefined || length >= domain.minLength) &&
    (domain.maxLength === undefined || length <= domain.maxLength) &&
    (domain.pattern === undefined || new RegExp(domain.pattern, "u").test(value))
  );
}

function typeAccepts(type: DomainType, value: EnumValue): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    case "any":
      return true;
    default:
      return false;
  }
}
