import type { EventRule, PropertyRule, ValueRule } from "../sdk/checks";
import type { EventModel } from "./event-model";
import type { PropertySpec, ValueSpec } from "./value-spec";

/**
 * What the checks of checks.ts hold an event to, from the model: the one source of the rules of
 * `checkEvents` (written into validation.ts) and of `sit inspect`, so the two never disagree.
 */
export function eventRule(event: EventModel): EventRule {
  return {
    action: event.action,
    identifiers: event.identifiers.filter((identifier) => !identifier.fromContext).map((identifier) => identifier.field),
    properties: event.properties.map(propertyRule),
  };
}

export function propertyRule(property: PropertySpec): PropertyRule {
  return { name: property.name, ...valueRule(property.value), ...(property.required ? { required: true } : {}) };
}

function valueRule(value: ValueSpec): ValueRule {
  const rule: { -readonly [Key in keyof ValueRule]: ValueRule[Key] } = {};
  if (value.types !== undefined) rule.types = value.types;
  if (value.integer) rule.integer = true;
  if (value.enum !== undefined) rule.enum = value.enum;
  for (const key of ["minimum", "maximum", "minLength", "maxLength"] as const) if (value[key] !== undefined) rule[key] = value[key];
  if (value.pattern !== undefined) rule.pattern = value.pattern;
  if (value.items !== undefined) rule.items = valueRule(value.items);
  if (value.properties !== undefined) rule.properties = value.properties.map(propertyRule);
  return rule;
}
