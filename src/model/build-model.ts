import type { ResolvedConfig } from "../config/validate-config";
import { byCodeUnits, compareCodeUnits } from "../text/code-units";
import type { PropertyData } from "../validate/definition-schema";
import type { ValidDefinition } from "../validate/validate-definition";
import { BUILT_IN_PROPERTY_TYPES, type PropertyType } from "../validate/vocabulary";
import type { EventModel, IdentifierModel, PayloadModel, ProcessorCall, ProcessorModel, PropertyModel, SdkModel } from "./event-model";
import { classNameStem, classNameWord, identifierTypeNameOf } from "../naming/names";
import { generatedNamesOf } from "../naming/generated-names";
import { DEFAULT_PROCESSORS_STEM } from "../naming/sdk-api";
import { isStructured, valueSpecOf } from "./value-spec";

/** Validated definitions and config → the SDK model. Expects input free of errors. */
export function buildModel(definitions: readonly ValidDefinition[], config: ResolvedConfig): SdkModel {
  const internal = definitions.filter((definition) => definition.internal);
  const used = new Set(internal.flatMap((definition) => [...config.defaultProcessors, ...trackersOf(definition).map((tracker) => tracker.className)]));
  // Reserved for the function that calls every default processor.
  const stems = new Set<string>([DEFAULT_PROCESSORS_STEM]);
  const processors: ProcessorModel[] = [...used].sort(compareCodeUnits).map((className) => {
    const resolved = config.processors.get(className)!;
    const stem = classNameStem(className);
    let unique = stem;
    for (let suffix = 2; stems.has(unique); suffix++) unique = `${stem}${suffix}`;
    stems.add(unique);
    return {
      className,
      localName: `${unique}Processor`,
      senderName: `sendTo${unique}`,
      slotName: `${unique.charAt(0).toLowerCase()}${unique.slice(1)}Slot`,
      importSpecifier: resolved.importSpecifier,
      exportName: resolved.exportName,
    };
  });
  // Worked out once per tracking class, not once per event that calls it.
  const senders = new Map(processors.map((processor) => [processor.className, { senderName: processor.senderName, word: classNameWord(processor.className) }]));
  const byClass = new Map(processors.map((processor) => [processor.className, processor]));
  const defaultProcessors = internal.length === 0 ? [] : config.defaultProcessors.map((className) => byClass.get(className)!);
  const identifiers: IdentifierModel[] = config.identifiers.map((identifier) => ({
    name: identifier.name,
    field: identifier.field,
    typeName: identifierTypeNameOf(identifier.name),
    type: identifier.type,
    importSpecifier: identifier.importSpecifier,
    fromContext: identifier.fromContext,
  }));
  const byName = new Map(identifiers.map((identifier) => [identifier.name, identifier]));
  const events = internal.map((definition) => buildEvent(definition, config, senders, byName)).sort(byCodeUnits((event) => event.action));
  const { vocabulary } = config;
  return { events, processors, defaultProcessors, identifiers, tiers: vocabulary.tiers, requiredKeys: vocabulary.required, propertyValue: propertyValueOf(events) };
}

/** What the payload's properties hold across the SDK: GitLab's scalars, also null, any JSON value, or anything. */
function propertyValueOf(events: readonly EventModel[]): SdkModel["propertyValue"] {
  let widest: SdkModel["propertyValue"] = "scalar";
  for (const event of events) {
    for (const { value } of event.properties) {
      if (value.types === undefined) return "unknown";
      if (value.types.includes("array") || value.types.includes("object")) widest = "json";
      else if (value.types.includes("null") && widest === "scalar") widest = "nullable";
    }
  }
  return widest;
}

interface Tracker {
  readonly className: string;
  readonly protectedProperties: Readonly<Record<string, PropertyData>>;
}

/** The extra trackers, in either of the two forms a definition may list them. */
const trackersOf = ({ data }: ValidDefinition): readonly Tracker[] =>
  data.extra_trackers?.map((tracker) => ({ className: tracker.tracking_class, protectedProperties: tracker.protected_properties ?? {} })) ??
  data.extra_tracking_classes?.map((className) => ({ className, protectedProperties: {} })) ??
  [];

/** A tracking class as events call it: its sender, and the word that names the payload it receives. */
interface Sender {
  readonly senderName: string;
  readonly word: string;
}

function buildEvent(
  definition: ValidDefinition,
  config: ResolvedConfig,
  senders: ReadonlyMap<string, Sender>,
  identifierModels: ReadonlyMap<string, IdentifierModel>,
): EventModel {
  const { data } = definition;
  const trackers = trackersOf(definition);

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

  const calls = processorCalls(Object.keys(data.additional_properties ?? {}), config.defaultProcessors, trackers, senders);

  const identifiers = [...new Set(data.identifiers ?? [])].map((name) => identifierModels.get(name)!);
  const argument =
    identifiers.some((identifier) => !identifier.fromContext) || properties.some((property) => property.required)
      ? "required"
      : properties.length > 0
        ? "optional"
        : "none";
  const names = generatedNamesOf(data);

  return {
    action: data.action,
    functionName: names.functionName,
    argsTypeName: names.argsTypeName,
    description: data.description ?? "",
    identifiers,
    properties,
    payloads: [...new Set(calls.map((call) => call.payload))],
    calls,
    argument,
    // Only payloads read the shapes: an event with no processor to call has none to copy.
    shapesName: calls.length > 0 && properties.some((property) => isStructured(property.value)) ? names.shapesName : undefined,
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

/**
 * Each processor in call order with the payload it receives: every processor gets the event's own
 * properties, and a tracker also its protected ones. Processors that receive the same properties
 * share one payload; the one without protected properties is `defaultPayload`.
 */
function processorCalls(
  ownProperties: readonly string[],
  defaultProcessors: readonly string[],
  trackers: readonly Tracker[],
  senders: ReadonlyMap<string, Sender>,
): ProcessorCall[] {
  const payloads = new Map<string, PayloadModel>();
  const variables = new Set<string>();
  const payloadFor = (word: string, protectedNames: readonly string[]): PayloadModel => {
    const propertyNames = [...ownProperties, ...protectedNames.filter((name) => !ownProperties.includes(name))];
    const key = propertyNames.join("\n");
    const existing = payloads.get(key);
    if (existing !== undefined) return existing;
    let unique = protectedNames.length === 0 ? "default" : word;
    for (let suffix = 2; variables.has(unique); suffix++) unique = `${word}${suffix}`;
    variables.add(unique);
    const payload = { variable: `${unique}Payload`, propertiesVariable: `${unique}Properties`, propertyNames };
    payloads.set(key, payload);
    return payload;
  };
  const call = (className: string, byDefault: boolean, protectedNames: readonly string[]): ProcessorCall => ({
    className,
    byDefault,
    senderName: senders.get(className)!.senderName,
    payload: payloadFor(senders.get(className)!.word, protectedNames),
  });
  return [
    ...defaultProcessors.map((className) => call(className, true, [])),
    ...trackers.map((tracker) => call(tracker.className, false, Object.keys(tracker.protectedProperties))),
  ];
}

function buildProperty(name: string, property: PropertyData, builtIn: PropertyType | undefined, protectedFor: string | undefined): PropertyModel {
  return {
    name,
    description: property?.description,
    value: valueSpecOf(property, builtIn),
    required: property?.required === true,
    protectedFor,
  };
}
