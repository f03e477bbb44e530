import { identifierId, identifiersOf } from "../payload-identifiers.js";
import type { TrackedPayload } from "../processor-types.js";
import { serializedEvent, type SerializedEvent } from "./batch-body.js";
import { HttpProcessorError } from "./http-processor-error.js";

/** The `identifiers` option: what to send for an identifier (`undefined`: leave it out). */
export type IdentifierMapping = (name: string, value: unknown) => unknown;

export type EventSerializer = (eventName: string, payload: TrackedPayload, sentAt: Date) => SerializedEvent;

/**
 * Serialises events as the HTTP processor sends them, `{"event":…,"sentAt":…,<identifiers>,"additionalProperties":…}`,
 * each identifier as `mapping` says or, without one, as its id. An identifier that cannot be
 * written (no id; the mapping threw or returned what JSON cannot hold) is left out of the event,
 * never sent whole, and reported once per identifier name: every event would repeat it.
 */
export function eventSerializer(mapping: IdentifierMapping | undefined, report: (error: HttpProcessorError) => void): EventSerializer {
  const reported = new Set<string>();
  const leaveOut = (name: string, problem: string, cause?: unknown): undefined => {
    if (reported.has(name)) return undefined;
    reported.add(name);
    report(new HttpProcessorError("identifier-omitted", `the identifier ${name} ${problem}: it is left out of the events where this happens (reported once)`, { events: 0, cause }));
    return undefined;
  };
  const identifierJson = (name: string, value: unknown): string | undefined => {
    if (mapping === undefined) {
      const id = identifierId(value);
      return id === undefined ? leaveOut(name, "has no id (a string, number or boolean, or an object with such an `id`; the `identifiers` option can send something else)") : JSON.stringify(id);
    }
    try {
      // A mapping that returns undefined leaves the identifier out, as JSON.stringify does.
      return JSON.stringify(mapping(name, value));
    } catch (error) {
      return leaveOut(name, `could not be written by the \`identifiers\` option (${messageOf(error)})`, error);
    }
  };
  return (eventName, payload, sentAt) => {
    const members = [`"event":${JSON.stringify(eventName)}`, `"sentAt":"${sentAt.toISOString()}"`];
    for (const { key, value } of identifiersOf(payload)) {
      const json = identifierJson(key, value);
      if (json !== undefined) members.push(`${JSON.stringify(key)}:${json}`);
    }
    members.push(`"additionalProperties":${JSON.stringify(payload.additionalProperties)}`);
    return serializedEvent(`{${members.join(",")}}`);
  };
}

function messageOf(error: unknown): string {
  const message: unknown = typeof error === "object" && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : String(error);
}
