import type { ResolvedConfig } from "../config/load-config";
import type { PropertyData } from "../validate/definition-schema";
import type { ValidDefinition } from "../validate/validate-definition";
import { BUILT_IN_PROPERTY_TYPES, IDENTIFIERS, type PropertyType } from "../validate/vocabulary";
import type { EventModel, ProcessorCall, ProcessorModel, PropertyModel, SdkModel, ValueType } from "./event-model";
import { argsTypeNameOf, camelCase, functionNameOf, pascalCase } from "./names";

const VALUE_TYPES: Readonly<Record<PropertyType, ValueType>> = {
  string: "string",
  integer: "number",
  number: "number",
  boolean: "boolean",
};

/** What GitLab accepts for a custom property without a declared type. */
const UNTYPED: readonly ValueType[] = ["string", "number"];

/** Validated definitions and config → the SDK model. Expects input free of errors. */
export function buildModel(definitions: readonly ValidDefinition[], config: ResolvedConfig): SdkModel {
  const events = definitions
    .filter((definition) => definition.internal)
    .map((definition) => buildEvent(definition, config))
    .sort((a, b) => (a.action < b.action ? -1 : a.action > b.action ? 1 : 0));

  const used = new Set(events.flatMap((event) => event.calls.map((call) => call.className)));
  const bases = new Set<string>();
  const processors: ProcessorModel[] = [...used].sort().map((className) => {
    const resolved = config.processors.get(className)!;
    const sanitized = pascalCase(className.replace(/[^A-Za-z0-9_$]+/g, "_")) || "Tracker";
    let base = sanitized;
    for (let suffix = 2; bases.has(base); suffix++) base = `${sanitized}${suffix}`;
    bases.add(base);
    return {
      className,
      localName: `${base}Processor`,
      senderName: `sendTo${base}`,
      importSpecifier: resolved.importSpecifier,
      exportName: resolved.exportName,
    };
  });

  const identifierTypes = IDENTIFIERS.map((identifier) => {
    const declared = config.identifierTypes[identifier];
    return { identifier, field: camelCase(identifier), type: declared.type, importSpecifier: declared.importSpecifier };
  });
  return { events, processors, identifierTypes };
}

function buildEvent(definition: ValidDefinition, config: ResolvedConfig): EventModel {
  const { data } = definition;
  const trackers: { className: string; protectedProperties: Record<string, PropertyData> }[] =
    data.extra_trackers?.map((tracker) => ({ className: tracker.tracking_class, protectedProperties: tracker.protected_properties ?? {} })) ??
    data.extra_tracking_classes?.map((className) => ({ className, protectedProperties: {} })) ??
    [];

  const properties: PropertyModel[] = [];
  for (const [name, property] of Object.entries(data.additional_properties ?? {})) {
    properties.push(buildProperty(name, property, BUILT_IN_PROPERTY_TYPES.get(name), undefined));
  }
  const byName = new Set(properties.map((property) => property.name));
  for (const tracker of trackers) {
    for (const [name, property] of Object.entries(tracker.protectedProperties)) {
      if (byName.has(name)) continue;
      byName.add(name);
      properties.push(buildProperty(name, property, undefined, tracker.className));
    }
  }

  const protectedBy = (className: string): readonly string[] =>
    Object.keys(trackers.find((tracker) => tracker.className === className)?.protectedProperties ?? {});
  const allProtected = [...new Set(trackers.flatMap((tracker) => Object.keys(tracker.protectedProperties)))];
  const calls: ProcessorCall[] = [
    ...config.defaultProcessors.map((className) => ({ className, withheld: allProtected })),
    ...trackers.map(({ className }) => {
      const own = protectedBy(className);
      return { className, withheld: allProtected.filter((name) => !own.includes(name)) };
    }),
  ];

  const identifiers = [...new Set(data.identifiers ?? [])];
  const argument =
    identifiers.length > 0 || properties.some((property) => property.required) ? "required" : properties.length > 0 ? "optional" : "none";

  return {
    action: data.action,
    functionName: functionNameOf(data.action),
    argsTypeName: argsTypeNameOf(data.action),
    description: data.description,
    identifiers,
    properties,
    calls,
    argument,
    metadata: {
      status: data.status ?? "active",
      productGroup: data.product_group,
      productCategories: data.product_categories ?? [],
      milestone: data.milestone,
      milestoneRemoved: data.milestone_removed,
      removedByUrl: data.removed_by_url,
      introducedByUrl: data.introduced_by_url,
      tiers: data.tiers,
      classification: data.classification ?? undefined,
      file: definition.projectPath,
    },
  };
}

function buildProperty(name: string, property: PropertyData, builtIn: PropertyType | undefined, protectedFor: string | undefined): PropertyModel {
  const declaredType = property?.type ?? builtIn;
  return {
    name,
    description: property?.description,
    valueTypes: declaredType === undefined ? UNTYPED : [VALUE_TYPES[declaredType]],
    enumValues: property?.enum,
    required: property?.required === true,
    protectedFor,
  };
}
