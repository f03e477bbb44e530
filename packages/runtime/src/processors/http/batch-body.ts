import { utf8ByteLength } from "./utf8-byte-length.js";

/**
 * One event of a batch, serialised once, when it is tracked: `{"event":name,"sentAt":ISO-8601,…}`.
 * Serialising early keeps what the application passed at that moment; the size, measured once,
 * bounds the queue and sizes the bodies sent on page exit.
 */
export interface SerializedEvent {
  readonly json: string;
  /** The UTF-8 length of `json`. */
  readonly bytes: number;
}

export function serializedEvent(json: string): SerializedEvent {
  return { json, bytes: utf8ByteLength(json) };
}

/** The request body of a batch: `{"events":[…]}`. */
export function batchBody(events: readonly SerializedEvent[]): string {
  return `{"events":[${events.map((event) => event.json).join(",")}]}`;
}

const EMPTY_BODY_BYTES = batchBody([]).length;

/** The UTF-8 length of `batchBody(events)`, from the sizes measured when the events were serialised. */
export function batchBodyBytes(events: readonly SerializedEvent[]): number {
  let bytes = EMPTY_BODY_BYTES + Math.max(0, events.length - 1);
  for (const event of events) bytes += event.bytes;
  return bytes;
}

/**
 * A test for taking events in order into one body of at most `maxBytes`: it accepts each event
 * that still fits with those it accepted before, and nothing after the first refusal.
 */
export function fitsInBody(maxBytes: number): (event: SerializedEvent) => boolean {
  // The first event needs no comma.
  let bytes = EMPTY_BODY_BYTES - 1;
  let full = false;
  return (event) => {
    full ||= bytes + 1 + event.bytes > maxBytes;
    if (!full) bytes += 1 + event.bytes;
    return !full;
  };
}
