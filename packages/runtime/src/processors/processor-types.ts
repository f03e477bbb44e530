/**
 * The shapes a built-in processor works with, written structurally so that every processor is
 * assignable to the `Processor` interface of any generated SDK, whatever identifier types the
 * application's config chose.
 */

/**
 * The value of an additional property, as the generated SDK passes it: a string, number or boolean
 * under GitLab's plan; under a team's own also null, a list or an object, and for a property of
 * `type: any` whatever the caller passed. A processor accepts them all, so that it is a
 * `Processor` of every generated SDK.
 */
export type PropertyValue = unknown;

/**
 * What the generated SDK passes to a processor: the event's identifiers, whose types the
 * application's config chooses (by default `{ id: string | number }`), and the additional
 * properties meant for this processor.
 */
export interface TrackedPayload {
  readonly user?: unknown;
  readonly project?: unknown;
  readonly namespace?: unknown;
  readonly featureEnabledByNamespaceIds?: unknown;
  readonly additionalProperties: Readonly<Record<string, PropertyValue>>;
}

/** Which tracking class of the config a call is for (the generated SDK's third argument). */
export interface ProcessorContext {
  readonly processorName: string;
}

/** A processor as the generated SDK calls it; the context is optional so that calls by hand work too. */
export interface TrackingProcessor {
  trackEvent(eventName: string, payload: TrackedPayload, context?: ProcessorContext): void | Promise<void>;
}
