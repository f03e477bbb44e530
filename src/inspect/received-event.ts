/** The built-in processors whose requests `sit inspect` receives, named after their protocol. */
export type ProcessorKind = "http" | "snowplow";

/** One event as a receiver read it from a request, before it is checked. */
export interface ReceivedEvent {
  readonly processor: ProcessorKind;
  /** The event's name, as the request names it. */
  readonly event: string;
  /** The event as it arrived (Snowplow's contexts decoded): what `GET /sit/events` and the page show. */
  readonly payload: unknown;
  /**
   * What the processor was handed, read back from what arrived; `undefined` when the request
   * holds no internal event (a Snowplow page view), which `problems` then says.
   */
  readonly tracked: TrackedPayloadView | undefined;
  /** What is wrong with the event's form itself, found by the receiver. */
  readonly problems: readonly string[];
}

/** A payload as processors receive it: identifiers at the top level, `additionalProperties`. */
export interface TrackedPayloadView {
  /** Each identifier sent, by payload key (`user`, `featureEnabledByNamespaceIds`); `null` when sent as null. */
  readonly identifiers: ReadonlyMap<string, unknown>;
  readonly additionalProperties: unknown;
}

/** What a receiver made of a request body: its events, or why it is no batch at all (nothing is kept then). */
export type ReadBatch = { readonly events: readonly ReceivedEvent[] } | { readonly error: string };

export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
