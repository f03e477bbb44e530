import type { DefinitionData, PropertyData } from "../validate/definition-schema";
import type { ValidDefinition } from "../validate/validate-definition";
import { stableJson } from "../text/stable-json";
import { BUILT_IN_PROPERTY_TYPES, type PropertyType } from "../validate/vocabulary";
import { generatedNamesOf } from "../naming/generated-names";
import { valueSpecOf, type ValueSpec } from "../model/value-spec";

/** A property as call sites and processors see it, whoever declares it. */
export interface PropertyShape {
  readonly name: string;
  readonly value: ValueSpec;
  readonly required: boolean;
  readonly description: string | undefined;
  /** The trackers it is protected for (delivered to them alone); `undefined`: every processor receives it. */
  readonly protectedFor: readonly string[] | undefined;
}

/** What a definition promises, in the terms a comparison needs. */
export interface EventShape {
  readonly action: string;
  /** The function the SDK tracks it with (its `function_name`, or derived from the action). */
  readonly functionName: string;
  /** Relative to the project root. */
  readonly projectPath: string;
  readonly status: "active" | "removed";
  /** Sorted: their order does not change the arguments. */
  readonly identifiers: readonly string[];
  /** By name. */
  readonly properties: ReadonlyMap<string, PropertyShape>;
  /** Extra trackers in call order. */
  readonly trackers: readonly string[];
  /** Every other top-level key (description, product_group, tiers, …) with its value. */
  readonly metadata: ReadonlyMap<string, unknown>;
  /** The whole definition but its action, as stable JSON: equal for a definition that only changed its action. */
  readonly contentKey: string;
}

/** Keys whose meaning the comparison looks at one by one; the others are metadata. */
const STRUCTURAL_KEYS: ReadonlySet<string> = new Set([
  "action",
  "function_name",
  "internal_events",
  "identifiers",
  "additional_properties",
  "status",
  "extra_trackers",
  "extra_tracking_classes",
]);

export function eventShapeOf(definition: ValidDefinition): EventShape {
  const { data } = definition;
  const properties = new Map<string, PropertyShape>();
  for (const [name, property] of Object.entries(data.additional_properties ?? {})) {
    properties.set(name, propertyShape(name, property, BUILT_IN_PROPERTY_TYPES.get(name), undefined));
  }
  for (const tracker of data.extra_trackers ?? []) {
    for (const [name, property] of Object.entries(tracker.protected_properties ?? {})) {
      const known = properties.get(name);
      // Two trackers may protect the same property (validation holds their types equal): both receive it.
      if (known?.protectedFor !== undefined) properties.set(name, { ...known, protectedFor: [...known.protectedFor, tracker.tracking_class] });
      else if (known === undefined) properties.set(name, propertyShape(name, property, undefined, [tracker.tracking_class]));
    }
  }
  const metadata = new Map<string, unknown>();
  for (const key of Object.keys(data).sort()) {
    const value = data[key as keyof DefinitionData];
    if (!STRUCTURAL_KEYS.has(key) && value !== undefined) metadata.set(key, value);
  }
  return {
    action: data.action,
    functionName: generatedNamesOf(data).functionName,
    projectPath: definition.projectPath,
    status: data.status ?? "active",
    identifiers: [...new Set(data.identifiers ?? [])].sort(),
    properties,
    trackers: definition.trackerClasses.map((tracker) => tracker.className),
    metadata,
    contentKey: stableJson({ ...data, action: undefined }),
  };
}

function propertyShape(name: string, property: PropertyData, builtIn: PropertyType | undefined, protectedFor: readonly string[] | undefined): PropertyShape {
  return {
    name,
    value: valueSpecOf(property, builtIn),
    required: property?.required === true,
    description: property?.description,
    protectedFor,
  };
}
