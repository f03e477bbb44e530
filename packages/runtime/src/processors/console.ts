import { identifierId, identifiersOf } from "./payload-identifiers.js";
import type { TrackedPayload, TrackingProcessor } from "./processor-types.js";

export type { ProcessorContext, PropertyValue, TrackedPayload, TrackingProcessor } from "./processor-types.js";

export interface ConsoleProcessorOptions {
  /**
   * `line` (default): `create_snippet user=1 project=2 label="public" value=3`, for reading;
   * `json`: one JSON object per line (`{"event":"create_snippet","user":1,…}`), for tools.
   */
  readonly format?: "line" | "json";
  /** Where each line goes; `console.log` by default. */
  readonly write?: (line: string) => void;
}

/**
 * A processor that prints one line per event, for local development. Identifiers are printed as
 * their id, as the HTTP processor sends them by default; one without an id is left out, never
 * printed whole: logs travel too.
 */
// Rollup and Vite leave the creation out of a bundle whose events never call the processor: creating one changes nothing outside it.
/* @__NO_SIDE_EFFECTS__ */
export function createConsoleProcessor(options: ConsoleProcessorOptions = {}): TrackingProcessor {
  const format = options.format === "json" ? formatJsonLine : formatReadableLine;
  const write = options.write ?? ((line: string) => console.log(line));
  return {
    trackEvent(eventName, payload) {
      write(format(eventName, payload));
    },
  };
}

/** `event_name key=value …`: identifiers by their id, then the properties; strings quoted as JSON. */
function formatReadableLine(eventName: string, payload: TrackedPayload): string {
  const fields: string[] = [];
  for (const { name, value } of identifiersOf(payload)) {
    const id = identifierId(value);
    if (id !== undefined) fields.push(`${name}=${JSON.stringify(id)}`);
  }
  for (const [name, value] of Object.entries(payload.additionalProperties)) fields.push(`${name}=${JSON.stringify(value)}`);
  return fields.length === 0 ? eventName : `${eventName} ${fields.join(" ")}`;
}

/** The HTTP processor's default event shape without its time, so that lines of one run compare equal. */
function formatJsonLine(eventName: string, payload: TrackedPayload): string {
  const event: Record<string, unknown> = { event: eventName };
  for (const { key, value } of identifiersOf(payload)) event[key] = identifierId(value);
  event["additionalProperties"] = payload.additionalProperties;
  // JSON.stringify leaves out the identifiers without an id (undefined).
  return JSON.stringify(event);
}
