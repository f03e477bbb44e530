// A processor: copy next to your code, name it in sit.config.yaml under `processors`, and list it
// in `defaultProcessors` or in an event's `extra_trackers`.
import type { EventPayload, Processor } from "../generated/index.js";

export const ConsoleProcessor: Processor = {
  trackEvent(eventName: string, payload: EventPayload): void {
    console.log(`[tracking] ${eventName}`, payload);
  },
};
