import { DEFAULT_IDENTIFIER_TYPE } from "../config/validate-config";
import type { ProcessorModel, SdkModel } from "../model/event-model";
import { pascalCase } from "../model/names";
import { compareCodeUnits } from "../text/code-units";
import { CodeWriter, stringLiteral } from "./code-writer";
import { DEFAULT_SENDER, identifierTypeName, SDK_API as API } from "./sdk-api";

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
    ...model.identifierTypes
      .filter((entry) => entry.importSpecifier !== undefined)
      .map((entry) => ({
        statement: `import type { ${entry.type} as ${importedTypeName(entry.identifier)} }`,
        specifier: entry.importSpecifier!,
        name: entry.type,
      })),
  ].sort((a, b) => compareCodeUnits(a.specifier, b.specifier) || compareCodeUnits(a.name, b.name) || compareCodeUnits(a.statement, b.statement));
  for (const entry of imports) writer.line(`${entry.statement} from ${stringLiteral(entry.specifier)};`);
  const withProcessors = model.processors.length > 0;
  writer.list("import {", withProcessors ? ["reportError", "settle", "type ProcessorSlot"] : [], '} from "./core.js";');
  writer.line('import * as core from "./core.js";');
  writer.blankLine();
  writer.lines(PROPERTY_VALUE).blankLine();

  for (const entry of model.identifierTypes) {
    writer.line(`/** How callers identify the \`${entry.identifier}\` of an event (see sit.config.yaml). */`);
    const alias = `export type ${identifierTypeName(entry.identifier)} =`;
    if (entry.type === DEFAULT_IDENTIFIER_TYPE.type && !writer.fits(`${alias} ${entry.type};`)) {
      writer.block(`${alias} {`, () => writer.line("readonly id: string | number;"), "};");
    } else {
      writer.line(`${alias} ${entry.importSpecifier === undefined ? entry.type : importedTypeName(entry.identifier)};`);
    }
    writer.blankLine();
  }

  writer.jsDoc(["What a processor receives: the event's identifiers and the additional properties meant for it."]);
  writer.block(`export interface ${API.EventPayload} {`, () => {
    for (const entry of model.identifierTypes) writer.line(`readonly ${entry.field}?: ${identifierTypeName(entry.identifier)};`);
    writer.line(`readonly additionalProperties: Readonly<Record<string, ${API.PropertyValue}>>;`);
  });
  writer.blankLine();

  writer.jsDoc(["The tracking classes of sit.config.yaml that events call."]);
  writer.union(`export type ${API.ProcessorName} =`, withProcessors ? model.processors.map((processor) => stringLiteral(processor.className)) : ["never"], ";");
  writer.blankLine();
  writer.lines(RUNTIME_API);
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

const PROPERTY_VALUE = `/** The value of an additional property. */
export type ${API.PropertyValue} = string | number | boolean;`;

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
