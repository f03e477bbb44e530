import { BatchSender } from "./http/batch-sender.js";
import { eventSerializer } from "./http/event-json.js";
import { reportTo } from "./http/http-processor-error.js";
import { resolveHttpSettings, type HttpProcessorOptions } from "./http/http-settings.js";
import type { ProcessorContext, TrackedPayload, TrackingProcessor } from "./processor-types.js";

export type { ProcessorContext, PropertyValue, TrackedPayload, TrackingProcessor } from "./processor-types.js";
export type { HttpProcessorOptions } from "./http/http-settings.js";
export type { RetryOptions } from "./http/retry-policy.js";
export { HttpProcessorError, type HttpFailureReason } from "./http/http-processor-error.js";
export { identifierId, type IdentifierScalar, type IdentifierValue } from "./payload-identifiers.js";

/**
 * A processor that POSTs events to a collector in JSON batches,
 * `{ "events": [{ "event": name, "sentAt": ISO-8601, ...identifiers, "additionalProperties": {…} }] }`,
 * each identifier as its id unless the `identifiers` option says otherwise.
 */
export interface HttpProcessor extends TrackingProcessor {
  /** Queues the event and returns at once: delivery is the processor's own business, see `flush()`. */
  trackEvent(eventName: string, payload: TrackedPayload, context?: ProcessorContext): void;
  /** Resolves when every event tracked so far has been delivered or dropped; never rejects. */
  flush(): Promise<void>;
  /** Flushes, then stops the processor's timers and listeners; events tracked later are dropped. */
  shutdown(): Promise<void>;
  /** Events that will never be delivered (queue overflow, too large, rejected or given-up batches, after shutdown). */
  readonly dropped: number;
  /** Events tracked and neither delivered nor dropped yet. */
  readonly pending: number;
}

/**
 * Creates an HTTP processor: batches by count and time, a queue bounded in events and in bytes
 * that drops the oldest events when full, retries with backoff and jitter, `sendBeacon` when a
 * page is left. It uses the platform's own `fetch` (Node.js 20, browsers) and its timers never
 * keep a process alive.
 */
// Rollup and Vite leave the creation out of a bundle whose events never call the processor: creating one changes nothing outside it.
/* @__NO_SIDE_EFFECTS__ */
export function createHttpProcessor(options: HttpProcessorOptions): HttpProcessor {
  const settings = resolveHttpSettings(options);
  const sender = new BatchSender(settings);
  const serialize = eventSerializer(settings.identifiers, (error) => reportTo(settings.onError, error));
  return {
    trackEvent(eventName, payload) {
      sender.enqueue(eventName, serialize(eventName, payload, new Date()));
    },
    flush: () => sender.flush(),
    shutdown: () => sender.shutdown(),
    get dropped() {
      return sender.dropped;
    },
    get pending() {
      return sender.pending;
    },
  };
}
