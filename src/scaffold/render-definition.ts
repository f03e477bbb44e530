import type { DefinitionFields, OptionalFieldName, PropertyField, ValueField } from "./definition-fields";
import { renderTemplate, type RenderedTemplate } from "./render-template";
import { yamlFragment, type YamlFragment, type YamlValue } from "./yaml-fragment";

/** The placeholder of the action, which every definition template needs. */
export const ACTION_PLACEHOLDER = "action";

/** The placeholder that writes each field a user gives, named after the definition key it fills. */
export const FIELD_PLACEHOLDERS: Readonly<Record<OptionalFieldName, string>> = {
  functionName: "function_name",
  description: "description",
  identifiers: "identifiers",
  properties: "additional_properties",
  productGroup: "product_group",
  milestone: "milestone",
  introducedByUrl: "introduced_by_url",
  tiers: "tiers",
  trackers: "extra_trackers",
};

/** Every placeholder a definition template may use. */
export const DEFINITION_PLACEHOLDERS: readonly string[] = [ACTION_PLACEHOLDER, ...Object.values(FIELD_PLACEHOLDERS)];

/** What is wrong with a definition template, whatever the values, and the placeholders it uses. */
export function checkDefinitionTemplate(template: string): RenderedTemplate {
  return renderTemplate(template, new Map(DEFINITION_PLACEHOLDERS.map((name) => [name, undefined])));
}

/**
 * Each placeholder of a definition template with its value as YAML; `undefined` for an optional
 * key the definition leaves out (no identifiers, properties or extra trackers, a key the project's
 * rules do not require and nothing gave).
 */
export function definitionPlaceholders(fields: DefinitionFields): ReadonlyMap<string, YamlFragment | undefined> {
  const unlessEmpty = (list: readonly YamlValue[]): YamlFragment | undefined => (list.length === 0 ? undefined : yamlFragment(list));
  const given = <Value>(value: Value | undefined, fragment: (value: Value) => YamlFragment): YamlFragment | undefined =>
    value === undefined ? undefined : fragment(value);
  const values: Record<OptionalFieldName, YamlFragment | undefined> = {
    functionName: given(fields.functionName, (name) => yamlFragment(name)),
    description: given(fields.description, (description) => yamlFragment(description)),
    identifiers: unlessEmpty(fields.identifiers),
    properties: fields.properties.length === 0 ? undefined : propertiesFragment(fields.properties),
    productGroup: given(fields.productGroup, (group) => yamlFragment(group)),
    // Quoted so that YAML never reads a milestone such as 18.10 as the number 18.1.
    milestone: given(fields.milestone, (milestone) => yamlFragment(milestone, { quoted: true })),
    introducedByUrl: given(fields.introducedByUrl, (url) => yamlFragment(url)),
    tiers: given(fields.tiers, (tiers) => yamlFragment(tiers)),
    trackers: unlessEmpty(fields.trackers.map((className) => ({ tracking_class: className }))),
  };
  const placeholders = new Map<string, YamlFragment | undefined>([[ACTION_PLACEHOLDER, yamlFragment(fields.action)]]);
  for (const [field, placeholder] of Object.entries(FIELD_PLACEHOLDERS) as [OptionalFieldName, string][]) placeholders.set(placeholder, values[field]);
  return placeholders;
}

/**
 * Properties as the mapping a definition holds, each in the order of `VALUE_KEY_ORDER`; a list of
 * scalars (a union of types, an enum) on one line, in flow style, as people write them.
 */
function propertiesFragment(properties: readonly PropertyField[]): YamlFragment {
  return { lines: propertiesLines(properties), block: true };
}

function propertiesLines(properties: readonly PropertyField[]): string[] {
  return properties.flatMap(({ name, ...value }) => mappingLines(keyText(name), valueLines(value)));
}

/** `key:` with the mapping's lines below it, or `key: {}` for an empty one (nothing below would read as null). */
const mappingLines = (key: string, lines: readonly string[]): string[] => (lines.length === 0 ? [`${key}: {}`] : [`${key}:`, ...lines.map(indented)]);

/** The keys of a value in the order sit writes them: short facts first, nested declarations last. */
const VALUE_KEY_ORDER = ["description", "type", "required", "enum", "minimum", "maximum", "minLength", "maxLength", "pattern", "items", "properties"] as const;

function valueLines(value: ValueField & { readonly required?: boolean }): string[] {
  const lines: string[] = [];
  for (const key of VALUE_KEY_ORDER) {
    const field = value[key];
    if (field === undefined) continue;
    if (key === "items") lines.push(...mappingLines(key, valueLines(field as ValueField)));
    else if (key === "properties") lines.push(...mappingLines(key, propertiesLines(field as readonly PropertyField[])));
    else {
      const [first = "", ...rest] = yamlFragment(field as YamlValue, { flow: true }).lines;
      lines.push(`${key}: ${first}`, ...rest);
    }
  }
  return lines;
}

const indented = (line: string): string => `  ${line}`;

/** A name as a key: as YAML writes it as a value, or in double quotes where that would take more than a line. */
function keyText(name: string): string {
  const lines = yamlFragment(name).lines;
  return lines.length === 1 && !/^[|>]/.test(lines[0]!) ? lines[0]! : JSON.stringify(name);
}

export function renderDefinition(template: string, fields: DefinitionFields): RenderedTemplate {
  return renderTemplate(template, definitionPlaceholders(fields));
}
