import type { RecordedEvent } from "../processors/recorder.js";

/** Events listed in a failure message at most; a test that tracked more shows the first ones. */
const LISTED_EVENTS = 25;

/**
 * The recorded events as a numbered list for failure messages, one line each, the payload as
 * compact JSON in the order the SDK built it (Jest and Vitest would print it over many lines):
 * `  1. create_snippet (InternalEvents) {"user":{"id":7},"additionalProperties":{"label":"public"}}`.
 */
export function trackedEventsList(events: readonly RecordedEvent[]): string {
  if (events.length === 0) return "  (nothing was tracked)";
  const lines = events.slice(0, LISTED_EVENTS).map((event, index) => {
    const processor = event.processorName === undefined ? "" : ` (${event.processorName})`;
    return `  ${index + 1}. ${event.eventName}${processor} ${compactJson(event.payload)}`;
  });
  if (events.length > LISTED_EVENTS) lines.push(`  … and ${events.length - LISTED_EVENTS} more`);
  return lines.join("\n");
}

/** JSON on one line; values JSON cannot hold (bigint, cycles) are shown as text instead. */
function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? `${item}n` : item));
  } catch {
    return String(value);
  }
}
