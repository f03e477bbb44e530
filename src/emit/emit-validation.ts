import type { EventModel, SdkModel } from "../model/event-model";
import type { PropertySpec, ValueSpec } from "../model/value-spec";
import { CodeWriter } from "./code-writer";
import { templateText } from "./emit-catalog";
import { emitEventPart, type EventTextMemo } from "./event-text-memo";
import { SDK_API as API } from "../naming/sdk-api";

/**
 * validation.ts: `checkEvents`, the opt-in development checks of `configureTracking({ validate })`:
 * the project's rules, one line of JSON per event, for the fixed checks of checks.ts. A file of its
 * own, imported only by applications that enable it, so no other bundle carries the rules or the
 * checks.
 */
export function emitValidation(model: SdkModel, memo?: EventTextMemo): Buffer[] {
  const writer = new CodeWriter();
  writer.line('import { createEventChecker } from "./checks.js";');
  writer.line(`import type { ${API.EventValidator} } from "./core.js";`).blankLine();
  writer.line("const RULES = `");
  for (const event of model.events) emitEventPart(writer, memo, event, "ruleLine", (target) => target.line(templateText(JSON.stringify(eventRule(event)))));
  writer.line("`;");
  writer.blankLine();
  writer.lines(CHECK_EVENTS);
  return writer.toChunks();
}

/**
 * What the checks need of an event (checks.ts's `EventRule`): the identifiers its arguments carry,
 * and each property's rule.
 */
function eventRule(event: EventModel): unknown {
  return {
    action: event.action,
    identifiers: event.identifiers.filter((identifier) => !identifier.fromContext).map((identifier) => identifier.field),
    properties: event.properties.map(propertyRule),
  };
}

function propertyRule(property: PropertySpec): unknown {
  return { name: property.name, ...valueRule(property.value), ...(property.required ? { required: true } : {}) };
}

function valueRule(value: ValueSpec): Record<string, unknown> {
  const rule: Record<string, unknown> = {};
  if (value.types !== undefined) rule["types"] = value.types;
  if (value.integer) rule["integer"] = true;
  if (value.enum !== undefined) rule["enum"] = value.enum;
  for (const key of ["minimum", "maximum", "minLength", "maxLength", "pattern"] as const) if (value[key] !== undefined) rule[key] = value[key];
  if (value.items !== undefined) rule["items"] = valueRule(value.items);
  if (value.properties !== undefined) rule["properties"] = value.properties.map(propertyRule);
  return rule;
}

const CHECK_EVENTS = `/**
 * Checks an event's arguments against its definition, for values TypeScript
 * cannot see (JavaScript callers, \`any\`, JSON from elsewhere): enable with
 * \`configureTracking({ validate: ${API.checkEvents} })\`. Returns the violations.
 */
export const ${API.checkEvents}: ${API.EventValidator} =
  /* @__PURE__ */ createEventChecker(RULES);`;
