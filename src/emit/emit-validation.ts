import type { EventModel, SdkModel } from "../model/event-model";
import { identifierField } from "../model/names";
import { CodeWriter } from "./code-writer";
import { templateText } from "./emit-catalog";
import { emitEventPart, type EventTextMemo } from "./event-text-memo";
import { SDK_API as API } from "./sdk-api";

/**
 * validation.ts: `checkEvents`, the opt-in development checks of `configureTracking({ validate })`.
 * A file of its own, imported only by applications that enable it, so no other bundle carries the
 * rules or the checks. The rules are lines of JSON, read on the first check.
 */
export function emitValidation(model: SdkModel, memo?: EventTextMemo): Buffer[] {
  const writer = new CodeWriter();
  writer.line(`import type { ${API.EventValidator} } from "./runtime.js";`).blankLine();
  writer.lines(RULE_TYPES).blankLine();
  writer.line("const RULES = `");
  for (const event of model.events) emitEventPart(writer, memo, event, "ruleLine", (target) => target.line(templateText(JSON.stringify(eventRule(event)))));
  writer.line("`;");
  writer.blankLine();
  writer.lines(CHECKS);
  return writer.toChunks();
}

/** What the checks need of an event: its identifiers as argument names, and each property's rule. */
function eventRule(event: EventModel): unknown {
  return {
    action: event.action,
    identifiers: event.identifiers.map(identifierField),
    properties: event.properties.map((property) => ({
      name: property.name,
      types: property.valueTypes,
      ...(property.integer ? { integer: true } : {}),
      ...(property.enumValues === undefined ? {} : { enum: property.enumValues }),
      ...(property.required ? { required: true } : {}),
    })),
  };
}

const RULE_TYPES = `interface PropertyRule {
  readonly name: string;
  readonly types: readonly ("string" | "number" | "boolean")[];
  readonly integer?: true;
  readonly enum?: readonly (string | number | boolean)[];
  readonly required?: true;
}

interface EventRule {
  readonly action: string;
  /** The arguments that carry the identifiers, e.g. \`user\`. */
  readonly identifiers: readonly string[];
  readonly properties: readonly PropertyRule[];
}`;

const CHECKS = `let rules: Map<string, EventRule> | undefined;

/**
 * Checks an event's arguments against its definition, for values TypeScript
 * cannot see (JavaScript callers, \`any\`, JSON from elsewhere): enable with
 * \`configureTracking({ validate: ${API.checkEvents} })\`. Returns the violations.
 */
export const ${API.checkEvents}: ${API.EventValidator} = (eventName, args) => {
  rules ??= new Map(
    RULES.split("\\n")
      .filter((line) => line !== "")
      .map((line): [string, EventRule] => {
        const rule: EventRule = JSON.parse(line);
        return [rule.action, rule];
      }),
  );
  const rule = rules.get(eventName);
  if (rule === undefined) return [\`"\${eventName}" is not an event\`];
  if (args !== undefined && !isObject(args)) {
    return [\`the arguments must be an object, not \${describe(args)}\`];
  }
  const given: Readonly<Record<string, unknown>> = args ?? {};
  const violations: string[] = [];
  for (const identifier of rule.identifiers) {
    if (given[identifier] === undefined || given[identifier] === null) {
      violations.push(\`identifier \${identifier} is missing\`);
    }
  }
  const properties = given["additionalProperties"] ?? {};
  if (!isObject(properties)) {
    violations.push(
      \`additionalProperties must be an object, not \${describe(properties)}\`,
    );
    return violations;
  }
  const declared = new Set<string>();
  for (const property of rule.properties) {
    declared.add(property.name);
    const problem = propertyProblem(property, properties[property.name]);
    if (problem !== undefined) {
      violations.push(\`property \${property.name} \${problem}\`);
    }
  }
  for (const name of Object.keys(properties)) {
    if (!declared.has(name)) {
      violations.push(\`property \${name} is not declared, so it is not sent\`);
    }
  }
  return violations;
};

function propertyProblem(
  rule: PropertyRule,
  value: unknown,
): string | undefined {
  if (value === undefined) return rule.required ? "is required" : undefined;
  const type = typeof value;
  if (!(rule.types as readonly string[]).includes(type)) {
    return \`must be \${rule.types.join(" or ")}, not \${describe(value)}\`;
  }
  if (type === "number" && !Number.isFinite(value)) {
    return \`must be a finite number, not \${describe(value)}\`;
  }
  if (rule.integer && !Number.isInteger(value)) {
    return \`must be an integer, not \${describe(value)}\`;
  }
  if (rule.enum !== undefined && !rule.enum.includes(value as string)) {
    const allowed = rule.enum
      .map((option) => JSON.stringify(option))
      .join(", ");
    return \`must be one of \${allowed}, not \${describe(value)}\`;
  }
  return undefined;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" && value !== null) {
    return Array.isArray(value) ? "a list" : "an object";
  }
  return String(value);
}`;
