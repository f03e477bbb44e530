import { buildStructEvent, newTracker, type Tracker } from "@snowplow/node-tracker";
import { eventCount } from "./event-count.js";
import type { ProcessorContext, TrackedPayload, TrackingProcessor } from "./processor-types.js";
import { GITLAB_STANDARD_CONTEXT_SCHEMA, standardContextData, structuredEventFields } from "./snowplow-event.js";

export type { ProcessorContext, PropertyValue, TrackedPayload, TrackingProcessor } from "./processor-types.js";
export { GITLAB_STANDARD_CONTEXT_SCHEMA } from "./snowplow-event.js";

export interface SnowplowProcessorOptions {
  /** The collector, e.g. `https://snowplow.example.com` (events are POSTed to its `postPath`). */
  readonly collectorUrl: string;
  readonly appId: string;
  /** The structured event's category (default `InternalEventTracking`, as GitLab's internal events). */
  readonly category?: string;
  /** The tracker namespace (default `sit`). */
  readonly namespace?: string;
  /** The schema of the context entity (default GitLab's standard context, {@link GITLAB_STANDARD_CONTEXT_SCHEMA}). */
  readonly contextSchema?: string;
  /** The context's `environment` (default `production` when NODE_ENV is, else `development`). */
  readonly environment?: string;
  /** The context's `source`, the system that sends the events (default: the `appId`). */
  readonly source?: string;
  /** Events sent together in one request (default 10, the Node tracker's). */
  readonly bufferSize?: number;
  /** Base64-encode the contexts (`cx`, default) or send them as JSON (`co`). */
  readonly encodeBase64?: boolean;
  /** The collector's path (default `/com.snowplowanalytics.snowplow/tp2`). */
  readonly postPath?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Hears about requests the collector did not accept; by default they are logged with `console.error`. */
  readonly onError?: (error: Error) => void;
}

export interface SnowplowProcessor extends TrackingProcessor {
  trackEvent(eventName: string, payload: TrackedPayload, context?: ProcessorContext): void;
  /** Sends every buffered event; resolves when the requests have been answered (never rejects). */
  flush(): Promise<void>;
  /** Flushes; events tracked from now on are dropped (and reported once). */
  shutdown(): Promise<void>;
  /** Snowplow's tracker, for what sit does not cover (`setDomainUserId`, other event types). */
  readonly tracker: Tracker;
}

/** A processor that sends each event as GitLab sends internal events, through Snowplow's Node.js tracker. */
// Rollup and Vite leave the creation out of a bundle whose events never call the processor: creating one changes nothing outside it.
/* @__NO_SIDE_EFFECTS__ */
export function createSnowplowProcessor(options: SnowplowProcessorOptions): SnowplowProcessor {
  const onError = options.onError ?? ((error: Error) => console.error(`sit-tracking snowplow processor: ${error.message}`));
  const bufferSize = options.bufferSize ?? 10;
  const tracker = newTracker(
    { namespace: options.namespace ?? "sit", appId: options.appId, encodeBase64: options.encodeBase64 ?? true },
    {
      endpoint: options.collectorUrl,
      ...(options.postPath === undefined ? {} : { postPath: options.postPath }),
      customHeaders: { ...options.headers },
      // The processor decides when to send, so that flush() can wait for every request.
      bufferSize: Number.MAX_SAFE_INTEGER,
      onRequestFailure: (failure) => {
        const retry = failure.willRetry ? "; they stay buffered for the next flush" : "";
        onError(new Error(`the collector did not accept ${eventCount(failure.events.length)} (${failure.status ?? failure.message ?? "no answer"})${retry}`));
      },
    },
  );
  const category = options.category ?? "InternalEventTracking";
  const contextSchema = options.contextSchema ?? GITLAB_STANDARD_CONTEXT_SCHEMA;
  const contextSettings = { environment: options.environment ?? defaultEnvironment(), source: options.source ?? options.appId };
  let buffered = 0;
  let sending: Promise<void> = Promise.resolve();
  let shutDown: Promise<void> | undefined;
  let reportedAfterShutdown = false;

  // One flush at a time: the tracker's own flush returns at once while another is running.
  const flush = (): Promise<void> => {
    buffered = 0;
    sending = sending.then(() => tracker.flush());
    return sending;
  };

  return {
    tracker,
    trackEvent(eventName, payload) {
      if (shutDown !== undefined) {
        if (!reportedAfterShutdown) onError(new Error("an event was tracked after shutdown(); it and any later ones are dropped"));
        reportedAfterShutdown = true;
        return;
      }
      const event = buildStructEvent(structuredEventFields(category, eventName, payload.additionalProperties));
      tracker.track(event, [{ schema: contextSchema, data: standardContextData(payload, contextSettings) }]);
      buffered += 1;
      if (buffered >= bufferSize) void flush();
    },
    flush,
    shutdown() {
      shutDown ??= flush();
      return shutDown;
    },
  };
}

function defaultEnvironment(): string {
  const nodeEnv = typeof process === "object" ? process.env["NODE_ENV"] : undefined;
  return nodeEnv === "production" ? "production" : "development";
}
