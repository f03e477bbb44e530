/** The words of GitLab's event definition format, which every project may use. */
export const IDENTIFIERS = ["project", "namespace", "user", "feature_enabled_by_namespace_ids"] as const;

export const TIERS = ["free", "premium", "ultimate"] as const;

/** The top-level keys GitLab requires of every definition. */
export const GITLAB_REQUIRED_KEYS = ["description", "action", "product_group", "milestone", "introduced_by_url", "tiers"] as const;

/** How names must be written: GitLab's lowercase snake_case, or as the team's data already names them. */
export const NAMING_RULES = ["snake_case", "any"] as const;
export type NamingRule = (typeof NAMING_RULES)[number];

/**
 * What definitions may say, from the config's `identifiers:` and `rules:`: GitLab's words unless
 * the team names its own.
 */
export interface Vocabulary {
  /** Identifiers definitions may name: GitLab's four, then the config's own in code-unit order. */
  readonly identifiers: readonly string[];
  readonly tiers: readonly string[];
  /** Top-level keys every definition must have; `action` always is one. */
  readonly required: ReadonlySet<string>;
  readonly eventNames: NamingRule;
  readonly propertyNames: NamingRule;
}

export const GITLAB_VOCABULARY: Vocabulary = {
  identifiers: IDENTIFIERS,
  tiers: TIERS,
  required: new Set(GITLAB_REQUIRED_KEYS),
  eventNames: "snake_case",
  propertyNames: "snake_case",
};

/** The type of an identifier the config does not type: what GitLab's backend reads of it. */
export const DEFAULT_IDENTIFIER_TYPE = "{ readonly id: string | number }";

export const STATUSES = ["active", "removed"] as const;
export type Status = (typeof STATUSES)[number];

/** GitLab's classifications of an event. */
export const CLASSIFICATIONS = ["duo"] as const;

/** sit's extension: the value type of a property; a list of them (with `"null"`) is a union. */
export const PROPERTY_TYPES = ["string", "integer", "number", "boolean", "array", "object", "any"] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** The scalar types, all GitLab's own schema knows of sit's; the others are a team's plan. */
export const SCALAR_PROPERTY_TYPES = ["string", "integer", "number", "boolean"] as const satisfies readonly PropertyType[];

/** What a custom property without `type` may be: GitLab's rule. */
export const UNTYPED_PROPERTY_TYPES = ["string", "number"] as const satisfies readonly PropertyType[];

/** Allowed in a list of types only: `type: [string, "null"]`. */
export const NULL_TYPE = "null";

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
/** `function_name`: a camelCase name of ASCII letters and digits. */
export const FUNCTION_NAME_PATTERN = /^[a-z][A-Za-z0-9]*$/;

/** Characters that have no place in a name: C0 and C1 controls, and the line and paragraph separators. */
const CONTROL_CHARACTERS = String.raw`\u0000-\u001f\u007f-\u009f\u2028\u2029`;
export const CONTROL_CHARACTER = new RegExp(`[${CONTROL_CHARACTERS}]`);
/** A name under `any` naming rules: not empty, on one line, in printable characters. */
export const PRINTABLE_NAME_PATTERN = new RegExp(`^[^${CONTROL_CHARACTERS}]+$`);
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
 * Property names that cannot be typed: every object has an apparent `constructor: Function` (and
 * `toString`, `valueOf`, … from Object.prototype), so arguments declaring `constructor?: string`
 * reject every object that does not pass it, even `{}` or `{ label: "x" }`; and a processor reading
 * `constructor` of properties the caller left out gets `Object`, not `undefined`. Actions may use
 * them: they are only keys of generated objects.
 */
export const UNTYPABLE_PROPERTY_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype).filter((name) => !PROTOTYPE_TRAPS.has(name)));

/** The constraints of each kind of value, and the types they apply to: bounds of numbers, lengths and a pattern of strings. */
export const CONSTRAINTS = [
  { keys: ["minimum", "maximum"], types: ["number", "integer"], what: "numbers" },
  { keys: ["minLength", "maxLength", "pattern"], types: ["string"], what: "strings" },
] as const satisfies readonly { keys: readonly string[]; types: readonly PropertyType[]; what: string }[];

/** How deep `items` and `properties` may nest: deeper plans are mistakes, and checks recurse. */
export const MAX_TYPE_DEPTH = 16;
