import type { TrackedPayload } from "../processor-types";

/**
 * One event of a batch, serialised when it is tracked: `{"event":name,"sentAt":ISO-8601,…payload}`.
 * Serialising early keeps what the application passed at that moment and lets a batch be sized.
 */
export function serializeEvent(eventName: string, payload: TrackedPayload, sentAt: Date): string {
  return JSON.stringify({ event: eventName, sentAt: sentAt.toISOString(), ...payload });
}

/** The request body of a batch: `{"events":[…]}`. */
export function batchBody(events: readonly string[]): string {
  return `{"events":[${events.join(",")}]}`;
}

const EMPTY_BODY_BYTES = batchBody([]).length;
const encoder = new TextEncoder();

export interface SizedBatches {
  /** Groups of events whose bodies fit the limit, in order. */
  readonly batches: string[][];
  /** Events that do not fit the limit even alone. */
  readonly oversized: number;
}

/** Splits `events` into consecutive batches whose body is at most `maxBytes` bytes (UTF-8). */
export function splitBySize(events: readonly string[], maxBytes: number): SizedBatches {
  const batches: string[][] = [];
  let current: string[] = [];
  let currentBytes = EMPTY_BODY_BYTES;
  let oversized = 0;
  for (const event of events) {
    const bytes = encoder.encode(event).byteLength + 1;
    if (EMPTY_BODY_BYTES + bytes > maxBytes) {
      oversized += 1;
      continue;
    }
    if (currentBytes + bytes > maxBytes) {
      batches.push(current);
      current = [];
      currentBytes = EMPTY_BODY_BYTES;
    }
    current.push(event);
    currentBytes += bytes;
  }
  if (current.length > 0) batches.push(current);
  return { batches, oversized };
}
