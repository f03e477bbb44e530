import { isObject, type ReadBatch, type ReceivedEvent } from "./received-event";

/** The keys of an event of the HTTP processor's batch format that are not identifiers. */
const FORMAT_KEYS = new Set(["event", "sentAt", "additionalProperties"]);

/**
 * The events of a request body of sit's HTTP processor (docs/processors.md, "Batch format"):
 * `{"events":[{"event":…,"sentAt":…,<identifiers>,"additionalProperties":{…}}]}`, also as its
 * page-exit beacon sends it. A body that is not JSON, or not of that form, is refused whole.
 */
export function readHttpBatch(body: string): ReadBatch {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { error: `the body is not JSON (${(error as Error).message})` };
  }
  if (!isObject(parsed) || !Array.isArray(parsed["events"])) return { error: 'the body is not a batch of sit\'s HTTP processor: {"events": [...]}' };
  const events: ReceivedEvent[] = [];
  for (const [index, entry] of (parsed["events"] as readonly unknown[]).entries()) {
    if (!isObject(entry) || typeof entry["event"] !== "string") return { error: `events[${index}] is not an event: an object with the event's name in "event"` };
    const identifiers = new Map<string, unknown>();
    for (const key of Object.keys(entry)) if (!FORMAT_KEYS.has(key)) identifiers.set(key, entry[key]);
    events.push({ processor: "http", event: entry["event"], payload: entry, tracked: { identifiers, additionalProperties: entry["additionalProperties"] }, problems: [] });
  }
  return { events };
}
