import type { RecordedEvent } from "../processors/recorder";

/** Events listed in a failure message at most; a test that tracked more shows the first ones. */
const LISTED_EVENTS = 25;

/**
 * The recorded events as a numbered list for failure messages, one per line:
 * `  1. create_snippet (InternalEvents) {"additionalProperties": {…}, "user": {…}}`.
 */
export function trackedEventsList(events: readonly RecordedEvent[], stringify: (value: unknown) => string): string {
  if (events.length === 0) return "  (nothing was tracked)";
  const lines = events.slice(0, LISTED_EVENTS).map((event, index) => {
    const processor = event.processorName === undefined ? "" : ` (${event.processorName})`;
    return `  ${index + 1}. ${event.eventName}${processor} ${stringify(event.payload)}`;
  });
  if (events.length > LISTED_EVENTS) lines.push(`  … and ${events.length - LISTED_EVENTS} more`);
  return lines.join("\n");
}
