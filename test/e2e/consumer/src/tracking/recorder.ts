import type { EventPayload, Processor } from "../../generated/index.js";

export interface Call {
  readonly processor: string;
  readonly eventName: string;
  readonly payload: EventPayload;
}

/** Every processor call in order, for the runtime checks to report. */
export const calls: Call[] = [];

export function record(processor: string, eventName: string, payload: EventPayload): void {
  calls.push({ processor, eventName, payload });
}

export const InternalEvents: Processor = {
  trackEvent(eventName, payload) {
    record("InternalEvents", eventName, payload);
  },
};

export const ProductAnalytics: Processor = {
  trackEvent(eventName, payload) {
    record("ProductAnalytics", eventName, payload);
  },
};
