/**
 * The fixed part of every generated SDK, the same in every project: `sit generate` copies this
 * file into the output folder as it stands here, and runtime.ts binds it to the project's
 * processors and types. It needs no DOM or Node.js type definitions, compiles under the strictest
 * settings, and marks its top-level values pure, so a bundler keeps only what the application
 * uses. Nothing in it throws into the application: every failure goes to the error handler.
 */

declare const console: { error(...data: unknown[]): void };
declare function setTimeout(
  callback: () => void,
  milliseconds: number,
): unknown;
declare function clearTimeout(handle: unknown): void;

/** What a processor is told besides the event: the tracking class it serves. */
export interface ProcessorContext<Name extends string = string> {
  readonly processorName: Name;
}

/**
 * A tracking backend: a plain object, or a class with a static `trackEvent`.
 * A returned promise is awaited by `flush()`; a throw or a rejection goes to
 * the error handler and never stops the other processors.
 */
export interface Processor<Payload = never, Name extends string = string> {
  trackEvent(
    eventName: string,
    payload: Payload,
    context: ProcessorContext<Name>,
  ): void | Promise<void>;
  /** A processor that queues events delivers them: `flush()` waits for it. */
  flush?(): void | Promise<void>;
}

/**
 * Where a failure happened: the event (none for a processor's flush) and the
 * processor (none for a check of the event's values or its arguments).
 */
export interface TrackingErrorContext<Name extends string = string> {
  readonly eventName: string | undefined;
  readonly processorName: Name | undefined;
}

/** Checks an event's arguments against its definition: `checkEvents` does. */
export type EventValidator = (
  eventName: string,
  args: unknown,
) => readonly string[];

export interface TrackingOptions<
  Name extends string = string,
  Payload = never,
> {
  /** Receives every failure; the default logs it with console.error. */
  readonly onError?: (
    error: unknown,
    context: TrackingErrorContext<Name>,
  ) => void;
  /**
   * `false` stops every event before any processor (no consent); a function
   * decides per processor. Asked when configured, not on every event.
   */
  readonly enabled?: boolean | ((processorName: Name) => boolean);
  /** Replaces the implementation of tracking classes, e.g. with a recorder in tests. */
  readonly processors?: { readonly [N in Name]?: Processor<Payload, Name> };
  /**
   * Checks the values TypeScript cannot see (JavaScript callers, `any`) and
   * reports each violation to onError; the event is still sent. Pass
   * `checkEvents` from validation.js, so only apps that check carry it.
   */
  readonly validate?: EventValidator | false;
}

export interface FlushOptions {
  /**
   * How long `flush()` waits at most, in milliseconds (default 10,000). What
   * has not settled by then is reported to onError, and `flush()` resolves.
   */
  readonly timeoutMs?: number;
}

/** How long a plain `flush()` waits for processors at most. */
export const DEFAULT_FLUSH_TIMEOUT_MS = 10_000;

/**
 * Asynchronous processor calls `flush()` waits for at most: past it, new ones
 * are reported once and not held, so a processor that never settles cannot
 * fill the memory.
 */
export const MAX_PENDING_CALLS = 10_000;

/** A tracking class as the events call it: what it is now, and what it is by configuration. */
export interface ProcessorSlot<Name extends string = string, Payload = never> {
  readonly context: ProcessorContext<Name>;
  readonly configured: Processor<Payload, Name>;
  /** The processor events go to now: the configured one, its replacement, or none (switched off). */
  current: Processor<Payload, Name> | undefined;
}

type ErrorHandler = (error: unknown, context: TrackingErrorContext) => void;

type Switch = boolean | ((processorName: string) => unknown);

interface Settings {
  readonly onError: ErrorHandler;
  readonly validator: EventValidator | undefined;
  readonly enabled: Switch;
  readonly replacements: {
    readonly [name: string]: Processor<never> | undefined;
  };
}

const logError: ErrorHandler = (error, { eventName, processorName }) => {
  const what = eventName === undefined ? "flush" : `event ${eventName}`;
  const where =
    processorName === undefined
      ? what
      : `processor ${processorName} failed on ${what}`;
  try {
    console.error(`sit: ${where}:`, error);
  } catch {
    // A console that fails leaves nowhere to tell: tracking must not fail with it.
  }
};

const DEFAULTS: Settings = /* @__PURE__ */ Object.freeze({
  onError: logError,
  validator: undefined,
  enabled: true,
  replacements: /* @__PURE__ */ Object.freeze({}),
});

let settings: Settings = DEFAULTS;
/** Read on every event, so kept apart from the other settings. */
let validator: EventValidator | undefined;
const slots: ProcessorSlot<string, never>[] = [];
/** Each pending asynchronous processor call, with the processor that made it. */
const pending = /* @__PURE__ */ new Map<Promise<void>, string>();
let overflowReported = false;

/** The additional properties of an event that declares none, or of a call that passes none. */
export const EMPTY_PROPERTIES: Readonly<Record<string, never>> =
  /* @__PURE__ */ Object.freeze({});

/**
 * Makes a tracking class callable by events: its sender reads `current`, which
 * `configureTracking` switches off or replaces.
 */
export function defineProcessor<Name extends string, Payload>(
  processorName: Name,
  configured: Processor<Payload, Name>,
): ProcessorSlot<Name, Payload> {
  const slot: ProcessorSlot<Name, Payload> = {
    context: Object.freeze({ processorName }),
    configured,
    current: undefined,
  };
  try {
    slot.current = chosenProcessor(slot, settings);
  } catch (error) {
    reportError(error, undefined, processorName);
  }
  slots.push(slot as unknown as ProcessorSlot<string, never>);
  return slot;
}

/**
 * Changes how tracking behaves; an option left out keeps its current value.
 * All or nothing: options that cannot be applied (a wrong type, an `enabled`
 * function that throws) change nothing and are reported to onError.
 */
export function configureTracking<Name extends string, Payload>(
  options: TrackingOptions<Name, Payload>,
): void {
  let next: Settings;
  let chosen: (Processor<never> | undefined)[];
  try {
    next = settingsWith(settings, options as unknown as TrackingOptions);
    const candidate = next;
    chosen = slots.map((slot) => chosenProcessor(slot, candidate));
  } catch (error) {
    reportWith(handlerOf(options) ?? settings.onError, error);
    return;
  }
  apply(next, chosen);
}

/** Returns every option of `configureTracking` to its default, and empties the tracking context. */
export function resetTracking(): void {
  trackingContext = EMPTY_PROPERTIES;
  apply(
    DEFAULTS,
    slots.map((slot) => slot.configured),
  );
}

function apply(
  next: Settings,
  chosen: readonly (Processor<never> | undefined)[],
): void {
  settings = next;
  validator = next.validator;
  slots.forEach((slot, index) => {
    slot.current = chosen[index];
  });
}

function settingsWith(current: Settings, options: TrackingOptions): Settings {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("configureTracking takes an object of options");
  }
  const { onError, enabled, processors, validate } = options;
  if (onError !== undefined && typeof onError !== "function") {
    throw new TypeError("configureTracking: onError must be a function");
  }
  if (
    enabled !== undefined &&
    typeof enabled !== "boolean" &&
    typeof enabled !== "function"
  ) {
    throw new TypeError(
      "configureTracking: enabled must be true, false or a function",
    );
  }
  if (
    validate !== undefined &&
    validate !== false &&
    typeof validate !== "function"
  ) {
    throw new TypeError(
      "configureTracking: validate must be a function or false",
    );
  }
  return {
    onError: (onError as ErrorHandler | undefined) ?? current.onError,
    validator:
      validate === undefined ? current.validator : validate || undefined,
    enabled: enabled ?? current.enabled,
    replacements:
      processors === undefined
        ? current.replacements
        : replacementsOf(processors),
  };
}

/** The replacement processors, checked and copied: later changes to the object change nothing. */
function replacementsOf(processors: object): Settings["replacements"] {
  if (typeof processors !== "object" || processors === null) {
    throw new TypeError("configureTracking: processors must be an object");
  }
  const copy: { [name: string]: Processor<never> | undefined } =
    Object.create(null);
  for (const name of Object.keys(processors)) {
    const processor: unknown = (
      processors as { readonly [name: string]: unknown }
    )[name];
    if (processor === undefined) continue;
    const callable =
      (typeof processor === "object" || typeof processor === "function") &&
      processor !== null &&
      typeof (processor as { trackEvent?: unknown }).trackEvent === "function";
    if (!callable) {
      throw new TypeError(
        `configureTracking: processors["${name}"] has no trackEvent function`,
      );
    }
    copy[name] = processor as Processor<never>;
  }
  return copy;
}

function chosenProcessor<Name extends string, Payload>(
  slot: ProcessorSlot<Name, Payload>,
  next: Settings,
): Processor<Payload, Name> | undefined {
  const name = slot.context.processorName;
  const on =
    typeof next.enabled === "function" ? next.enabled(name) : next.enabled;
  if (!on) return undefined;
  return (
    (next.replacements[name] as Processor<Payload, Name> | undefined) ??
    slot.configured
  );
}

/** The error handler that options bring, read without letting a hostile object throw. */
function handlerOf(options: unknown): ErrorHandler | undefined {
  try {
    const handler: unknown = (options as { onError?: unknown }).onError;
    return typeof handler === "function"
      ? (handler as ErrorHandler)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Hands a failure to the error handler; if the handler fails too, logs both. */
export function reportError(
  error: unknown,
  eventName: string | undefined,
  processorName: string | undefined,
): void {
  reportWith(settings.onError, error, eventName, processorName);
}

function reportWith(
  handler: ErrorHandler,
  error: unknown,
  eventName?: string,
  processorName?: string,
): void {
  try {
    handler(error, { eventName, processorName });
  } catch (handlerError) {
    logError(error, { eventName, processorName });
    logError(handlerError, { eventName, processorName });
  }
}

/** The checks of `validate`, when enabled: each violation goes to the error handler. */
export function checkArgs(eventName: string, args: unknown): void {
  if (validator !== undefined) runValidator(validator, eventName, args);
}

/** Apart from checkArgs, which every event calls: inlined there, the loop slowed every call. */
function runValidator(
  validate: EventValidator,
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
}

/** Waits for a processor's promise in `flush()` and reports its rejection. */
export function settle(
  result: unknown,
  eventName: string,
  processorName: string,
): void {
  if (!isPromiseLike(result)) return;
  if (pending.size >= MAX_PENDING_CALLS) {
    settleUnheld(result, eventName, processorName);
    return;
  }
  const settled: Promise<void> = Promise.resolve(result).then(
    () => {
      forget(settled);
    },
    (error: unknown) => {
      forget(settled);
      reportError(error, eventName, processorName);
    },
  );
  pending.set(settled, processorName);
}

/** Promises past the bound whose rejection is already listened for. */
const unheld = /* @__PURE__ */ new WeakSet<PromiseLike<unknown>>();

/**
 * Past the bound a call is not held, but its rejection is still reported, once
 * per promise: a processor that returns the same promise again and again
 * makes it hold nothing more.
 */
function settleUnheld(
  result: PromiseLike<unknown>,
  eventName: string,
  processorName: string,
): void {
  if (!overflowReported) {
    overflowReported = true;
    reportError(
      new Error(
        `more than ${MAX_PENDING_CALLS} processor calls are pending; flush() does not wait for the calls that follow until they settle`,
      ),
      eventName,
      processorName,
    );
  }
  if (unheld.has(result)) return;
  unheld.add(result);
  Promise.resolve(result).then(undefined, (error: unknown) => {
    reportError(error, eventName, processorName);
  });
}

function forget(settled: Promise<void>): void {
  pending.delete(settled);
  if (pending.size === 0) overflowReported = false;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

const TIMED_OUT: unique symbol = Symbol("timed out");

/**
 * Settles when every asynchronous processor call made so far has settled, and
 * every processor with a `flush` of its own has delivered what it holds, or
 * when `timeoutMs` has passed: what is still waiting then is reported to
 * onError, by processor. Never rejects.
 */
export async function flush(options?: FlushOptions): Promise<void> {
  let timer: unknown;
  try {
    const timeoutMs = flushTimeout(options);
    const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
    });
    // Calls settling may lead to further calls: wait until none is left.
    while (pending.size > 0) {
      const outcome = await Promise.race([
        Promise.all(pending.keys()),
        timedOut,
      ]);
      if (outcome === TIMED_OUT) {
        reportUnsettled(new Set(pending.values()), timeoutMs);
        return;
      }
    }
    const unsettled = new Set<string>();
    const waits = processorsToFlush().map(([name, processor]) => {
      unsettled.add(name);
      return Promise.resolve()
        .then(() => processor.flush?.())
        .then(
          () => {
            unsettled.delete(name);
          },
          (error: unknown) => {
            unsettled.delete(name);
            reportError(error, undefined, name);
          },
        );
    });
    if ((await Promise.race([Promise.all(waits), timedOut])) === TIMED_OUT) {
      reportUnsettled(unsettled, timeoutMs);
    }
  } catch (error) {
    reportError(error, undefined, undefined);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

function flushTimeout(options: FlushOptions | undefined): number {
  const timeoutMs = options?.timeoutMs;
  if (timeoutMs === undefined) return DEFAULT_FLUSH_TIMEOUT_MS;
  if (
    typeof timeoutMs === "number" &&
    timeoutMs >= 0 &&
    timeoutMs <= 2_147_483_647
  ) {
    return timeoutMs;
  }
  reportError(
    new RangeError(
      `flush: timeoutMs must be a number of milliseconds from 0 to 2147483647, not ${String(timeoutMs)}; waiting ${DEFAULT_FLUSH_TIMEOUT_MS} ms`,
    ),
    undefined,
    undefined,
  );
  return DEFAULT_FLUSH_TIMEOUT_MS;
}

/** Each processor in use that has a `flush` of its own, once, with the first class it serves. */
function processorsToFlush(): [string, Processor<never>][] {
  const seen = new Set<Processor<never>>();
  const result: [string, Processor<never>][] = [];
  for (const slot of slots) {
    const processor = slot.current;
    if (processor === undefined || seen.has(processor)) continue;
    seen.add(processor);
    if (typeof processor.flush === "function") {
      result.push([slot.context.processorName, processor]);
    }
  }
  return result;
}

function reportUnsettled(
  processorNames: ReadonlySet<string>,
  timeoutMs: number,
): void {
  for (const name of processorNames) {
    reportError(
      new Error(
        `flush() stopped waiting after ${timeoutMs} ms: processor ${name} has not settled`,
      ),
      undefined,
      name,
    );
  }
}

/** The declared keys of a value: of an object's, and of each item's, however deep. */
export interface Shape {
  readonly items?: Shape;
  readonly properties?: { readonly [key: string]: Shape };
}

/** The shapes of an event's properties that hold objects, by property name. */
export type Shapes = { readonly [property: string]: Shape };

/**
 * Copies the properties `shapes` names from `given`, each object with its
 * declared keys only (however deep, arrays item by item), so an undeclared
 * key never reaches a processor. A value of another kind is copied as it is:
 * the checks report it.
 */
export function copyShaped<Value>(
  given: object,
  shapes: Shapes,
): { readonly [property: string]: Value } {
  const copy: { [property: string]: Value } = {};
  for (const name of Object.keys(shapes)) {
    const value: unknown = (given as { readonly [key: string]: unknown })[name];
    if (value !== undefined)
      copy[name] = copyValue(value, shapes[name]!) as Value;
  }
  return copy;
}

function copyValue(value: unknown, shape: Shape): unknown {
  if (Array.isArray(value)) {
    const items = shape.items;
    return items === undefined
      ? value
      : value.map((item: unknown) => copyValue(item, items));
  }
  const properties = shape.properties;
  if (properties === undefined || typeof value !== "object" || value === null) {
    return value;
  }
  const copy: { [key: string]: unknown } = {};
  for (const key of Object.keys(properties)) {
    const member: unknown = (value as { readonly [key: string]: unknown })[key];
    if (member !== undefined) copy[key] = copyValue(member, properties[key]!);
  }
  return copy;
}

/** Identifiers set once for every event (sit.config.yaml's `fromContext`), by field. */
let trackingContext: { readonly [field: string]: unknown } = EMPTY_PROPERTIES;

/**
 * Sets identifiers of the tracking context: a key given replaces its value,
 * `undefined` clears it, a key left out keeps its value.
 */
export function setTrackingContext(context: object): void {
  try {
    if (typeof context !== "object" || context === null) {
      throw new TypeError("setTrackingContext takes an object of identifiers");
    }
    const next: { [field: string]: unknown } = { ...trackingContext };
    for (const field of Object.keys(context)) {
      const value: unknown = (context as { readonly [field: string]: unknown })[
        field
      ];
      if (value === undefined) delete next[field];
      else next[field] = value;
    }
    trackingContext = Object.freeze(next);
  } catch (error) {
    reportError(error, undefined, undefined);
  }
}

/** The tracking context as it is now. */
export function currentContext<Context extends object>(): Context {
  return trackingContext as Context;
}

/** An event needs an identifier the context lacks: it is sent without it. */
export function reportMissingContext(
  eventName: string,
  identifier: string,
): void {
  reportError(
    new Error(
      `the tracking context has no ${identifier}: event ${eventName} is sent without it (call setTrackingContext)`,
    ),
    eventName,
    undefined,
  );
}

/**
 * `trackEvent(name, args)`: calls the event's own function, or reports a name
 * that is no event. The functions never throw.
 */
export function dispatchEvent(
  table: object,
  name: unknown,
  args: unknown,
): void {
  if (
    typeof name === "string" &&
    Object.prototype.hasOwnProperty.call(table, name)
  ) {
    (table as { readonly [name: string]: (args: unknown) => void })[name]!(
      args,
    );
    return;
  }
  const shown =
    typeof name === "string" ? `"${name}"` : `of type ${typeof name}`;
  reportError(
    new TypeError(`unknown event ${shown}`),
    typeof name === "string" ? name : undefined,
    undefined,
  );
}

/**
 * `EVENTS`: each line of JSON is an event's metadata, deeply frozen, with the
 * default processors put back in front of its own trackers.
 */
export function parseCatalog<Catalog>(
  defaultProcessors: readonly string[],
  lines: string,
): Catalog {
  const catalog: Record<string, unknown> = {};
  for (const line of lines.split("\n")) {
    if (line === "") continue;
    const { trackers, ...entry } = JSON.parse(line) as {
      readonly action: string;
      readonly trackers: readonly string[];
    };
    catalog[entry.action] = deepFreeze({
      ...entry,
      processors: [...defaultProcessors, ...trackers],
    });
  }
  return Object.freeze(catalog) as Catalog;
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === "object" && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}
