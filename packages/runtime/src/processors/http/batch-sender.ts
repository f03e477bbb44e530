import { eventCount } from "../event-count.js";
import { startBackgroundTimer } from "./background-timer.js";
import { batchBody, batchBodyBytes, fitsInBody, type SerializedEvent } from "./batch-body.js";
import { DropOldestQueue } from "./drop-oldest-queue.js";
import type { HttpSettings } from "./http-settings.js";
import { HttpProcessorError, reportTo, type HttpFailureDetails, type HttpFailureReason } from "./http-processor-error.js";
import { isBrowserPage, onPageExit, PAGE_EXIT_LIMIT_BYTES, sendWhileLeaving } from "./page-exit.js";
import { postBatch } from "./post-batch.js";
import { backoffDelayMs } from "./retry-policy.js";

/**
 * Batches sent while the page is open use keepalive, so that one in flight survives navigation,
 * up to this size: the rest of the browsers' keepalive quota stays free for page exit.
 */
const KEEPALIVE_BATCH_LIMIT_BYTES = PAGE_EXIT_LIMIT_BYTES / 2;

/**
 * Sends serialised events to the collector in batches, one request at a time so that batches
 * arrive in order and memory stays bounded: at most `maxQueue` events and `maxQueueBytes` wait,
 * plus the batch in flight. Every event that will not be delivered is counted in `dropped` and
 * reported.
 */
export class BatchSender {
  private readonly queue: DropOldestQueue<SerializedEvent>;
  private readonly inBrowser = isBrowserPage();
  private readonly stopListeningForPageExit: () => void;
  private droppedEvents = 0;
  /** The batch being delivered; page exit may take events from its front while it waits to be retried. */
  private inFlight: readonly SerializedEvent[] = [];
  /** Set while the batch in flight waits to be retried: ends the wait early. */
  private endRetryWait: (() => void) | undefined;
  /** The body of the batch in flight when it is a keepalive request: it counts against the browsers' quota. */
  private keepaliveBytes = 0;
  /** Bodies sent on page exit since the page was last visible: beacons say nothing of when they are done. */
  private pageExitBytes = 0;
  private sending: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set by the timer and by `flush()`: send what waits even if it is less than a batch. */
  private flushDue = false;
  /** Inside a burst of drops (until the queue is next empty): reported once. */
  private overflowing = false;
  private closing: Promise<void> | undefined;
  private reportedAfterShutdown = false;

  constructor(private readonly settings: HttpSettings) {
    this.queue = new DropOldestQueue(settings.maxQueue, settings.maxQueueBytes);
    this.stopListeningForPageExit = onPageExit(
      () => this.sendBeforeLeaving(),
      () => {
        this.pageExitBytes = 0;
      },
    );
  }

  /** Events dropped so far: queue overflow, events too large, rejected or given-up batches, events after shutdown. */
  get dropped(): number {
    return this.droppedEvents;
  }

  /** Events tracked but neither delivered nor dropped yet. */
  get pending(): number {
    return this.queue.size + this.inFlight.length;
  }

  enqueue(eventName: string, event: SerializedEvent): void {
    const { maxQueue, maxQueueBytes } = this.settings;
    if (this.closing !== undefined) {
      this.droppedEvents += 1;
      if (!this.reportedAfterShutdown) {
        this.reportedAfterShutdown = true;
        this.report("after-shutdown", "an event was tracked after shutdown(); it and any later ones are dropped", { events: 1 });
      }
      return;
    }
    if (event.bytes > maxQueueBytes) {
      this.drop("event-too-large", `an event of ${event.bytes} bytes (${eventName}) is larger than maxQueueBytes (${maxQueueBytes}): it is dropped`, { events: 1 });
      return;
    }
    const dropped = this.queue.push(event);
    if (dropped > 0) {
      this.droppedEvents += dropped;
      if (!this.overflowing) {
        this.overflowing = true;
        const bound = this.queue.size >= maxQueue ? `maxQueue ${maxQueue}` : `maxQueueBytes ${maxQueueBytes}`;
        this.report("queue-full", `the queue is full (${bound}): dropping the oldest pending events until it drains`, { events: dropped });
      }
    }
    if (this.batchWaits()) this.startSending();
    else this.startTimer();
  }

  /** Resolves when every event tracked so far has been delivered or dropped. */
  async flush(): Promise<void> {
    this.flushDue = true;
    this.stopTimer();
    while (this.queue.size > 0 || this.sending !== undefined) {
      this.startSending();
      await this.sending;
    }
  }

  /** Flushes, then stops timers and listeners; events tracked from now on are dropped. */
  shutdown(): Promise<void> {
    this.closing ??= this.flush().then(() => {
      this.stopTimer();
      this.stopListeningForPageExit();
    });
    return this.closing;
  }

  private startSending(): void {
    if (this.sending !== undefined) return;
    this.stopTimer();
    this.sending = this.sendWhileDue()
      // Delivery turns every failure into an outcome; what still throws is a bug, never an unhandled rejection.
      .catch((error: unknown) => console.error("sit-tracking http processor: internal error", error))
      .finally(() => {
        this.inFlight = [];
        this.sending = undefined;
        this.startTimer();
      });
  }

  /** A full batch waits: `batchSize` events, or half of `maxQueueBytes`, so that large events leave before they fill the queue. */
  private batchWaits(): boolean {
    return this.queue.size >= this.settings.batchSize || this.queue.bytes * 2 >= this.settings.maxQueueBytes;
  }

  private async sendWhileDue(): Promise<void> {
    while (this.batchWaits() || (this.flushDue && this.queue.size > 0)) {
      this.inFlight = this.queue.take(this.settings.batchSize);
      await this.deliver();
      this.inFlight = [];
    }
    if (this.queue.size === 0) {
      this.flushDue = false;
      this.overflowing = false;
    }
  }

  /** Delivers the batch in flight, retrying as the policy says, until page exit has taken all of it. */
  private async deliver(): Promise<void> {
    const { url, headers, timeoutMs, retry } = this.settings;
    for (let attempt = 1; this.inFlight.length > 0; attempt += 1) {
      const events = this.inFlight;
      const bytes = batchBodyBytes(events);
      const keepalive = this.inBrowser && bytes <= KEEPALIVE_BATCH_LIMIT_BYTES;
      this.keepaliveBytes = keepalive ? bytes : 0;
      const outcome = await postBatch({ url, body: batchBody(events), headers, timeoutMs, keepalive });
      this.keepaliveBytes = 0;
      if (outcome.kind === "delivered") return;
      if (outcome.kind === "rejected") {
        this.drop("rejected", `${eventCount(events.length)} rejected: ${outcome.error.message} (not retried)`, { events: events.length, status: outcome.status });
        return;
      }
      if (attempt >= retry.maxAttempts) {
        const message = `${eventCount(events.length)} dropped after ${attempt} attempts: ${outcome.error.message}`;
        this.drop("retries-exhausted", message, { events: events.length, status: outcome.status, cause: outcome.error });
        return;
      }
      await this.waitBeforeRetry(outcome.retryAfterMs ?? backoffDelayMs(attempt, retry));
    }
  }

  /** Resolves after `delayMs`, or sooner when page exit has taken every event of the batch. */
  private waitBeforeRetry(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      const end = (): void => {
        clearTimeout(timer);
        this.endRetryWait = undefined;
        resolve();
      };
      const timer = startBackgroundTimer(delayMs, end);
      this.endRetryWait = end;
    });
  }

  /**
   * Page exit: timers may never fire again, so the oldest waiting events leave at once in one
   * beacon, as many as the browsers' quota still holds. The rest stay queued: they leave as usual
   * if the page lives on (it was only hidden) and are lost if it is unloaded.
   */
  private sendBeforeLeaving(): void {
    const fits = fitsInBody(PAGE_EXIT_LIMIT_BYTES - this.keepaliveBytes - this.pageExitBytes);
    // A batch waiting to be retried is older than the queue: its events go first.
    const retrying = this.endRetryWait === undefined ? [] : this.inFlight;
    let handedOver = 0;
    while (handedOver < retrying.length && fits(retrying[handedOver]!)) handedOver += 1;
    const events = [...retrying.slice(0, handedOver), ...this.queue.takeWhile(fits)];
    if (handedOver > 0) {
      this.inFlight = retrying.slice(handedOver);
      if (this.inFlight.length === 0) this.endRetryWait?.();
    }
    if (this.queue.size === 0) this.stopTimer();
    if (events.length === 0) return;
    this.pageExitBytes += batchBodyBytes(events);
    sendWhileLeaving(this.settings.url, batchBody(events), this.settings.headers, (error) =>
      this.drop("page-exit", `${eventCount(events.length)} could not be sent while the page was left`, { events: events.length, cause: error }),
    );
  }

  private startTimer(): void {
    if (this.timer !== undefined || this.queue.size === 0 || this.sending !== undefined) return;
    this.timer = startBackgroundTimer(this.settings.flushIntervalMs, () => {
      this.timer = undefined;
      this.flushDue = true;
      this.startSending();
    });
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private drop(reason: HttpFailureReason, message: string, details: HttpFailureDetails): void {
    this.droppedEvents += details.events;
    this.report(reason, message, details);
  }

  private report(reason: HttpFailureReason, message: string, details: HttpFailureDetails): void {
    reportTo(this.settings.onError, new HttpProcessorError(reason, message, details));
  }
}
