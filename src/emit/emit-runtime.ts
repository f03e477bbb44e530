import type { SdkModel } from "../model/event-model";
import { pascalCase } from "../model/names";
import { DEFAULT_IDENTIFIER_TYPE } from "../config/load-config";
import { stringLiteral, TypeScriptWriter } from "./typescript-writer";

export const identifierTypeName = (identifier: string): string => `${pascalCase(identifier)}Identifier`;
const importedTypeName = (identifier: string): string => `Imported${pascalCase(identifier)}`;

/** runtime.ts: the processor contract, error isolation, flush, and the helpers the events call. */
export function emitRuntime(model: SdkModel): string {
  const writer = new TypeScriptWriter();
  const imports = model.identifierTypes
    .filter((entry) => entry.importSpecifier !== undefined)
    .sort((a, b) => compare(a.importSpecifier!, b.importSpecifier!) || compare(a.identifier, b.identifier));
  for (const entry of imports) {
    writer.line(`import type { ${entry.type} as ${importedTypeName(entry.identifier)} } from ${stringLiteral(entry.importSpecifier!)};`);
  }
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
  return writer.toString();
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

/** A processor and the tracking class name its failures are reported under. */
export interface ProcessorTarget {
  readonly processor: Processor;
  readonly name: string;
}

/** Calls one processor; its failure, synchronous or not, never reaches the caller. */
export function send(
  target: ProcessorTarget,
  eventName: string,
  payload: EventPayload,
): void {
  let result: unknown;
  try {
    result = target.processor.trackEvent(eventName, payload);
  } catch (error) {
    reportError(error, eventName, target.name);
    return;
  }
  if (isPromiseLike(result)) {
    const settled: Promise<void> = Promise.resolve(result).then(
      () => {
        pending.delete(settled);
      },
      (error: unknown) => {
        pending.delete(settled);
        reportError(error, eventName, target.name);
      },
    );
    pending.add(settled);
  }
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
