import type { EventPayload, Processor } from "./generated/index.js";

/** Records what it receives, as a test processor would. */
export const received: { processor: string; eventName: string; payload: EventPayload }[] = [];

export const InternalEvents: Processor = {
  trackEvent(eventName, payload) {
    received.push({ processor: "InternalEvents", eventName, payload });
  },
};

export class ContributionAnalyticsTracking {
  static trackEvent(eventName: string, payload: EventPayload): void {
    received.push({ processor: "ContributionAnalyticsTracking", eventName, payload });
  }
}
