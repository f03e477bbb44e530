import type { EventPayload, Processor } from "../generated/index.js";

/** What the processor received, in order: the payloads as the application passed them. */
export const received: { readonly eventName: string; readonly payload: EventPayload }[] = [];

export const Segment: Processor = {
  trackEvent(eventName: string, payload: EventPayload): void {
    received.push({ eventName, payload });
  },
};
