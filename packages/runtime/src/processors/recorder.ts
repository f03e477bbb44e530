import type { ProcessorContext, TrackedPayload, TrackingProcessor } from "./processor-types.js";

export type { ProcessorContext, PropertyValue, TrackedPayload, TrackingProcessor } from "./processor-types.js";

/** One call the recorder received. */
export interface RecordedEvent {
  readonly eventName: string;
  /** The tracking class the call was for; `undefined` when the caller passed no context. */
  readonly processorName: string | undefined;
  readonly payload: TrackedPayload;
}

/**
 * A processor that keeps every event in memory, for tests and storybooks. One recorder can stand
 * in for several tracking classes at once: each event records which one received it. Unlike the
 * processors that send or print events, it keeps each payload whole, identifiers included, as the
 * SDK passed it: it is a test tool, and nothing it holds leaves the process.
 */
export interface Recorder extends TrackingProcessor {
  trackEvent(eventName: string, payload: TrackedPayload, context?: ProcessorContext): void;
  /** Every event received since the recorder was created or last cleared, in call order. */
  readonly events: readonly RecordedEvent[];
  /** The events named `eventName`, in call order (empty when there is none). */
  find(eventName: string): RecordedEvent[];
  /** Forgets every recorded event. */
  clear(): void;
}

// Rollup and Vite leave the creation out of a bundle whose events never call the processor: creating one changes nothing outside it.
/* @__NO_SIDE_EFFECTS__ */
export function createRecorder(): Recorder {
  let events: RecordedEvent[] = [];
  return {
    trackEvent(eventName, payload, context) {
      events.push({ eventName, processorName: context?.processorName, payload });
    },
    get events() {
      return events;
    },
    find(eventName) {
      return events.filter((event) => event.eventName === eventName);
    },
    clear() {
      // A new array, so that a copy of `events` taken before keeps what it saw.
      events = [];
    },
  };
}
