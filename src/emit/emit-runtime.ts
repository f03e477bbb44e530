import { DEFAULT_IDENTIFIER_TYPE } from "../validate/vocabulary";
import type { IdentifierModel, ProcessorModel, SdkModel } from "../model/event-model";
import { pascalCase } from "../naming/names";
import { compareCodeUnits } from "../text/code-units";
import { CodeWriter, stringLiteral } from "./code-writer";
import { DEFAULT_SENDER, SDK_API as API } from "../naming/sdk-api";

const importedTypeName = (identifier: string): string => `Imported${pascalCase(identifier)}`;

/**
 * runtime.ts: what the project adds to the fixed runtime of core.ts: its processors, its
 * identifier types, the payload and the names they give the runtime's types, and one sender per
 * processor for the events to call. Everything that refers to the application's own modules is
 * here, in a file small enough that type-checking it costs nothing. Each processor is referenced
 * by its own sender alone, so a bundle keeps only the processors of the events it imports.
 */
export function emitRuntime(model: SdkModel): Buffer[] {
  const writer = new CodeWriter();
  const imports = [
    ...model.processors.map((processor) => ({
      statement: `import { ${processor.exportName} as ${processor.localName} }`,
      specifier: processor.importSpecifier,
      name: processor.exportName,
    })),
    ...model.identifiers
      .filter((entry) => entry.importSpecifier !== undefined)
      .map((entry) => ({
        statement: `import type { ${entry.type} as ${importedTypeName(entry.name)} }`,
        specifier: entry.importSpecifier!,
        name: entry.type,
      })),
  ].sort((a, b) => compareCodeUnits(a.specifier, b.specifier) || compareCodeUnits(a.name, b.name) || compareCodeUnits(a.statement, b.statement));
  for (const entry of imports) writer.line(`${entry.statement} from ${stringLiteral(entry.specifier)};`);
  const withProcessors = model.processors.length > 0;
  writer.list("import {", withProcessors ? ["reportError", "settle", "type ProcessorSlot"] : [], '} from "./core.js";');
  writer.line('import * as core from "./core.js";');
  writer.blankLine();
  writer.lines(PROPERTY_VALUES[model.propertyValue]).blankLine();

  for (const entry of model.identifiers) {
    const source = entry.fromContext ? "set with setTrackingContext" : "see sit.config.yaml";
    writer.line(`/** How callers identify the \`${entry.name}\` of an event (${source}). */`);
    const alias = `export type ${entry.typeName} =`;
    if (entry.type === DEFAULT_IDENTIFIER_TYPE && !writer.fits(`${alias} ${entry.type};`)) {
      writer.block(`${alias} {`, () => writer.line("readonly id: string | number;"), "};");
    } else if (entry.importSpecifier !== undefined) {
      writer.line(`${alias} ${importedTypeName(entry.name)};`);
    } else {
      // The config's own text, which only a formatter could lay out as prettier would.
      const plain = entry.type === DEFAULT_IDENTIFIER_TYPE || isPlainType(entry.type);
      if (!plain || !writer.fits(`${alias} ${entry.type};`)) writer.line("// prettier-ignore");
      writer.line(`${alias} ${entry.type};`);
    }
    writer.blankLine();
  }

  writer.jsDoc(["What a processor receives: the event's identifiers and the additional properties meant for it."]);
  writer.block(`export interface ${API.EventPayload} {`, () => {
    for (const entry of model.identifiers) writer.line(`readonly ${entry.field}?: ${entry.typeName};`);
    writer.line(`readonly additionalProperties: Readonly<Record<string, ${API.PropertyValue}>>;`);
  });
  writer.blankLine();

  writer.jsDoc(["The tracking classes of sit.config.yaml that events call."]);
  writer.union(`export type ${API.ProcessorName} =`, withProcessors ? model.processors.map((processor) => stringLiteral(processor.className)) : ["never"], ";");
  writer.blankLine();
  writer.lines(RUNTIME_API);
  const fromContext = model.identifiers.filter((entry) => entry.fromContext);
  if (fromContext.length > 0) emitTrackingContext(writer, fromContext);
  if (withProcessors) writer.blankLine().lines(DEFINE);
  for (const processor of model.processors) emitSender(writer, processor);
  if (model.defaultProcessors.length > 0) {
    writer.blankLine();
    writer.jsDoc(["Calls the default processors in the order of sit.config.yaml: what every internal event does first."]);
    writer.list(`export function ${DEFAULT_SENDER}(`, ["eventName: string", `payload: ${API.EventPayload}`], "): void {");
    writer.indented(() => {
      for (const processor of model.defaultProcessors) writer.list(`${processor.senderName}(`, ["eventName", "payload"], ");");
    });
    writer.line("}");
  }
  return writer.toChunks();
}

/** Names, arrays and unions of them, as prettier writes them: `readonly number[]`, `string | null`. */
const isPlainType = (type: string): boolean => /^(?:readonly )?[A-Za-z_$][\w$.]*(?:\[\])*(?: \| (?:readonly )?[A-Za-z_$][\w$.]*(?:\[\])*)*$/.test(type);

/**
 * A sender of its own per processor keeps each call to a processor's `trackEvent` monomorphic: a
 * shared one made every event with an extra tracker about twice as slow as calling by hand.
 */
function emitSender(writer: CodeWriter, processor: ProcessorModel): void {
  writer.blankLine();
  const call = "/* @__PURE__ */ define(";
  const args = [stringLiteral(processor.className), processor.localName];
  // Prettier breaks after the `=` when the line cannot hold the call's opening.
  if (writer.fits(`const ${processor.slotName} = ${call}`)) writer.list(`const ${processor.slotName} = ${call}`, args, ");");
  else writer.line(`const ${processor.slotName} =`).indented(() => writer.list(call, args, ");"));
  writer.blankLine();
  writer.jsDoc([`Calls ${processor.className}; a failure, synchronous or not, never reaches the caller.`]);
  writer.list(`export function ${processor.senderName}(`, ["eventName: string", `payload: ${API.EventPayload}`], "): void {");
  writer.indented(() => {
    writer.assignment("const slot", processor.slotName);
    writer.lines(SEND_BODY);
  });
  writer.line("}");
}

const SEND_BODY = `const processor = slot.current;
if (processor === undefined) return;
try {
  const result = processor.trackEvent(eventName, payload, slot.context);
  // Apart: settle is not inlined, and most processors return nothing.
  if (result !== undefined)
    settle(result, eventName, slot.context.processorName);
} catch (error) {
  reportError(error, eventName, slot.context.processorName);
}`;

/** The value of an additional property: GitLab's scalars, unless the plan holds more. */
const PROPERTY_VALUES: Readonly<Record<SdkModel["propertyValue"], string>> = {
  scalar: `/** The value of an additional property. */
export type ${API.PropertyValue} = string | number | boolean;`,
  nullable: `/** The value of an additional property. */
export type ${API.PropertyValue} = string | number | boolean | null;`,
  json: `/** The value of an additional property: any JSON value. */
export type ${API.PropertyValue} =
  | string
  | number
  | boolean
  | null
  | readonly ${API.PropertyValue}[]
  | { readonly [key: string]: ${API.PropertyValue} };`,
  unknown: `/** The value of an additional property: anything, since the plan has properties of \`type: any\`. */
export type ${API.PropertyValue} = unknown;`,
};

/**
 * The identifiers set once for every event: their type, the function that sets them, and the one
 * the event functions read them with.
 */
function emitTrackingContext(writer: CodeWriter, identifiers: readonly IdentifierModel[]): void {
  writer.blankLine();
  writer.jsDoc(["The identifiers every event that names them receives, set with `setTrackingContext` (sit.config.yaml's `fromContext: true`)."]);
  writer.block(`export interface ${API.TrackingContext} {`, () => {
    for (const entry of identifiers) writer.line(`readonly ${entry.field}?: ${entry.typeName} | undefined;`);
  });
  writer.blankLine();
  writer.lines(`/**
 * Sets identifiers of the tracking context, e.g. the user on login: a key
 * given replaces its value, \`undefined\` clears it, a key left out keeps its
 * value. An event that needs an identifier the context lacks is sent without
 * it, and onError is told.
 */
export const ${API.setTrackingContext}: (context: ${API.TrackingContext}) => void =
  core.setTrackingContext;

/** The tracking context as it is now: what the event functions read. */
export const currentContext: () => ${API.TrackingContext} = core.currentContext;`);
}

/** The runtime's types and functions, as this project's names and payload make them. */
const RUNTIME_API = `/**
 * A tracking backend: a plain object, or a class with a static \`trackEvent\`.
 * A returned promise is awaited by \`flush()\`; a throw or a rejection goes to
 * the error handler and never stops the other processors.
 */
export type ${API.Processor} = core.Processor<${API.EventPayload}, ${API.ProcessorName}>;

/** What a processor is told besides the event: the tracking class it serves. */
export type ${API.ProcessorContext} = core.ProcessorContext<${API.ProcessorName}>;

/**
 * Where a failure happened: the event (none for a processor's flush) and the
 * processor (none for a check of the event's values or its arguments).
 */
export type ${API.TrackingErrorContext} = core.TrackingErrorContext<${API.ProcessorName}>;

/** The options of \`${API.configureTracking}\`. */
export type ${API.TrackingOptions} = core.TrackingOptions<${API.ProcessorName}, ${API.EventPayload}>;

export type { ${API.EventValidator}, ${API.FlushOptions} } from "./core.js";

/**
 * Changes how tracking behaves (error handler, consent, replacement
 * processors, checks); an option left out keeps its current value. Options
 * that cannot be applied change nothing and are reported to onError.
 */
export const ${API.configureTracking}: (options: ${API.TrackingOptions}) => void =
  core.configureTracking;

/** Returns every option of \`${API.configureTracking}\` to its default. */
export const ${API.resetTracking}: () => void = core.resetTracking;

/**
 * Settles when every asynchronous processor call made so far has settled and
 * every processor with a \`flush\` of its own has delivered what it holds, or
 * after \`timeoutMs\` (default 10,000), reporting what has not. Never rejects.
 */
export const ${API.flush}: (options?: core.${API.FlushOptions}) => Promise<void> = core.flush;`;

const DEFINE = `/** Makes a configured processor callable by events, as the config names it. */
const define: (
  processorName: ${API.ProcessorName},
  processor: ${API.Processor},
) => ProcessorSlot<${API.ProcessorName}, ${API.EventPayload}> = core.defineProcessor;`;
