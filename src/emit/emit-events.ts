import type { EventModel, PayloadModel, PropertyModel, SdkModel } from "../model/event-model";
import { identifierField } from "../model/names";
import type { IdentifierName } from "../validate/vocabulary";
import { compareCodeUnits } from "../text/code-units";
import { propertyKey } from "../text/javascript-names";
import { CodeWriter, stringLiteral } from "./code-writer";
import { emitEventPart, joined, type EventTextMemo } from "./event-text-memo";
import { DEFAULT_SENDER, identifierTypeName, SDK_API as API } from "./sdk-api";

/**
 * The arguments interface and tracking function of each event, in order. Events are independent,
 * so the text for a list is the concatenation of the texts for its parts, and two branches that
 * change different events change different lines. With a memo, each event's text is its own piece,
 * emitted once per model object.
 */
export function emitEventFunctions(events: readonly EventModel[], memo?: EventTextMemo): Buffer[] {
  if (memo !== undefined) return events.map((event) => memo.remember(event, "functions", () => joined(emitEventFunctions([event]))));
  const writer = new CodeWriter();
  for (const event of events) {
    if (event.argument !== "none") emitArgsInterface(writer, event);
    emitTrackFunction(writer, event);
  }
  return writer.toChunks();
}

/** EventArgs, EventName, trackEvent and its dispatch table: aggregates over all events, a line each. */
export function emitEventMaps(model: SdkModel, memo?: EventTextMemo): Buffer[] {
  const writer = new CodeWriter();
  writer.jsDoc(["The arguments of every internal event, by action; `void` when it takes none."]);
  writer.block(`export interface ${API.EventArgs} {`, () => {
    for (const event of model.events) emitEventPart(writer, memo, event, "argsEntry", (target) => emitArgsEntry(target, event));
  });
  writer.blankLine();
  writer.lines(EVENT_NAME);
  writer.blankLine();
  writer.block("const TRACK_FUNCTIONS: {", () => writer.line(`readonly [E in ${API.EventName}]: (args: ${API.EventArgs}[E]) => void;`), "} = {");
  writer.indented(() => {
    for (const event of model.events) emitEventPart(writer, memo, event, "dispatchEntry", (target) => target.property(propertyKey(event.action), event.functionName));
  });
  writer.line("};");
  writer.blankLine();
  writer.lines(TRACK_EVENT);
  return writer.toChunks();
}

function emitArgsEntry(writer: CodeWriter, event: EventModel): void {
  const type = event.argument === "none" ? ["void"] : event.argument === "optional" ? [event.argsTypeName, "undefined"] : [event.argsTypeName];
  writer.union(`${propertyKey(event.action)}:`, type, ";");
}

/** What the event functions use from core.ts and from runtime.ts: values first, then types, each sorted. */
export function sdkImports(model: SdkModel): { core: string[]; runtime: string[] } {
  const core = new Set(["dispatchEvent"]);
  const senders = new Set<string>();
  const types = new Set<string>();
  // The type names once per identifier, not once per event: the loop runs for every event at each watch run.
  const identifiers = new Set<IdentifierName>();
  for (const event of model.events) {
    core.add("checkArgs");
    for (const identifier of event.identifiers) identifiers.add(identifier);
    if (event.calls.length === 0) continue;
    if (readsArguments(event)) core.add("reportError");
    for (const call of event.calls) senders.add(call.byDefault ? DEFAULT_SENDER : call.senderName);
    if (event.properties.length === 0 || !propertiesRequired(event)) core.add("EMPTY_PROPERTIES");
    if (event.properties.length > 0) types.add(API.PropertyValue);
  }
  for (const identifier of identifiers) types.add(identifierTypeName(identifier));
  return {
    core: [...core].sort(compareCodeUnits),
    runtime: [...[...senders].sort(compareCodeUnits), ...[...types].sort(compareCodeUnits).map((type) => `type ${type}`)],
  };
}

/** An event function that reads its arguments, which may fail (a getter, `null` from JavaScript), before it calls processors. */
const readsArguments = (event: EventModel): boolean => event.argument !== "none" && event.calls.length > 0;

function emitArgsInterface(writer: CodeWriter, event: EventModel): void {
  writer.line(`/** The arguments of \`${event.functionName}\`. */`);
  writer.block(`export interface ${event.argsTypeName} {`, () => {
    for (const identifier of event.identifiers) {
      writer.line(`readonly ${identifierField(identifier)}: ${identifierTypeName(identifier)};`);
    }
    if (event.properties.length === 0) return;
    const optional = propertiesRequired(event) ? "" : "?";
    writer.block(`readonly additionalProperties${optional}: {`, () => {
      for (const property of event.properties) emitProperty(writer, property);
    }, "};");
  });
  writer.blankLine();
}

function emitProperty(writer: CodeWriter, property: PropertyModel): void {
  const notes = [
    ...(property.description === undefined || property.description.trim() === "" ? [] : [property.description.trim()]),
    ...(property.protectedFor === undefined ? [] : [`Delivered only to ${property.protectedFor}.`]),
  ];
  writer.jsDoc(notes);
  const members =
    property.enumValues?.map((value) => (typeof value === "string" ? stringLiteral(value) : String(value))) ?? property.valueTypes;
  writer.union(`readonly ${propertyKey(property.name)}${property.required ? "" : "?"}:`, members, ";");
}

function emitTrackFunction(writer: CodeWriter, event: EventModel): void {
  writer.jsDoc(functionDoc(event));
  const parameters = event.argument === "none" ? [] : [`args${event.argument === "optional" ? "?" : ""}: ${event.argsTypeName}`];
  writer.list(`export function ${event.functionName}(`, parameters, "): void {");
  writer.indented(() => {
    writer.list("checkArgs(", [stringLiteral(event.action), event.argument === "none" ? "undefined" : "args"], ");");
    if (!readsArguments(event)) {
      if (event.calls.length > 0) emitTrackBody(writer, event);
      return;
    }
    // Whatever reading the arguments throws goes to onError, and the event is not sent.
    writer.block("try {", () => emitTrackBody(writer, event), "} catch (error) {");
    writer.indented(() => writer.list("reportError(", ["error", stringLiteral(event.action), "undefined"], ");"));
    writer.line("}");
  });
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
 * Builds each payload from the declared names only, so a key the caller slipped in through a
 * variable (TypeScript allows extra keys there) never reaches a processor, then calls the
 * processors in order.
 */
function emitTrackBody(writer: CodeWriter, event: EventModel): void {
  if (event.properties.length > 0) {
    const args = event.argument === "optional" ? "args?." : "args.";
    writer.line(propertiesRequired(event) ? `const given = ${args}additionalProperties;` : `const given = ${args}additionalProperties ?? EMPTY_PROPERTIES;`);
    for (const payload of event.payloads) emitProperties(writer, payload);
  }
  for (const payload of event.payloads) {
    writer.objectDeclaration(`const ${payload.variable}`, () => {
      for (const identifier of event.identifiers) writer.property(identifierField(identifier), `args.${identifierField(identifier)}`);
      writer.property("additionalProperties", event.properties.length === 0 ? "EMPTY_PROPERTIES" : payload.propertiesVariable);
    });
  }
  const byDefault = event.calls.find((call) => call.byDefault);
  if (byDefault !== undefined) writer.list(`${DEFAULT_SENDER}(`, [stringLiteral(event.action), byDefault.payload.variable], ");");
  for (const call of event.calls) {
    if (!call.byDefault) writer.list(`${call.senderName}(`, [stringLiteral(event.action), call.payload.variable], ");");
  }
}

/**
 * The properties object of a payload: each declared property the caller passed, copied on its own.
 * Not a spread of another payload's properties: keys added to a spread's result give every call's
 * object a hidden class of its own, which made calls several times slower.
 */
function emitProperties(writer: CodeWriter, payload: PayloadModel): void {
  const head = `const ${payload.propertiesVariable}: Record<string, ${API.PropertyValue}> =`;
  // Prettier breaks the type's arguments when the declaration is too long.
  if (writer.fits(`${head} {};`)) writer.line(`${head} {};`);
  else writer.block(`const ${payload.propertiesVariable}: Record<`, () => writer.line("string,").line(API.PropertyValue), "> = {};");
  for (const name of payload.propertyNames) writer.ifDefined(`given.${name}`, `${payload.propertiesVariable}.${name}`);
}

/** Callers must pass `additionalProperties` (a property is `required: true`), so it needs no fallback. */
const propertiesRequired = (event: EventModel): boolean => event.properties.some((property) => property.required);

/** A description as the first sentence of a doc comment. */
function sentence(description: string): string {
  const trimmed = description.trim();
  if (trimmed === "") return "(no description)";
  return /[.!?:)`"']$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const EVENT_NAME = `/** The action of every internal event. */
export type ${API.EventName} = keyof ${API.EventArgs};

/** What \`${API.trackEvent}(name, ...)\` takes after the name. */
export type ${API.TrackEventArguments}<E extends ${API.EventName}> = ${API.EventArgs}[E] extends void
  ? []
  : undefined extends ${API.EventArgs}[E]
    ? [args?: ${API.EventArgs}[E]]
    : [args: ${API.EventArgs}[E]];`;

const TRACK_EVENT = `/**
 * Tracks an event chosen at run time. Where the event is known as the code is
 * written, call its own \`track...\` function instead.
 */
export function ${API.trackEvent}<E extends ${API.EventName}>(
  name: E,
  ...args: ${API.TrackEventArguments}<E>
): void;
/** For helpers generic over the event, whose arguments are \`${API.EventArgs}[E]\`. */
export function ${API.trackEvent}<E extends ${API.EventName}>(
  name: E,
  args: ${API.EventArgs}[E],
): void;
export function ${API.trackEvent}(name: string, args?: unknown): void {
  dispatchEvent(TRACK_FUNCTIONS, name, args);
}`;
