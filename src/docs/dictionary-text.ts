import type { DictionaryEvent, DictionaryProperty } from "./dictionary-model";

/** Words both emitters show the same way. */

/** `string | number`, or `number (integer)` for a declared integer. */
export const describeType = (property: DictionaryProperty): string => (property.integer ? `${property.type} (integer)` : property.type);

/** Strings quoted, as a caller writes them. */
export const describeEnumValue = (value: string | number | boolean | null): string => (typeof value === "string" ? JSON.stringify(value) : String(value));

/** `active`, or `removed in 18.3`. */
export function describeStatus(event: DictionaryEvent): string {
  if (event.removal === undefined) return event.status;
  return event.removal.milestone === undefined ? "removed" : `removed in ${event.removal.milestone}`;
}

/** `730 events: 415 internal, 315 legacy; 17 removed`. */
export function summarizeCounts(events: readonly DictionaryEvent[]): string {
  const legacy = events.filter((event) => event.legacy).length;
  const removed = events.filter((event) => event.status === "removed").length;
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;
  return `${plural(events.length, "event")}: ${events.length - legacy} internal, ${legacy} legacy; ${removed} removed`;
}
