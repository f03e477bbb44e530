import type { EventModel, PropertyModel, SdkModel } from "../model/event-model";
import { camelCase, propertyKey } from "../model/names";
import { identifierTypeName } from "./emit-runtime";
import { ByteWriter, stringLiteral } from "./typescript-writer";

/** Each processor's class name and the runtime function that sends events to it. */
export const sendersOf = (model: SdkModel): ReadonlyMap<string, string> =>
  new Map(model.processors.map((processor) => [processor.className, processor.senderName]));

/**
 * The arguments interface and tracking function of each event, in order. Events are independent,
 * so the text for a list is the concatenation of the texts for its parts.
 */
export function emitEventFunctions(events: readonly EventModel[], senders: ReadonlyMap<string, string>): Buffer[] {
  const writer = new ByteWriter();
  for (const event of events) {
    if (event.argument !== "none") emitArgsInterface(writer, event);
    emitTrackFunction(writer, event, senders);
  }
  return writer.toChunks();
}

/** EventArgs, EventName, trackEvent and its dispatch table: aggregates over all events. */
export function emitEventMaps(model: SdkModel): Buffer[] {
  const writer = new ByteWriter();
  writer.jsDoc(["The arguments of every internal event, by action; `void` when it takes none."]);
  writer.block("export interface EventArgs {", () => {
    for (const event of model.events) {
      const type = event.argument === "none" ? ["void"] : event.argument === "optional" ? [event.argsTypeName, "undefined"] : [event.argsTypeName];
      writer.union(`${propertyKey(event.action)}:`, type, ";");
    }
  });
  writer.blankLine();
  writer.line(EVENT_NAME_AND_ARGUMENTS);
  writer.blankLine();
  writer.block("const TRACK_FUNCTIONS: {", () => writer.line("readonly [E in EventName]: (args: EventArgs[E]) => void;"), "} = {");
  writer.indented(() => {
    for (const event of model.events) writer.property(propertyKey(event.action), event.functionName);
  });
  writer.line("};");
  writer.blankLine();
  writer.line(TRACK_EVENT);
  return writer.toChunks();
}

/** What the event functions use from runtime.ts. */
export function runtimeImports(model: SdkModel): string[] {
  const names = new Set(["reportError"]);
  const identifiers = new Set<string>();
  const senders = sendersOf(model);
  for (const event of model.events) {
    for (const call of event.calls) names.add(senders.get(call.className)!);
    if (event.calls.length > 0 && !propertiesRequired(event)) {
      names.add("EMPTY_PROPERTIES");
    }
    if (event.calls.some((call) => call.withheld.length > 0)) names.add("omitKeys");
    for (const identifier of event.identifiers) identifiers.add(identifier);
  }
  const types = model.identifierTypes.filter((entry) => identifiers.has(entry.identifier)).map((entry) => identifierTypeName(entry.identifier));
  return [...[...names].sort(), ...types.sort().map((type) => `type ${type}`)];
}

function emitArgsInterface(writer: ByteWriter, event: EventModel): void {
  writer.line(`/** The arguments of \`${event.functionName}\`. */`);
  writer.block(`export interface ${event.argsTypeName} {`, () => {
    for (const identifier of event.identifiers) {
      writer.line(`readonly ${camelCase(identifier)}: ${identifierTypeName(identifier)};`);
    }
    if (event.properties.length === 0) return;
    const optional = propertiesRequired(event) ? "" : "?";
    writer.block(`readonly additionalProperties${optional}: {`, () => {
      for (const property of event.properties) emitProperty(writer, property);
    }, "};");
  });
  writer.blankLine();
}

function emitProperty(writer: ByteWriter, property: PropertyModel): void {
  const notes = [
    ...(property.description === undefined || property.description.trim() === "" ? [] : [property.description.trim()]),
    ...(property.protectedFor === undefined ? [] : [`Delivered only to ${property.protectedFor}.`]),
  ];
  writer.jsDoc(notes);
  const members =
    property.enumValues?.map((value) => (typeof value === "string" ? stringLiteral(value) : String(value))) ?? property.valueTypes;
  writer.union(`readonly ${propertyKey(property.name)}${property.required ? "" : "?"}:`, members, ";");
}

function emitTrackFunction(writer: ByteWriter, event: EventModel, senders: ReadonlyMap<string, string>): void {
  writer.jsDoc(functionDoc(event));
  const parameter = event.calls.length === 0 ? "_args" : "args";
  const parameters = event.argument === "none" ? [] : [`${parameter}${event.argument === "optional" ? "?" : ""}: ${event.argsTypeName}`];
  writer.list(`export function ${event.functionName}(`, parameters, "): void {");
  if (event.calls.length > 0) writer.indented(() => emitTrackBody(writer, event, senders));
  writer.line("}");
  writer.blankLine();
}

function functionDoc(event: EventModel): string[] {
  const { metadata } = event;
  const since = metadata.milestone === null ? [] : [`since ${metadata.milestone}`];
  const paragraphs = [sentence(event.description), `@event ${[event.action, metadata.productGroup, ...since, metadata.file].join(" · ")}`];
  if (metadata.status === "removed") {
    const milestone = metadata.milestoneRemoved === undefined ? "" : ` in ${metadata.milestoneRemoved}`;
    const url = metadata.removedByUrl === undefined ? "" : ` (${metadata.removedByUrl})`;
    paragraphs.push(`@deprecated Removed${milestone}${url}: delete the calls.`);
  }
  return paragraphs;
}

/**
 * Builds one payload per distinct set of withheld protected properties (usually just one) and
 * calls the processors in order.
 */
function emitTrackBody(writer: ByteWriter, event: EventModel, senders: ReadonlyMap<string, string>): void {
  const args = event.argument === "optional" ? "args?." : "args.";
  const passed =
    event.properties.length === 0
      ? "EMPTY_PROPERTIES"
      : propertiesRequired(event)
        ? `${args}additionalProperties`
        : `${args}additionalProperties ?? EMPTY_PROPERTIES`;
  const withholds = event.calls.some((call) => call.withheld.length > 0);
  const payloads = new Map<string, { payloadName: string; properties: string }>();
  for (const call of event.calls) {
    const key = call.withheld.join("\n");
    if (payloads.has(key)) continue;
    const index = payloads.size + 1;
    const payloadName = index === 1 ? "payload" : `payload${index}`;
    if (!withholds) {
      payloads.set(key, { payloadName, properties: passed });
    } else if (call.withheld.length === 0) {
      payloads.set(key, { payloadName, properties: "properties" });
    } else {
      payloads.set(key, { payloadName, properties: `properties${index}` });
    }
  }

  if (withholds) writer.line(`const properties = ${passed};`);
  for (const [key, { properties }] of payloads) {
    if (!withholds || properties === "properties") continue;
    writer.list(`const ${properties} = omitKeys(properties, [`, key.split("\n").map(stringLiteral), "]);");
  }
  for (const { payloadName, properties } of payloads.values()) {
    writer.block(`const ${payloadName} = {`, () => {
      if (payloadName === "payload") {
        for (const identifier of event.identifiers) writer.line(`${camelCase(identifier)}: args.${camelCase(identifier)},`);
      } else {
        writer.line("...payload,");
      }
      writer.line(`additionalProperties: ${properties},`);
    }, "};");
  }
  for (const call of event.calls) {
    const { payloadName } = payloads.get(call.withheld.join("\n"))!;
    writer.list(`${senders.get(call.className)!}(`, [stringLiteral(event.action), payloadName], ");");
  }
}

/** Callers must pass `additionalProperties` (a property is `required: true`), so it needs no fallback. */
const propertiesRequired = (event: EventModel): boolean => event.properties.some((property) => property.required);

/** A description as the first sentence of a doc comment. */
function sentence(description: string): string {
  const trimmed = description.trim();
  if (trimmed === "") return "(no description)";
  return /[.!?:)`"']$/.test(trimmed) ? trimmed : `${trimmed}.`;
}


const EVENT_NAME_AND_ARGUMENTS = `/** The action of every internal event. */
export type EventName = keyof EventArgs;

/** What \`trackEvent(name, ...)\` takes after the name. */
export type TrackEventArguments<E extends EventName> = EventArgs[E] extends void
  ? []
  : undefined extends EventArgs[E]
    ? [args?: EventArgs[E]]
    : [args: EventArgs[E]];`;

const TRACK_EVENT = `/**
 * Tracks an event chosen at run time. Where the event is known as the code is
 * written, call its own \`track...\` function instead.
 */
export function trackEvent<E extends EventName>(
  name: E,
  ...args: TrackEventArguments<E>
): void {
  if (!Object.prototype.hasOwnProperty.call(TRACK_FUNCTIONS, name)) {
    reportError(new TypeError(\`unknown event "\${name}"\`), name, "trackEvent");
    return;
  }
  (TRACK_FUNCTIONS[name] as (args?: unknown) => void)(args[0]);
}`;
