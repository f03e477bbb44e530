import { DEFAULT_PROCESSORS_STEM } from "../model/build-model";
import { pascalCase } from "../model/names";
import { IDENTIFIERS, type IdentifierName } from "../validate/vocabulary";

/**
 * The names the generated SDK declares for its own API. The emitters write them from here, and
 * validation keeps an action from generating one of them (`event` would give `trackEvent`).
 */
export const SDK_API = {
  trackEvent: "trackEvent",
  configureTracking: "configureTracking",
  resetTracking: "resetTracking",
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

/** The files of the SDK, relative to the output folder. */
export const SDK_FILES = {
  index: "index.ts",
  runtime: "runtime.ts",
  catalog: "catalog.ts",
  validation: "validation.ts",
  /** The fixed runtime, copied from src/sdk/. */
  core: "core.ts",
  /** The fixed checks of `checkEvents`, copied from src/sdk/. */
  checks: "checks.ts",
} as const;

/** The runtime function every event calls first: it calls each default processor in turn. */
export const DEFAULT_SENDER = `sendTo${DEFAULT_PROCESSORS_STEM}`;

const IDENTIFIER_TYPE_NAMES: ReadonlyMap<string, string> = new Map(IDENTIFIERS.map((identifier) => [identifier, `${pascalCase(identifier)}Identifier`]));

/** `UserIdentifier`: the type callers identify an event's `user` with. */
export const identifierTypeName = (identifier: IdentifierName): string => IDENTIFIER_TYPE_NAMES.get(identifier)!;
