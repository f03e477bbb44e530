import type { EnumValue, ValueSpec } from "../model/value-spec";

/** A type a property accepts: a JSON type, with `integer` told apart from `number`. */
type DomainType = "string" | "integer" | "number" | "boolean" | "null" | "array" | "object" | "any";

/**
 * The values a property accepts: its declared (or GitLab's fixed) types, or exactly its enum
 * values. Untyped custom properties accept `string | number`, as GitLab does.
 */
export interface ValueDomain {
  readonly types: readonly DomainType[];
  /** When declared, the only values allowed. */
  readonly values: readonly EnumValue[] | undefined;
}

export type DomainChange = "same" | "narrowed" | "widened" | "changed";

export function domainOf(value: ValueSpec): ValueDomain {
  if (value.types === undefined) return { types: ["any"], values: value.enum };
  return { types: value.types.map((type) => (type === "number" && value.integer ? "integer" : type)), values: value.enum };
}

/**
 * How `after` relates to `before`: fewer values accepted is narrowed (existing calls or dashboards
 * may break: `number` → `integer`, an enum added or values removed), more is widened, neither is
 * changed (`string` → `boolean`).
 */
export function compareDomains(before: ValueDomain, after: ValueDomain): DomainChange {
  const keepsAll = contains(after, before);
  const addsNone = contains(before, after);
  if (keepsAll && addsNone) return "same";
  if (keepsAll) return "widened";
  return addsNone ? "narrowed" : "changed";
}

/** `string | number`, `integer`, `"web" | "api"`: the domain as TypeScript-like text. */
export function describeDomain(domain: ValueDomain): string {
  return domain.values === undefined ? domain.types.join(" | ") : domain.values.map((value) => JSON.stringify(value)).join(" | ");
}

/** Whether every value `inner` accepts, `outer` accepts too. */
function contains(outer: ValueDomain, inner: ValueDomain): boolean {
  if (inner.values !== undefined) return inner.values.every((value) => accepts(outer, value));
  if (outer.values !== undefined) return false;
  if (outer.types.includes("any")) return true;
  return inner.types.every((type) => outer.types.includes(type) || (type === "integer" && outer.types.includes("number")));
}

function accepts(domain: ValueDomain, value: EnumValue): boolean {
  if (domain.values !== undefined) return domain.values.some((allowed) => allowed === value);
  return domain.types.some((type) => typeAccepts(type, value));
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
