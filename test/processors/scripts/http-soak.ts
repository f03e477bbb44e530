/**
 * Tracks 100,000 events through one HTTP processor and prints heap figures as JSON. Run by
 * http-soak.test.ts with --expose-gc, against a collector whose URL is the first argument.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { createHttpProcessor } from "../../../packages/runtime/src/processors/http";

const EVENTS = 100_000;
const CHUNK = 1000;
const SAMPLE_EVERY = 10_000;

function heapAfterCollection(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function main(url: string): Promise<void> {
  const errors: string[] = [];
  const processor = createHttpProcessor({ url, batchSize: 500, maxQueue: 10_000, flushIntervalMs: 50, retry: { initialDelayMs: 5, maxDelayMs: 20 }, onError: (error) => errors.push(error.reason) });
  // Warm up code paths and the connection pool so that they do not count as growth.
  processor.trackEvent("warm_up", { additionalProperties: {} });
  await processor.flush();
  const before = heapAfterCollection();
  let peak = before;
  const started = performance.now();
  for (let seq = 0; seq < EVENTS; seq += 1) {
    processor.trackEvent("create_snippet", { user: { id: seq % 97 }, project: { id: 42 }, additionalProperties: { seq, label: "public", language: "typescript" } });
    if (seq % CHUNK === CHUNK - 1) await nextTurn();
    // What the processor retains, garbage collected first, while the queue is at its fullest.
    if (seq % SAMPLE_EVERY === SAMPLE_EVERY - 1) peak = Math.max(peak, heapAfterCollection());
  }
  await processor.flush();
  const elapsedMs = performance.now() - started;
  const after = heapAfterCollection();
  await processor.shutdown();
  process.stdout.write(`${JSON.stringify({ before, after, peak, elapsedMs, dropped: processor.dropped, pending: processor.pending, errors })}\n`);
}

void main(process.argv[2] ?? "");
