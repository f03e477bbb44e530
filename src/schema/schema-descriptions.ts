import type { Vocabulary } from "../validate/vocabulary";
import type { DefinitionKey, PropertyKey, TrackerKey, ValueKey } from "./definition-keys";

/**
 * What editors show when hovering a key of a definition. Typed by the zod schemas' keys, so a key
 * added to a schema does not compile until it is described here.
 */
export function definitionDescriptions(vocabulary: Vocabulary, extensions: boolean): Readonly<Record<DefinitionKey, string>> {
  const functionName = extensions ? " unless function_name names it" : "";
  const action =
    vocabulary.eventNames === "snake_case"
      ? `The event name: lowercase letters, digits and underscores, unique among internal events. The file should be named <action>.yml; the function is track<PascalCaseAction>${functionName}.`
      : `The event name, as your data names it: any text on one line, unique among internal events. The function is track followed by its words, each capitalised (Order Completed: trackOrderCompleted)${functionName}; the file should be named <action>.yml, or after its words in lowercase joined by underscores (order_completed.yml).`;
  const customNames = vocabulary.propertyNames === "snake_case" ? "lowercase snake_case" : "named as your data names them, on one line";
  return {
    description: "What happened, in one sentence: shown in the generated function's documentation and the events dictionary.",
    internal_events: "true for an Internal Events definition, which gets a tracking function. Without it the file is a legacy (Snowplow-only) definition: validated and documented, not generated.",
    action,
    function_name: "sit's extension: the name of the event's tracking function, camelCase, when the one made from the action is not wanted (two actions that give one name, say).",
    identifiers: `The identifiers the event is tracked with: any of ${vocabulary.identifiers.join(", ")}, each at most once; null or absent for none.`,
    additional_properties: `Properties callers may pass. label and property are strings and value is a number (GitLab's rule); other names are custom properties, ${customNames}, string | number${extensions ? " unless typed" : ""}.`,
    product_group: "The product group that owns the event.",
    product_categories: "The product categories the event belongs to (documented, not typed).",
    milestone: "The milestone that introduced the event, quoted, e.g. '18.0'; null when unknown.",
    introduced_by_url: "The merge request that introduced the event; null when unknown.",
    tiers: `The tiers the event is tracked on: one or more of ${vocabulary.tiers.join(", ")}, each at most once.`,
    status: "active (the default) or removed. A removed event needs milestone_removed and removed_by_url; its function stays, marked @deprecated.",
    milestone_removed: "The milestone that removed the event, quoted, e.g. '18.3'. Required when status is removed.",
    removed_by_url: "The merge request that removed the event. Required when status is removed.",
    classification: "GitLab's classification of the event (documented, not typed).",
    extra_trackers:
      "Tracking classes called after the default processors, in this order, each with optional protected properties that only it receives. Not together with extra_tracking_classes.",
    extra_tracking_classes: "The older form of extra_trackers: tracking class names, called after the default processors, in this order. Not together with extra_trackers.",
    category: "Legacy definitions: the Snowplow category.",
    label_description: "Legacy definitions: what the Snowplow label holds.",
    property_description: "Legacy definitions: what the Snowplow property holds.",
    value_description: "Legacy definitions: what the Snowplow value holds.",
    extra_properties: "GitLab's extra properties (documented, not typed).",
    iglu_schema_url: "Legacy definitions: the Iglu schema of the Snowplow event.",
  };
}

const CHECKED = "checked by checkEvents in development";

export const VALUE_DESCRIPTIONS: Readonly<Record<ValueKey, string>> = {
  description: "What the value holds.",
  type: 'sit extension: the value type (string, integer, number, boolean, array, object or any), or a list of them for a union, "null" allowed in it, any alone. Without it, string | number.',
  enum: "sit extension: the only values allowed, each of a declared type and listed once.",
  items: "sit extension: for an array, what each item is (a type, an enum, constraints, nested items or properties).",
  properties: "sit extension: for an object, the keys it may have, each described like a property; no other key is sent.",
  minimum: `sit extension: the smallest number allowed (${CHECKED}).`,
  maximum: `sit extension: the largest number allowed (${CHECKED}).`,
  minLength: `sit extension: the fewest characters a string may have (${CHECKED}).`,
  maxLength: `sit extension: the most characters a string may have (${CHECKED}).`,
  pattern: `sit extension: a regular expression a string must match, compiled as JavaScript does with the u flag (${CHECKED}).`,
};

export const PROPERTY_DESCRIPTIONS: Readonly<Record<PropertyKey, string>> = {
  ...VALUE_DESCRIPTIONS,
  description: "What the property holds.",
  type: 'sit extension: the value type (string, integer, number, boolean, array, object or any), or a list of them for a union, "null" allowed in it, any alone. label and property are always strings, value is a number or an integer; other properties without a type are string | number.',
  enum: "sit extension: the only values allowed, each of the property's type and listed once.",
  required: "sit extension: true when callers must pass the property.",
};

export const TRACKER_DESCRIPTIONS: Readonly<Record<TrackerKey, string>> = {
  tracking_class: "The tracking class, as configured under processors in sit.config.yaml.",
  protected_properties: "Properties passed to this tracker only, never to the default processors or other trackers.",
};

/** What the shared parts of the schema are, for editors hovering a property's name or an item. */
export const PROPERTIES_DESCRIPTION = "Property names, each with what it holds: null, or a mapping describing it.";
export const PROPERTY_DESCRIPTION = "A property: null, or a mapping with its description (and, as sit extensions, its type, enum, constraints, items or properties, and whether it is required).";
export const GITLAB_PROPERTY_DESCRIPTION = "A property: null, or a mapping with its description.";
export const VALUE_DESCRIPTION = "What each item of an array is: a type, an enum, constraints, nested items or properties.";
