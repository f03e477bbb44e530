import type { PropertyType } from "../validate/vocabulary";

export type EnumValue = string | number | boolean;

/**
 * The values a property accepts: its declared (or GitLab's fixed) types, or exactly its enum
 * values. Untyped custom properties accept `string | number`, as GitLab does.
 */
export interface ValueDomain {
  readonly types: readonly PropertyType[];
  /** When declared, the only values allowed. */
  readonly values: readonly EnumValue[] | undefined;
}

export type DomainChange = "same" | "narrowed" | "widened" | "changed";

const UNTYPED: readonly PropertyType[] = ["string", "number"];

export function domainOf(declared: PropertyType | undefined, builtIn: PropertyType | undefined, values: readonly EnumValue[] | undefined): ValueDomain {
  const type = declared ?? builtIn;
  return { types: type === undefined ? UNTYPED : [type], values };
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
  return inner.types.every((type) => outer.types.includes(type) || (type === "integer" && outer.types.includes("number")));
}

function accepts(domain: ValueDomain, value: EnumValue): boolean {
  if (domain.values !== undefined) return domain.values.some((allowed) => allowed === value);
  return domain.types.some((type) => typeAccepts(type, value));
}

function typeAccepts(type: PropertyType, value: EnumValue): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
  }
}
