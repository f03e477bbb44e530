import type { Processor } from "../../generated/index.js";
import { record } from "./recorder.js";

export const Throwing: Processor = {
  trackEvent(eventName, payload) {
    record("Tracking::Throwing", eventName, payload);
    throw new Error(`Throwing failed on ${eventName}`);
  },
};

export const Rejecting: Processor = {
  trackEvent(eventName, payload) {
    record("Tracking::Rejecting", eventName, payload);
    return Promise.reject(new Error(`Rejecting failed on ${eventName}`));
  },
};
