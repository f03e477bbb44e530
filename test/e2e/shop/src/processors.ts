import type { EventPayload, Processor, ProcessorContext } from "../generated/index.js";

/** What the processors received, in order. */
export const received: { readonly processor: string; readonly eventName: string; readonly payload: EventPayload }[] = [];

const recorder = (processor: string): Processor => ({
  trackEvent(eventName: string, payload: EventPayload, context: ProcessorContext): void {
    received.push({ processor: `${processor}:${context.processorName}`, eventName, payload });
  },
});

export const Collector = recorder("Collector");
export const Audit = recorder("Audit");
