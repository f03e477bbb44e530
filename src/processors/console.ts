import { identifierId, identifiersOf } from "./payload-identifiers";
import type { TrackedPayload, TrackingProcessor } from "./processor-types";

export type { ProcessorContext, PropertyValue, TrackedPayload, TrackingProcessor } from "./processor-types";

export interface ConsoleProcessorOptions {
  /**
   * `line` (default): `create_snippet user=1 project=2 label="public" value=3`, for reading;
   * `json`: one JSON object per line (`{"event":"create_snippet","user":{"id":1},…}`), for tools.
   */
  readonly format?: "line" | "json";
  /** Where each line goes; `console.log` by default. */
  readonly write?: (line: string) => void;
}

/** A processor that prints one line per event, for local development. */
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
  const fields = identifiersOf(payload).map(({ name, value }) => `${name}=${JSON.stringify(identifierId(value) ?? value)}`);
  for (const [name, value] of Object.entries(payload.additionalProperties)) fields.push(`${name}=${JSON.stringify(value)}`);
  return fields.length === 0 ? eventName : `${eventName} ${fields.join(" ")}`;
}

/** The HTTP processor's event shape without its time, so that lines of one run compare equal. */
function formatJsonLine(eventName: string, payload: TrackedPayload): string {
  return JSON.stringify({ event: eventName, ...payload });
}
