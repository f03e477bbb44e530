import type { ProcessorModel, SdkModel } from "../model/event-model";
import { pascalCase } from "../model/names";
import { DEFAULT_IDENTIFIER_TYPE } from "../config/load-config";
import { stringLiteral, TypeScriptWriter } from "./typescript-writer";

export const identifierTypeName = (identifier: string): string => `${pascalCase(identifier)}Identifier`;
const importedTypeName = (identifier: string): string => `Imported${pascalCase(identifier)}`;

/**
 * runtime.ts: the processor contract, the identifier types, error isolation, flush, and one sender
 * per processor for the events to call. Everything that refers to the application's own modules
 * is here, in a file small enough that type-checking it costs nothing.
 */
export function emitRuntime(model: SdkModel): string {
  const writer = new TypeScriptWriter();
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
  ].sort((a, b) => compare(a.specifier, b.specifier) || compare(a.name, b.name) || compare(a.statement, b.statement));
  for (const entry of imports) writer.line(`${entry.statement} from ${stringLiteral(entry.specifier)};`);
  if (imports.length > 0) writer.blankLine();
  writer.line(RUNTIME_PREAMBLE);

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
  writer.block("export interface EventPayload {", () => {
    for (const entry of model.identifierTypes) writer.line(`readonly ${entry.field}?: ${identifierTypeName(entry.identifier)};`);
    writer.line("readonly additionalProperties: Readonly<Record<string, PropertyValue>>;");
  });
  writer.blankLine();
  writer.line(RUNTIME_BODY);
  for (const processor of model.processors) emitSender(writer, processor);
  return writer.toString();
}

/**
 * A sender of its own per processor keeps each call to a processor's `trackEvent` monomorphic: a
 * shared one made every event with an extra tracker about twice as slow as calling by hand.
 */
function emitSender(writer: TypeScriptWriter, processor: ProcessorModel): void {
  writer.blankLine();
  writer.jsDoc([`Calls ${processor.className}; a failure, synchronous or not, never reaches the caller.`]);
  writer.list(`export function ${processor.senderName}(`, ["eventName: string", "payload: EventPayload"], "): void {");
  writer.indented(() => {
    writer.assignment("const processor: Processor", processor.localName);
    writer.assignment("const processorName", stringLiteral(processor.className));
    writer.block("try {", () => {
      writer.line("const result = processor.trackEvent(eventName, payload);");
      writer.line("if (result !== undefined) settle(result, eventName, processorName);");
    }, "} catch (error) {");
    writer.indented(() => writer.line("reportError(error, eventName, processorName);"));
    writer.line("}");
  });
  writer.line("}");
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const RUNTIME_PREAMBLE = `/** Declared here so the SDK compiles without DOM or Node.js type definitions. */
declare const console: { error(...data: unknown[]): void };

/** The value of an additional property. */
export type PropertyValue = string | number | boolean;
`;

const RUNTIME_BODY = `/**
 * A tracking backend: a plain object, or a class with a static \`trackEvent\`.
 * A returned promise is awaited by \`flush()\`; a throw or a rejection goes to
 * the error handler and never stops the other processors.
 */
export interface Processor {
  trackEvent(eventName: string, payload: EventPayload): void | Promise<void>;
}

/** Where a processor failed. */
export interface TrackingErrorContext {
  readonly eventName: string;
  readonly processorName: string;
}

export interface TrackingOptions {
  /** Receives every processor failure; the default logs it with console.error. */
  readonly onError?: (error: unknown, context: TrackingErrorContext) => void;
}

type ErrorHandler = (error: unknown, context: TrackingErrorContext) => void;

const logError: ErrorHandler = (error, context) => {
  console.error(
    \`sit: processor \${context.processorName} failed on event \${context.eventName}:\`,
    error,
  );
};

let onError: ErrorHandler = logError;
const pending = new Set<Promise<void>>();

/** The additional properties of an event tracked without any. */
export const EMPTY_PROPERTIES: Readonly<Record<string, PropertyValue>> =
  Object.freeze({});

/** Sets how processor failures are reported; an option left out returns to its default. */
export function configureTracking(options: TrackingOptions): void {
  onError = options.onError ?? logError;
}

/** Settles when every asynchronous processor call made so far has settled. */
export async function flush(): Promise<void> {
  while (pending.size > 0) {
    await Promise.all(pending);
  }
}

/** Hands a failure to the error handler; if the handler fails too, logs both. */
export function reportError(
  error: unknown,
  eventName: string,
  processorName: string,
): void {
  try {
    onError(error, { eventName, processorName });
  } catch (handlerError) {
    logError(error, { eventName, processorName });
    logError(handlerError, { eventName, processorName });
  }
}

/** Waits for a processor's promise in \`flush()\` and reports its rejection. */
function settle(
  result: unknown,
  eventName: string,
  processorName: string,
): void {
  if (!isPromiseLike(result)) return;
  const settled: Promise<void> = Promise.resolve(result).then(
    () => {
      pending.delete(settled);
    },
    (error: unknown) => {
      pending.delete(settled);
      reportError(error, eventName, processorName);
    },
  );
  pending.add(settled);
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/** A copy of \`properties\` without the keys meant only for other processors. */
export function omitKeys(
  properties: Readonly<Record<string, PropertyValue>>,
  keys: readonly string[],
): Readonly<Record<string, PropertyValue>> {
  const result: Record<string, PropertyValue> = {};
  for (const key of Object.keys(properties)) {
    // Assigning "__proto__" would replace the prototype; it is never a declared property.
    if (key !== "__proto__" && !keys.includes(key)) {
      result[key] = properties[key]!;
    }
  }
  return result;
}`;
