import type { DefinitionFields, OptionalFieldName } from "./definition-fields";
import { renderTemplate, type RenderedTemplate } from "./render-template";
import { yamlFragment, type YamlFragment, type YamlValue } from "./yaml-fragment";

/** The placeholder of the action, which every definition template needs. */
export const ACTION_PLACEHOLDER = "action";

/** The placeholder that writes each field a user gives, named after the definition key it fills. */
export const FIELD_PLACEHOLDERS: Readonly<Record<OptionalFieldName, string>> = {
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
 * key the definition leaves out (no identifiers, properties or extra trackers).
 */
export function definitionPlaceholders(fields: DefinitionFields): ReadonlyMap<string, YamlFragment | undefined> {
  const unlessEmpty = (list: readonly YamlValue[]): YamlFragment | undefined => (list.length === 0 ? undefined : yamlFragment(list));
  const properties = Object.fromEntries(
    fields.properties.map(({ name, description, type }) => [name, type === undefined ? { description } : { description, type }]),
  );
  const values: Record<OptionalFieldName, YamlFragment | undefined> = {
    description: yamlFragment(fields.description),
    identifiers: unlessEmpty(fields.identifiers),
    properties: fields.properties.length === 0 ? undefined : yamlFragment(properties),
    productGroup: yamlFragment(fields.productGroup),
    // Quoted so that YAML never reads a milestone such as 18.10 as the number 18.1.
    milestone: yamlFragment(fields.milestone, { quoted: true }),
    introducedByUrl: yamlFragment(fields.introducedByUrl),
    tiers: yamlFragment(fields.tiers),
    trackers: unlessEmpty(fields.trackers.map((className) => ({ tracking_class: className }))),
  };
  const placeholders = new Map<string, YamlFragment | undefined>([[ACTION_PLACEHOLDER, yamlFragment(fields.action)]]);
  for (const [field, placeholder] of Object.entries(FIELD_PLACEHOLDERS) as [OptionalFieldName, string][]) placeholders.set(placeholder, values[field]);
  return placeholders;
}

export function renderDefinition(template: string, fields: DefinitionFields): RenderedTemplate {
  return renderTemplate(template, definitionPlaceholders(fields));
}
