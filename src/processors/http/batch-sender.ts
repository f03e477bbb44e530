import { eventCount } from "../event-count";
import { startBackgroundTimer } from "./background-timer";
import { batchBody, splitBySize } from "./batch-body";
import { DropOldestQueue } from "./drop-oldest-queue";
import type { HttpSettings } from "./http-settings";
import { HttpProcessorError, type HttpFailureDetails, type HttpFailureReason } from "./http-processor-error";
import { isBrowserPage, onPageExit, PAGE_EXIT_LIMIT_BYTES, sendWhileLeaving } from "./page-exit";
import { postBatch } from "./post-batch";
import { backoffDelayMs } from "./retry-policy";

/** A batch waiting out its backoff; page exit can take its events over. */
interface RetryWait {
  readonly events: readonly string[];
  handOver(): void;
}

/**
 * Sends serialised events to the collector in batches, one request at a time so that batches
 * arrive in order and memory stays bounded: at most `maxQueue` events wait, plus the batch in
 * flight. Every event that will not be delivered is counted in `dropped` and reported.
 */
export class BatchSender {
  private readonly queue: DropOldestQueue<string>;
  private readonly inBrowser = isBrowserPage();
  private readonly stopListeningForPageExit: () => void;
  private droppedEvents = 0;
  private inFlight: readonly string[] = [];
  private retryWait: RetryWait | undefined;
  private sending: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set by the timer and by `flush()`: send what waits even if it is less than a batch. */
  private flushDue = false;
  /** Inside a burst of drops (until the queue is next empty): reported once. */
  private overflowing = false;
  private closing: Promise<void> | undefined;
  private reportedAfterShutdown = false;

  constructor(private readonly settings: HttpSettings) {
    this.queue = new DropOldestQueue(settings.maxQueue);
    this.stopListeningForPageExit = onPageExit(() => this.sendBeforeLeaving());
  }

  /** Events dropped so far: queue overflow, rejected or given-up batches, events after shutdown. */
  get dropped(): number {
    return this.droppedEvents;
  }

  /** Events tracked but neither delivered nor dropped yet. */
  get pending(): number {
    return this.queue.size + this.inFlight.length;
  }

  enqueue(event: string): void {
    if (this.closing !== undefined) {
      this.droppedEvents += 1;
      if (!this.reportedAfterShutdown) {
        this.reportedAfterShutdown = true;
        this.report("after-shutdown", "an event was tracked after shutdown(); it and any later ones are dropped", { events: 1 });
      }
      return;
    }
    if (this.queue.push(event)) {
      this.droppedEvents += 1;
      if (!this.overflowing) {
        this.overflowing = true;
        this.report("queue-full", `the queue is full (maxQueue ${this.settings.maxQueue}): dropping the oldest pending events until it drains`, { events: 1 });
      }
    }
    if (this.queue.size >= this.settings.batchSize) this.startSending();
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

  private async sendWhileDue(): Promise<void> {
    while (this.queue.size >= this.settings.batchSize || (this.flushDue && this.queue.size > 0)) {
      this.inFlight = this.queue.take(this.settings.batchSize);
      await this.deliver(this.inFlight);
      this.inFlight = [];
    }
    if (this.queue.size === 0) {
      this.flushDue = false;
      this.overflowing = false;
    }
  }

  private async deliver(events: readonly string[]): Promise<void> {
    const { url, headers, timeoutMs, retry } = this.settings;
    const body = batchBody(events);
    // A keepalive request outlives the page, so a batch in flight is not lost to navigation.
    const keepalive = this.inBrowser && body.length * 3 <= PAGE_EXIT_LIMIT_BYTES;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await postBatch({ url, body, headers, timeoutMs, keepalive });
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
      const handedOver = await this.waitBeforeRetry(events, outcome.retryAfterMs ?? backoffDelayMs(attempt, retry));
      if (handedOver) return;
    }
  }

  /** Resolves after `delayMs`, or at once with `true` when page exit took the events over. */
  private waitBeforeRetry(events: readonly string[], delayMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = startBackgroundTimer(delayMs, () => {
        this.retryWait = undefined;
        resolve(false);
      });
      this.retryWait = {
        events,
        handOver: () => {
          clearTimeout(timer);
          this.retryWait = undefined;
          resolve(true);
        },
      };
    });
  }

  /** Page exit: timers will not fire again, so everything waiting leaves now, as beacons. */
  private sendBeforeLeaving(): void {
    const waiting = this.retryWait;
    const events = [...(waiting?.events ?? []), ...this.queue.takeAll()];
    waiting?.handOver();
    this.stopTimer();
    if (events.length === 0) return;
    const { batches, oversized } = splitBySize(events, PAGE_EXIT_LIMIT_BYTES);
    if (oversized > 0) this.drop("page-exit", `${eventCount(oversized)} could not be sent while the page was left: larger than a beacon can carry`, { events: oversized });
    for (const batch of batches) {
      sendWhileLeaving(this.settings.url, batchBody(batch), this.settings.headers, (error) =>
        this.drop("page-exit", `${eventCount(batch.length)} could not be sent while the page was left`, { events: batch.length, cause: error }),
      );
    }
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
    try {
      this.settings.onError(new HttpProcessorError(reason, message, details));
    } catch (handlerError) {
      console.error("sit-tracking http processor: onError threw", handlerError);
    }
  }
}
