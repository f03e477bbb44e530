/** The stem of `sendToDefaultProcessors`, which no processor's own sender may take. */
export const DEFAULT_PROCESSORS_STEM = "DefaultProcessors";

/**
 * The names the generated SDK declares for its own API. The emitters write them from here, and
 * validation keeps an action from generating one of them (`event` would give `trackEvent`).
 */
export const SDK_API = {
  trackEvent: "trackEvent",
  configureTracking: "configureTracking",
  resetTracking: "resetTracking",
  setTrackingContext: "setTrackingContext",
  TrackingContext: "TrackingContext",
  flush: "flush",
  FlushOptions: "FlushOptions",
  EVENTS: "EVENTS",
  checkEvents: "checkEvents",
  EventName: "EventName",
  EventArgs: "EventArgs",
  TrackEventArguments: "TrackEventArguments",
  EventPayload: "EventPayload",
  EventMetadata: "EventMetadata",
  EventCatalog: "EventCatalog",
  EventValidator: "EventValidator",
  Processor: "Processor",
  ProcessorContext: "ProcessorContext",
  ProcessorName: "ProcessorName",
  PropertyValue: "PropertyValue",
  TrackingOptions: "TrackingOptions",
  TrackingErrorContext: "TrackingErrorContext",
} as const;

export const SDK_API_NAMES: ReadonlySet<string> = new Set(Object.values(SDK_API));

/** How the runtime function that calls one processor is named: `sendToInternalEvents`. */
export const SENDER_PREFIX = "sendTo";

/** The runtime function every event calls first: it calls each default processor in turn. */
export const DEFAULT_SENDER = `${SENDER_PREFIX}${DEFAULT_PROCESSORS_STEM}`;

/**
 * The values index.ts declares or imports for its own use, besides the API and the senders
 * (`sendTo…`): an event's own function name may not be one of them.
 */
export const INDEX_INTERNAL_NAMES: ReadonlySet<string> = new Set([
  "checkArgs",
  "copyShaped",
  "currentContext",
  "dispatchEvent",
  "reportError",
  "reportMissingContext",
  "runtime",
]);
