import type { EventModel, IdentifierModel, PayloadModel, PropertyModel, SdkModel } from "../model/event-model";
import { isStructured, type ValueSpec } from "../model/value-spec";
import { compareCodeUnits } from "../text/code-units";
import { CodeWriter, memberAccess, propertyKey, stringLiteral } from "./code-writer";
import { emitEventPart, joined, type EventTextMemo } from "./event-text-memo";
import { DEFAULT_SENDER, SDK_API as API } from "../naming/sdk-api";
import { propertySignatureLines } from "./type-doc";

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
    if (event.shapesName !== undefined) emitShapes(writer, event, event.shapesName);
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
  const coreTypes = new Set<string>();
  const runtime = new Set<string>();
  const types = new Set<string>();
  // The type names once per identifier, not once per event: the loop runs for every event at each watch run.
  const identifiers = new Set<IdentifierModel>();
  for (const event of model.events) {
    core.add("checkArgs");
    for (const identifier of event.identifiers) identifiers.add(identifier);
    if (event.shapesName !== undefined) coreTypes.add("Shapes");
    if (event.calls.length === 0) continue;
    if (readsArguments(event)) core.add("reportError");
    if (event.identifiers.some((identifier) => identifier.fromContext)) {
      core.add("reportMissingContext");
      runtime.add("currentContext");
    }
    if (event.shapesName !== undefined) core.add("copyShaped");
    for (const call of event.calls) runtime.add(call.byDefault ? DEFAULT_SENDER : call.senderName);
    if (event.properties.length === 0 || !propertiesRequired(event)) core.add("EMPTY_PROPERTIES");
    if (event.properties.length > 0) types.add(API.PropertyValue);
  }
  for (const identifier of identifiers) if (!identifier.fromContext) types.add(identifier.typeName);
  const sorted = (names: ReadonlySet<string>): string[] => [...names].sort(compareCodeUnits);
  return {
    core: [...sorted(core), ...sorted(coreTypes).map((type) => `type ${type}`)],
    runtime: [...sorted(runtime), ...sorted(types).map((type) => `type ${type}`)],
  };
}

/** An event function that reads its arguments, which may fail (a getter, `null` from JavaScript), before it calls processors. */
const readsArguments = (event: EventModel): boolean => event.argument !== "none" && event.calls.length > 0;

function emitArgsInterface(writer: CodeWriter, event: EventModel): void {
  writer.line(`/** The arguments of \`${event.functionName}\`. */`);
  writer.block(`export interface ${event.argsTypeName} {`, () => {
    for (const identifier of event.identifiers) {
      if (!identifier.fromContext) writer.line(`readonly ${identifier.field}: ${identifier.typeName};`);
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
  const { value } = property;
  if (value.types?.includes("array") === true || value.types?.includes("object") === true) {
    writer.printed(propertySignatureLines(property, notes, writer.indentationWidth));
    return;
  }
  // A type of one line, the shape of most properties: laid out as type-doc.ts would, at less cost.
  writer.jsDoc(notes);
  const members = value.enum?.map((option) => (typeof option === "string" ? stringLiteral(option) : String(option))) ?? value.types ?? ["unknown"];
  writer.union(`readonly ${propertyKey(property.name)}${property.required ? "" : "?"}:`, members, ";");
}

/**
 * The declared keys of an event's objects, by property: the payloads copy them, and them alone,
 * however deep, so an undeclared key never reaches a processor.
 */
function emitShapes(writer: CodeWriter, event: EventModel, shapesName: string): void {
  writer.line(`/** What \`${event.functionName}\` sends of its objects: their declared keys, no others. */`);
  writer.block(`const ${shapesName}: Shapes = {`, () => {
    for (const property of event.properties) if (isStructured(property.value)) emitShape(writer, propertyKey(property.name), property.value);
  }, "};");
  writer.blankLine();
}

function emitShape(writer: CodeWriter, key: string, value: ValueSpec): void {
  if (!isStructured(value)) {
    writer.line(`${key}: {},`);
    return;
  }
  writer.block(`${key}: {`, () => {
    if (value.items !== undefined) emitShape(writer, "items", value.items);
    if (value.properties !== undefined) {
      writer.block("properties: {", () => {
        for (const property of value.properties!) emitShape(writer, propertyKey(property.name), property.value);
      }, "},");
    }
  }, "},");
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
  const since = metadata.milestone === null || metadata.milestone === undefined ? [] : [`since ${metadata.milestone}`];
  const group = metadata.productGroup === undefined ? [] : [metadata.productGroup];
  const paragraphs = [sentence(event.description), `@event ${[event.action, ...group, ...since, metadata.file].join(" · ")}`];
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
  const fromContext = event.identifiers.filter((identifier) => identifier.fromContext);
  if (fromContext.length > 0) {
    writer.line("const context = currentContext();");
    for (const identifier of fromContext) {
      const condition = `if (context.${identifier.field} === undefined)`;
      const report = ["reportMissingContext(", [stringLiteral(event.action), stringLiteral(identifier.name)], ");"] as const;
      if (writer.fits(`${condition} ${report[0]}${report[1].join(", ")}${report[2]}`)) writer.line(`${condition} ${report[0]}${report[1].join(", ")}${report[2]}`);
      else writer.line(condition).indented(() => writer.list(...report));
    }
  }
  const structured = new Set(event.properties.filter((property) => isStructured(property.value)).map((property) => property.name));
  if (event.properties.length > 0) {
    const args = event.argument === "optional" ? "args?." : "args.";
    writer.line(propertiesRequired(event) ? `const given = ${args}additionalProperties;` : `const given = ${args}additionalProperties ?? EMPTY_PROPERTIES;`);
    if (event.shapesName !== undefined) writer.list(`const shaped = copyShaped<${API.PropertyValue}>(`, ["given", event.shapesName], ");");
    for (const payload of event.payloads) emitProperties(writer, payload, structured);
  }
  for (const payload of event.payloads) {
    writer.objectDeclaration(`const ${payload.variable}`, () => {
      for (const identifier of event.identifiers) writer.property(identifier.field, `${identifier.fromContext ? "context" : "args"}.${identifier.field}`);
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
 * The properties object of a payload: each declared property the caller passed, copied on its own
 * (objects through their shapes). Not a spread of another payload's properties: keys added to a
 * spread's result give every call's object a hidden class of its own, which made calls several
 * times slower.
 */
function emitProperties(writer: CodeWriter, payload: PayloadModel, structured: ReadonlySet<string>): void {
  const head = `const ${payload.propertiesVariable}: Record<string, ${API.PropertyValue}> =`;
  // Prettier moves the value below the `=`, and breaks the type's arguments only when even that is too long.
  if (writer.fits(`${head} {};`)) writer.line(`${head} {};`);
  else if (writer.fits(head)) writer.line(head).indented(() => writer.line("{};"));
  else writer.block(`const ${payload.propertiesVariable}: Record<`, () => writer.line("string,").line(API.PropertyValue), "> = {};");
  for (const name of payload.propertyNames) {
    writer.ifDefined(memberAccess(structured.has(name) ? "shaped" : "given", name), memberAccess(payload.propertiesVariable, name));
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
