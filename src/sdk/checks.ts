/**
 * The development checks of every generated SDK (`checkEvents`), the same in every project:
 * `sit generate` copies this file into the output folder as checks.ts, and validation.ts hands it
 * the project's rules. Only applications that enable the checks import it. It reports what
 * TypeScript cannot see (JavaScript callers, `any`, JSON from elsewhere) and never throws.
 */

/** The JavaScript types a value may have; `integer` narrows `number`. */
export type ValueType =
  "string" | "number" | "boolean" | "null" | "array" | "object";

export type EnumValue = string | number | boolean | null;

/** What a value must be: a rule without `types` allows any JSON value. */
export interface ValueRule {
  readonly types?: readonly ValueType[];
  readonly integer?: true;
  readonly enum?: readonly EnumValue[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A regular expression (with the `u` flag) that strings must contain a match of. */
  readonly pattern?: string;
  /** The rule of an array's items. */
  readonly items?: ValueRule;
  /** The keys an object may have: any other is reported and not sent. */
  readonly properties?: readonly PropertyRule[];
}

export interface PropertyRule extends ValueRule {
  readonly name: string;
  readonly required?: true;
}

export interface EventRule {
  readonly action: string;
  /** The arguments that carry the identifiers, e.g. `user`. */
  readonly identifiers: readonly string[];
  readonly properties: readonly PropertyRule[];
}

/** How deep values are checked: deeper ones (or a cycle) are reported, not followed. */
const MAX_DEPTH = 32;
/** Violations reported per event at most; one more line says how many were left out. */
const MAX_VIOLATIONS = 100;

/**
 * The checks of the events whose rules are `rules`, one line of JSON per
 * event, read on the first check. Returns each violation as a sentence that
 * names the identifier or the property (`products[0].price`).
 */
export function createEventChecker(
  rules: string,
): (eventName: string, args: unknown) => readonly string[] {
  let byAction: Map<string, EventRule> | undefined;
  return (eventName, args) => {
    byAction ??= parseRules(rules);
    const rule =
      typeof eventName === "string" ? byAction.get(eventName) : undefined;
    if (rule === undefined) return [`${describe(eventName)} is not an event`];
    const check = new Check();
    checkEvent(check, rule, args);
    return check.violations();
  };
}

function parseRules(rules: string): Map<string, EventRule> {
  const byAction = new Map<string, EventRule>();
  for (const line of rules.split("\n")) {
    if (line === "") continue;
    const rule = JSON.parse(line) as EventRule;
    byAction.set(rule.action, rule);
  }
  return byAction;
}

class Check {
  private readonly found: string[] = [];
  private omitted = 0;

  report(violation: string): void {
    if (this.found.length < MAX_VIOLATIONS) this.found.push(violation);
    else this.omitted++;
  }

  violations(): readonly string[] {
    return this.omitted === 0
      ? this.found
      : [...this.found, `and ${this.omitted} more violations`];
  }
}

function checkEvent(check: Check, rule: EventRule, args: unknown): void {
  if (args !== undefined && !isObject(args)) {
    check.report(`the arguments must be an object, not ${describe(args)}`);
    return;
  }
  const given: Readonly<Record<string, unknown>> = args ?? {};
  for (const identifier of rule.identifiers) {
    if (given[identifier] === undefined || given[identifier] === null) {
      check.report(`identifier ${identifier} is missing`);
    }
  }
  const properties = given["additionalProperties"] ?? {};
  if (!isObject(properties)) {
    check.report(
      `additionalProperties must be an object, not ${describe(properties)}`,
    );
    return;
  }
  checkProperties(check, rule.properties, properties, "", 0);
}

function checkProperties(
  check: Check,
  rules: readonly PropertyRule[],
  object: Readonly<Record<string, unknown>>,
  path: string,
  depth: number,
): void {
  const declared = new Set<string>();
  for (const rule of rules) {
    declared.add(rule.name);
    const value = Object.prototype.hasOwnProperty.call(object, rule.name)
      ? object[rule.name]
      : undefined;
    const where = memberPath(path, rule.name);
    if (value === undefined) {
      if (rule.required) check.report(`property ${where} is required`);
      continue;
    }
    checkValue(check, rule, value, where, depth);
  }
  for (const name of Object.keys(object)) {
    if (!declared.has(name)) {
      check.report(
        `property ${memberPath(path, name)} is not declared, so it is not sent`,
      );
    }
  }
}

function checkValue(
  check: Check,
  rule: ValueRule,
  value: unknown,
  where: string,
  depth: number,
): void {
  const problem = valueProblem(rule, value);
  if (problem !== undefined) {
    check.report(`property ${where} ${problem}`);
    return;
  }
  if (rule.items === undefined && rule.properties === undefined) return;
  if (depth >= MAX_DEPTH) {
    check.report(`property ${where} is nested too deep to check`);
    return;
  }
  if (rule.items !== undefined && Array.isArray(value)) {
    const items = rule.items;
    value.forEach((item: unknown, index) => {
      const itemWhere = `${where}[${index}]`;
      if (item === undefined) {
        check.report(`property ${itemWhere} must be a value, not undefined`);
      } else {
        checkValue(check, items, item, itemWhere, depth + 1);
      }
    });
  } else if (rule.properties !== undefined && isObject(value)) {
    checkProperties(check, rule.properties, value, where, depth + 1);
  }
}

/** Why `value` breaks `rule` (its type, enum and constraints), or nothing. */
function valueProblem(rule: ValueRule, value: unknown): string | undefined {
  const type = typeOf(value);
  if (
    rule.types !== undefined &&
    (type === undefined || !rule.types.includes(type))
  ) {
    return `must be ${rule.types.join(" or ")}, not ${describe(value)}`;
  }
  if (type === undefined) return `must be a JSON value, not ${describe(value)}`;
  if (type === "number" && !Number.isFinite(value)) {
    return `must be a finite number, not ${describe(value)}`;
  }
  if (type === "number" && rule.integer && !Number.isInteger(value)) {
    return `must be an integer, not ${describe(value)}`;
  }
  if (rule.enum !== undefined && !rule.enum.includes(value as EnumValue)) {
    const allowed = rule.enum
      .map((option) => JSON.stringify(option))
      .join(", ");
    return `must be one of ${allowed}, not ${describe(value)}`;
  }
  if (type === "number") return numberProblem(rule, value as number);
  if (type === "string") return stringProblem(rule, value as string);
  return undefined;
}

function numberProblem(rule: ValueRule, value: number): string | undefined {
  if (rule.minimum !== undefined && value < rule.minimum) {
    return `must be at least ${rule.minimum}, not ${value}`;
  }
  if (rule.maximum !== undefined && value > rule.maximum) {
    return `must be at most ${rule.maximum}, not ${value}`;
  }
  return undefined;
}

function stringProblem(rule: ValueRule, value: string): string | undefined {
  if (rule.minLength !== undefined || rule.maxLength !== undefined) {
    // JSON Schema counts characters, not UTF-16 code units.
    const length = [...value].length;
    if (rule.minLength !== undefined && length < rule.minLength) {
      return `must be at least ${rule.minLength} characters long, not ${length}`;
    }
    if (rule.maxLength !== undefined && length > rule.maxLength) {
      return `must be at most ${rule.maxLength} characters long, not ${length}`;
    }
  }
  if (rule.pattern !== undefined && !patternOf(rule.pattern).test(value)) {
    return `must match /${rule.pattern}/, not ${describe(value)}`;
  }
  return undefined;
}

const patterns = /* @__PURE__ */ new Map<string, RegExp>();

function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    pattern = new RegExp(source, "u");
    patterns.set(source, pattern);
  }
  return pattern;
}

function typeOf(value: unknown): ValueType | undefined {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
    case "object":
      return typeof value as ValueType;
    default:
      return undefined;
  }
}

/** `products[0].price`; a key that is no identifier is quoted: `["Product ID"]`. */
function memberPath(path: string, name: string): string {
  if (path === "") return name;
  return /^[A-Za-z_$][\w$]*$/.test(name)
    ? `${path}.${name}`
    : `${path}[${JSON.stringify(name)}]`;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" && value !== null) {
    return Array.isArray(value) ? "a list" : "an object";
  }
  if (typeof value === "bigint") return `${String(value)}n`;
  if (typeof value === "symbol" || typeof value === "function")
    return `a ${typeof value}`;
  return String(value);
}
