import type { Processor } from "../../generated/index.js";
import { record } from "./recorder.js";

const waiting: (() => void)[] = [];

let settled = 0;

/** Settles only when the test calls `releaseSlow`, so `flush()` can be seen waiting for it. */
export const Slow: Processor = {
  trackEvent(eventName, payload) {
    record("Tracking::Slow", eventName, payload);
    return new Promise<void>((resolve) => {
      waiting.push(() => {
        settled += 1;
        resolve();
      });
    });
  },
};

export function releaseSlow(): void {
  for (const release of waiting.splice(0)) release();
}

/** How many of the slow calls have settled. */
export function settledCount(): number {
  return settled;
}
