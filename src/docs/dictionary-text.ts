import { SDK_API } from "../naming/sdk-api";
import type { DictionaryEvent, DictionaryProperty } from "./dictionary-model";

/** Words both emitters show the same way. */

/** `string | number`, or `number (integer)` for a declared integer. */
export const describeType = (property: DictionaryProperty): string => (property.integer ? `${property.type} (integer)` : property.type);

/** `yes`, `no`, or a dash for an array's items, which are there whenever the array is. */
export const describeRequired = (property: DictionaryProperty): string => (property.required === undefined ? "—" : property.required ? "yes" : "no");

/** Strings quoted, as a caller writes them. */
export const describeEnumValue = (value: string | number | boolean | null): string => (typeof value === "string" ? JSON.stringify(value) : String(value));

/** How an identifier reaches an event: in the arguments of each call, or from the tracking context, set once with the function named in code. */
export const PER_CALL_WORDS = "passed to each call";
export const FROM_CONTEXT_WORDS = "set once with";
export const CONTEXT_FUNCTION = SDK_API.setTrackingContext;

/** `18.0`, `unknown` for a definition's `milestone: null`, undefined when it has none. */
export const describeMilestone = (event: DictionaryEvent): string | undefined => (event.milestone === null ? "unknown" : event.milestone);

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
