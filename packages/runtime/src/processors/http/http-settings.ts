import type { IdentifierMapping } from "./event-json.js";
import type { HttpProcessorError } from "./http-processor-error.js";
import { pageHref } from "./page-exit.js";
import { DEFAULT_RETRY_POLICY, type RetryOptions, type RetryPolicy } from "./retry-policy.js";

export interface HttpProcessorOptions {
  /** The collector's endpoint (a string or a `URL`); in a browser it may be relative to the page. */
  readonly url: string | { readonly href: string };
  /** Sent with every request (`Content-Type: application/json` is always set). */
  readonly headers?: Readonly<Record<string, string>>;
  /** A batch leaves as soon as this many events wait (default 50). */
  readonly batchSize?: number;
  /** …or at the latest this long after the first of them was tracked (default 5000 ms). */
  readonly flushIntervalMs?: number;
  /** Events waiting at most; beyond it the oldest are dropped and counted (default 10,000). */
  readonly maxQueue?: number;
  /**
   * Bytes of events waiting at most, counted as sent (UTF-8 JSON); beyond it the oldest are
   * dropped and counted, and an event larger than this on its own is dropped (default 4 MiB).
   */
  readonly maxQueueBytes?: number;
  /**
   * What each identifier becomes in the request body. By default its id, see `identifierId`: a
   * string, number or boolean as it is, an object as its `id`, a list as its ids; an identifier
   * with no id is left out (and reported once per name), never sent whole. Set this to send more
   * or less: it receives the identifier's key in the payload (`user`, `project`, `namespace`,
   * `featureEnabledByNamespaceIds`) and the value the application passed, and returns what to
   * send (as `JSON.stringify` writes it; `undefined` leaves the identifier out). When it throws or
   * returns what JSON cannot hold, the identifier is left out and reported once per name.
   */
  readonly identifiers?: (name: string, value: unknown) => unknown;
  /** How failed batches are retried; `false` sends each batch once. */
  readonly retry?: RetryOptions | false;
  /** A request that has not been answered after this long counts as failed (default 10,000 ms). */
  readonly timeoutMs?: number;
  /** Hears about every event that will not be delivered; by default they are logged with `console.error`. */
  readonly onError?: (error: HttpProcessorError) => void;
}

export interface HttpSettings {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly batchSize: number;
  readonly flushIntervalMs: number;
  readonly maxQueue: number;
  readonly maxQueueBytes: number;
  readonly identifiers: IdentifierMapping | undefined;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly onError: (error: HttpProcessorError) => void;
}

const logError = (error: HttpProcessorError): void => console.error(`sit-tracking http processor: ${error.message}`);

/** The options with their defaults; a wrong option throws at creation, not at the first event. */
export function resolveHttpSettings(options: HttpProcessorOptions): HttpSettings {
  return {
    url: resolveUrl(options.url),
    headers: { ...options.headers },
    batchSize: positiveInteger("batchSize", options.batchSize, 50),
    flushIntervalMs: nonNegative("flushIntervalMs", options.flushIntervalMs, 5000),
    maxQueue: positiveInteger("maxQueue", options.maxQueue, 10_000),
    maxQueueBytes: positiveInteger("maxQueueBytes", options.maxQueueBytes, 4 * 1024 * 1024),
    identifiers: resolveIdentifiers(options.identifiers),
    retry: resolveRetry(options.retry),
    timeoutMs: positive("timeoutMs", options.timeoutMs, 10_000),
    onError: options.onError ?? logError,
  };
}

function resolveUrl(url: string | { readonly href: string } | undefined): string {
  const text = typeof url === "object" && url !== null ? url.href : url;
  if (text === undefined || text === "") throw new TypeError("createHttpProcessor: `url` is required (the collector's endpoint)");
  try {
    return new URL(text, pageHref()).href;
  } catch {
    throw new TypeError(`createHttpProcessor: \`url\` ${JSON.stringify(String(text))} is not a valid URL`);
  }
}

function resolveIdentifiers(identifiers: IdentifierMapping | undefined): IdentifierMapping | undefined {
  if (identifiers !== undefined && typeof identifiers !== "function") throw new TypeError(`createHttpProcessor: \`identifiers\` must be a function (name, value) => value to send, not ${JSON.stringify(identifiers)}`);
  return identifiers;
}

function resolveRetry(retry: RetryOptions | false | undefined): RetryPolicy {
  if (retry === false) return { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };
  return {
    maxAttempts: positiveInteger("retry.maxAttempts", retry?.maxAttempts, DEFAULT_RETRY_POLICY.maxAttempts),
    initialDelayMs: nonNegative("retry.initialDelayMs", retry?.initialDelayMs, DEFAULT_RETRY_POLICY.initialDelayMs),
    maxDelayMs: nonNegative("retry.maxDelayMs", retry?.maxDelayMs, DEFAULT_RETRY_POLICY.maxDelayMs),
  };
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`createHttpProcessor: \`${name}\` must be a whole number of at least 1, not ${value}`);
  return value;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`createHttpProcessor: \`${name}\` must be a number above 0, not ${value}`);
  return value;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`createHttpProcessor: \`${name}\` must be a number of at least 0, not ${value}`);
  return value;
}
