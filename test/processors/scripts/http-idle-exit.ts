/**
 * Leaves an HTTP processor with an event waiting for its flush interval and another processor
 * with a batch waiting to be retried, then ends its work: the process must exit at once, since
 * the processors' timers are unref'd. Run by http-process-exit.test.ts; argument: collector URL.
 */
import { createHttpProcessor } from "../../../packages/runtime/src/processors/http";

const url = process.argv[2] ?? "";
const waitingForInterval = createHttpProcessor({ url, flushIntervalMs: 60_000 });
waitingForInterval.trackEvent("view_snippet", { additionalProperties: {} });

const waitingToRetry = createHttpProcessor({ url, batchSize: 1, retry: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
waitingToRetry.trackEvent("create_snippet", { additionalProperties: { seq: 0 } });

process.stdout.write(`pending ${waitingForInterval.pending + waitingToRetry.pending}\n`);
