/** The fixed words of GitLab's event definition format. */
export const IDENTIFIERS = ["project", "namespace", "user", "feature_enabled_by_namespace_ids"] as const;
export type IdentifierName = (typeof IDENTIFIERS)[number];

export const TIERS = ["free", "premium", "ultimate"] as const;
export type Tier = (typeof TIERS)[number];

export const STATUSES = ["active", "removed"] as const;
export type Status = (typeof STATUSES)[number];

/** sit's extension: the value type of a property. */
export const PROPERTY_TYPES = ["string", "integer", "number", "boolean"] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/**
 * Properties GitLab gives a fixed type: label and property are strings, value is a number.
 * A Map, not an object: a lookup of `constructor` must not find Object.prototype's.
 */
export const BUILT_IN_PROPERTY_TYPES: ReadonlyMap<string, PropertyType> = new Map([
  ["label", "string"],
  ["property", "string"],
  ["value", "number"],
]);

export const ACTION_PATTERN = /^[a-z0-9_]+$/;
export const PROPERTY_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;
export const MILESTONE_PATTERN = /^<?[0-9]+\.[0-9]+$/;
/**
 * An absolute URI (RFC 3986: a scheme, a colon, then URI characters or %-escapes), the `uri` format
 * GitLab's schema requires of `introduced_by_url` and `removed_by_url`.
 */
export const URI_PATTERN = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
/** A name written on one line: a product group with a line break would be a block of text in YAML. */
export const ONE_LINE_PATTERN = /^[^\r\n\u2028\u2029]*$/;

/**
 * Names that, used as object keys, reach the prototype chain instead of holding data: in an object
 * literal `__proto__` sets the prototype, so no event or property may be called that.
 */
export const PROTOTYPE_TRAPS: ReadonlySet<string> = new Set(["__proto__"]);

/**
 * Property names that cannot be typed: every object has an apparent `constructor: Function`, so
 * arguments declaring `constructor?: string` reject every object that does not pass it, even `{}`
 * or `{ label: "x" }`; and a processor reading `constructor` of properties the caller left out
 * gets `Object`, not `undefined`. Actions may use it: they are only keys of generated objects.
 */
export const UNTYPABLE_PROPERTY_NAMES: ReadonlySet<string> = new Set(["constructor"]);
