import { trace, type AttributeValue, type Attributes } from "@opentelemetry/api";
import { logs, SeverityNumber, type LoggerProvider } from "@opentelemetry/api-logs";
import { eventAttributes } from "./event-attributes.js";
import type { IdentifierScalar } from "./payload-identifiers.js";
import type { ProcessorContext, TrackedPayload, TrackingProcessor } from "./processor-types.js";

export type { ProcessorContext, PropertyValue, TrackedPayload, TrackingProcessor } from "./processor-types.js";

export interface OpenTelemetryProcessorOptions {
  /** Where log records go; by default the global provider (`logs.setGlobalLoggerProvider`). */
  readonly loggerProvider?: LoggerProvider;
  /** The instrumentation scope of the log records (default `sit-tracking`). */
  readonly loggerName?: string;
  /** The records' severity (default INFO). */
  readonly severityNumber?: SeverityNumber;
  /** Also add each event to the active span, when there is one (default true). */
  readonly spanEvents?: boolean;
}

export interface OpenTelemetryProcessor extends TrackingProcessor {
  trackEvent(eventName: string, payload: TrackedPayload, context?: ProcessorContext): void;
}

/**
 * A processor that emits each event as an OpenTelemetry log record (its event name, and
 * attributes named after the identifiers and properties) and as an event on the active span.
 * Exporting is the OpenTelemetry SDK's business, configured by the application.
 */
// Rollup and Vite leave the creation out of a bundle whose events never call the processor: creating one changes nothing outside it.
/* @__NO_SIDE_EFFECTS__ */
export function createOpenTelemetryProcessor(options: OpenTelemetryProcessorOptions = {}): OpenTelemetryProcessor {
  const logger = (options.loggerProvider ?? logs.getLoggerProvider()).getLogger(options.loggerName ?? "sit-tracking");
  const severityNumber = options.severityNumber ?? SeverityNumber.INFO;
  const severityText = SeverityNumber[severityNumber];
  const spanEvents = options.spanEvents ?? true;
  return {
    trackEvent(eventName, payload) {
      const attributes = eventAttributes(payload);
      logger.emit({ eventName, body: eventName, severityNumber, severityText, attributes });
      if (spanEvents) trace.getActiveSpan()?.addEvent(eventName, spanAttributes(attributes));
    },
  };
}

/** Span attributes hold lists of one type only; a mixed list becomes a list of strings. */
function spanAttributes(attributes: Readonly<Record<string, IdentifierScalar | IdentifierScalar[]>>): Attributes {
  const result: Attributes = {};
  for (const [name, value] of Object.entries(attributes)) result[name] = Array.isArray(value) ? uniformList(value) : value;
  return result;
}

function uniformList(values: IdentifierScalar[]): AttributeValue {
  if (values.every((value) => typeof value === "number")) return values;
  if (values.every((value) => typeof value === "boolean")) return values;
  return values.map(String);
}
