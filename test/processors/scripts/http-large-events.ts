/**
 * Tracks 3,000 events of 0.5 MB through one HTTP processor, with its default bounds, while its
 * collector cannot be reached, and prints memory figures as JSON. Run by http-soak.test.ts with
 * --expose-gc; argument: the URL of a collector that refuses connections.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { createHttpProcessor } from "../../../packages/runtime/src/processors/http";

const EVENTS = 3000;
const PROPERTY_CHARACTERS = 512 * 1024;
const SAMPLE_EVERY = 100;

function heapAfterCollection(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function main(url: string): Promise<void> {
  const errors: string[] = [];
  // The first batch fails at once and then waits a minute to be retried: everything else queues.
  const processor = createHttpProcessor({ url, retry: { initialDelayMs: 60_000, maxDelayMs: 60_000 }, onError: (error) => errors.push(error.reason) });
  const description = "x".repeat(PROPERTY_CHARACTERS);
  const before = heapAfterCollection();
  let peakHeap = before;
  let peakRss = process.memoryUsage().rss;
  for (let seq = 0; seq < EVENTS; seq += 1) {
    processor.trackEvent("upload_attachment", { user: { id: 7 }, additionalProperties: { seq, description } });
    if (seq % 10 === 9) await nextTurn();
    if (seq % SAMPLE_EVERY === SAMPLE_EVERY - 1) {
      peakHeap = Math.max(peakHeap, heapAfterCollection());
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  }
  process.stdout.write(`${JSON.stringify({ before, peakHeap, peakRss, dropped: processor.dropped, pending: processor.pending, errors })}\n`);
}

void main(process.argv[2] ?? "");
