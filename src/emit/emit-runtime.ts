import { DEFAULT_IDENTIFIER_TYPE } from "../config/validate-config";
import type { ProcessorModel, SdkModel } from "../model/event-model";
import { pascalCase } from "../model/names";
import { compareCodeUnits } from "../text/code-units";
import { propertyKey } from "../text/javascript-names";
import { CodeWriter, stringLiteral } from "./code-writer";
import { DEFAULT_SENDER, identifierTypeName, SDK_API as API } from "./sdk-api";

const importedTypeName = (identifier: string): string => `Imported${pascalCase(identifier)}`;

/**
 * runtime.ts: the processor contract, the identifier types, the tracking switches of
 * `configureTracking`, error isolation, flush, and one sender per processor for the events to call.
 * Everything that refers to the application's own modules is here, in a file small enough that
 * type-checking it costs nothing. Top-level values are marked pure, so a bundler keeps only what
 * the application uses.
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
  if (imports.length > 0) writer.blankLine();
  writer.lines(PREAMBLE).blankLine();

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
  writer.union(`export type ${API.ProcessorName} =`, model.processors.length === 0 ? ["never"] : model.processors.map((processor) => stringLiteral(processor.className)), ";");
  writer.blankLine();
  writer.lines(CONTRACT).blankLine();

  const withProcessors = model.processors.length > 0;
  if (withProcessors) {
    writer.jsDoc(["The implementation of each tracking class, as sit.config.yaml names it."]);
    writer.block(`const CONFIGURED: { readonly [P in ${API.ProcessorName}]: ${API.Processor} } = {`, () => {
      for (const processor of model.processors) writer.property(propertyKey(processor.className), processor.localName);
    }, "};");
    writer.blankLine();
  }
  writer.lines(switches(withProcessors)).blankLine();
  writer.lines(withProcessors ? `${REPORTING}\n\n${SETTLE}` : REPORTING);
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
  writer.objectDeclaration(`const ${processor.contextName}: ${API.ProcessorContext}`, () =>
    writer.property("processorName", stringLiteral(processor.className)),
  );
  writer.blankLine();
  writer.jsDoc([`Calls ${processor.className}; a failure, synchronous or not, never reaches the caller.`]);
  writer.list(`export function ${processor.senderName}(`, ["eventName: string", `payload: ${API.EventPayload}`], "): void {");
  writer.indented(() => {
    writer.assignment("const context", processor.contextName);
    writer.lines(SEND_BODY);
  });
  writer.line("}");
}

const SEND_BODY = `const processor = active[context.processorName];
if (processor === undefined) return;
try {
  const result = processor.trackEvent(eventName, payload, context);
  if (result !== undefined) settle(result, eventName, context.processorName);
} catch (error) {
  reportError(error, eventName, context.processorName);
}`;

const PREAMBLE = `/** Declared here so the SDK compiles without DOM or Node.js type definitions. */
declare const console: { error(...data: unknown[]): void };

/** The value of an additional property. */
export type ${API.PropertyValue} = string | number | boolean;`;

const CONTRACT = `/** What a processor is told besides the event: the tracking class it serves. */
export interface ${API.ProcessorContext} {
  readonly processorName: ${API.ProcessorName};
}

/**
 * A tracking backend: a plain object, or a class with a static \`trackEvent\`.
 * A returned promise is awaited by \`flush()\`; a throw or a rejection goes to
 * the error handler and never stops the other processors.
 */
export interface ${API.Processor} {
  trackEvent(
    eventName: string,
    payload: ${API.EventPayload},
    context: ${API.ProcessorContext},
  ): void | Promise<void>;
  /** A processor that queues events delivers them: \`flush()\` waits for it. */
  flush?(): void | Promise<void>;
}

/**
 * Where a failure happened: the event (none for a processor's flush) and the
 * processor (none for a check of the event's values).
 */
export interface ${API.TrackingErrorContext} {
  readonly eventName: string | undefined;
  readonly processorName: ${API.ProcessorName} | undefined;
}

/** Checks an event's arguments against its definition: \`${API.checkEvents}\` does. */
export type ${API.EventValidator} = (
  eventName: string,
  args: unknown,
) => readonly string[];

export interface ${API.TrackingOptions} {
  /** Receives every failure; the default logs it with console.error. */
  readonly onError?: (error: unknown, context: ${API.TrackingErrorContext}) => void;
  /**
   * \`false\` stops every event before any processor (no consent); a function
   * decides per processor. Asked when configured, not on every event.
   */
  readonly enabled?: boolean | ((processorName: ${API.ProcessorName}) => boolean);
  /** Replaces the implementation of tracking classes, e.g. with a recorder in tests. */
  readonly processors?: { readonly [P in ${API.ProcessorName}]?: ${API.Processor} };
  /**
   * Checks the values TypeScript cannot see (JavaScript callers, \`any\`) and
   * reports each violation to onError; the event is still sent. Pass
   * \`${API.checkEvents}\` from validation.js, so only apps that check carry it.
   */
  readonly validate?: ${API.EventValidator} | false;
}

type ErrorHandler = (error: unknown, context: ${API.TrackingErrorContext}) => void;

const logError: ErrorHandler = (error, { eventName, processorName }) => {
  const what = eventName === undefined ? "flush" : \`event \${eventName}\`;
  const where =
    processorName === undefined
      ? what
      : \`processor \${processorName} failed on \${what}\`;
  console.error(\`sit: \${where}:\`, error);
};`;

/**
 * The state behind `configureTracking`. Without processors there is nothing to switch or replace,
 * and the parts that would do it are left out: `noUnusedLocals` would reject them.
 */
function switches(withProcessors: boolean): string {
  const only = (text: string): string => (withProcessors ? text : "");
  return `${only(`type ActiveProcessors = { readonly [P in ${API.ProcessorName}]?: ${API.Processor} };

`)}let onError: ErrorHandler = logError;
let validator: ${API.EventValidator} | undefined;
${only(`let replacements: NonNullable<${API.TrackingOptions}["processors"]> = {};
let enabled: NonNullable<${API.TrackingOptions}["enabled"]> = true;
/** What each tracking class calls now; absent when it is switched off. */
let active: ActiveProcessors = CONFIGURED;
`)}const pending = /* @__PURE__ */ new Set<Promise<void>>();

/** The additional properties of an event that declares none. */
export const EMPTY_PROPERTIES: Readonly<Record<string, ${API.PropertyValue}>> =
  /* @__PURE__ */ Object.freeze({});

/**
 * Changes how tracking behaves; an option left out keeps its current value.
 * \`${API.resetTracking}()\` returns every option to its default.
 */
export function ${API.configureTracking}(options: ${API.TrackingOptions}): void {
  if (options.onError !== undefined) onError = options.onError;
  if (options.validate !== undefined) validator = options.validate || undefined;
${only(`  if (options.processors !== undefined) replacements = options.processors;
  if (options.enabled !== undefined) enabled = options.enabled;
  active = activeProcessors();
`)}}

/** Returns every option of \`${API.configureTracking}\` to its default. */
export function ${API.resetTracking}(): void {
  onError = logError;
  validator = undefined;
${only(`  replacements = {};
  enabled = true;
  active = CONFIGURED;
`)}}
${only(`
function activeProcessors(): ActiveProcessors {
  const result: { [P in ${API.ProcessorName}]?: ${API.Processor} } = {};
  for (const name of Object.keys(CONFIGURED) as ${API.ProcessorName}[]) {
    const on = typeof enabled === "function" ? enabled(name) : enabled;
    if (on) result[name] = replacements[name] ?? CONFIGURED[name];
  }
  return result;
}
`)}
/**
 * Settles when every asynchronous processor call made so far has settled${withProcessors ? ",\n * and every processor with a \`flush\` of its own has delivered what it holds" : ""}.
 */
export async function ${API.flush}(): Promise<void> {
  while (pending.size > 0) {
    await Promise.all(pending);
  }${only(`
  const flushed = new Set<${API.Processor}>();
  const waits: Promise<void>[] = [];
  for (const name of Object.keys(active) as ${API.ProcessorName}[]) {
    const processor = active[name];
    if (processor?.flush === undefined || flushed.has(processor)) continue;
    flushed.add(processor);
    const report = (error: unknown): void =>
      reportError(error, undefined, name);
    waits.push(
      Promise.resolve()
        .then(() => processor.flush?.())
        .then(undefined, report),
    );
  }
  await Promise.all(waits);`)}
}`;
}

const REPORTING = `/** Hands a failure to the error handler; if the handler fails too, logs both. */
export function reportError(
  error: unknown,
  eventName: string | undefined,
  processorName: ${API.ProcessorName} | undefined,
): void {
  try {
    onError(error, { eventName, processorName });
  } catch (handlerError) {
    logError(error, { eventName, processorName });
    logError(handlerError, { eventName, processorName });
  }
}

/** The checks of \`validate\`, when enabled: each violation goes to the error handler. */
export function checkArgs(eventName: string, args: unknown): void {
  if (validator !== undefined) runValidator(validator, eventName, args);
}

/** Apart from checkArgs, which every event calls: inlined there, the loop slowed every call. */
function runValidator(
  validate: ${API.EventValidator},
  eventName: string,
  args: unknown,
): void {
  try {
    for (const violation of validate(eventName, args)) {
      reportError(new TypeError(violation), eventName, undefined);
    }
  } catch (error) {
    reportError(error, eventName, undefined);
  }
}`;

const SETTLE = `/** Waits for a processor's promise in \`${API.flush}()\` and reports its rejection. */
function settle(
  result: unknown,
  eventName: string,
  processorName: ${API.ProcessorName},
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
}`;
