import type { EventPayload } from "../../generated/index.js";
import { record } from "./recorder.js";

/** A class with a static trackEvent, as GitLab's tracking classes are. */
export class AiTracking {
  static async trackEvent(eventName: string, payload: EventPayload): Promise<void> {
    record("Gitlab::Tracking::AiTracking", eventName, payload);
    await Promise.resolve();
  }
}
