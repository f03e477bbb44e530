import fc from "fast-check";
import { batchBody, splitBySize } from "../../src/processors/http/batch-body";
import { DropOldestQueue } from "../../src/processors/http/drop-oldest-queue";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, retryAfterMs } from "../../src/processors/http/retry-policy";

describe("DropOldestQueue", () => {
  it("behaves like an array that keeps its newest `capacity` items, through any mix of pushes and takes", () => {
    const operation = fc.oneof(fc.record({ push: fc.integer({ min: 1, max: 3000 }) }), fc.record({ take: fc.integer({ min: 0, max: 3000 }) }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2500 }), fc.array(operation, { maxLength: 20 }), (capacity, operations) => {
        const queue = new DropOldestQueue<number>(capacity);
        // The model: every item ever pushed, and the index of the oldest one still held.
        const pushed: number[] = [];
        let oldest = 0;
        for (const step of operations) {
          if ("push" in step) {
            const drops: boolean[] = [];
            const expectedDrops: boolean[] = [];
            for (let index = 0; index < step.push; index += 1) {
              pushed.push(pushed.length);
              drops.push(queue.push(pushed.length - 1));
              expectedDrops.push(pushed.length - oldest > capacity);
              if (pushed.length - oldest > capacity) oldest += 1;
            }
            expect(drops).toEqual(expectedDrops);
          } else {
            const expected = pushed.slice(oldest, oldest + step.take);
            expect(queue.take(step.take)).toEqual(expected);
            oldest += expected.length;
          }
          expect(queue.size).toBe(pushed.length - oldest);
        }
        expect(queue.takeAll()).toEqual(pushed.slice(oldest));
      }),
      { numRuns: 150 },
    );
  });
});

describe("retry policy", () => {
  it("retries network-like failures, 429 and 5xx, never other answers", () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 408, 410, 413, 422, 301].some(isRetryableStatus)).toBe(false);
  });

  it("doubles the backoff per failure up to maxDelayMs, half of it random", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, initialDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((failures) => backoffDelayMs(failures, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((failures) => backoffDelayMs(failures, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("Wed, 21 Oct 2026 07:28:00 GMT");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Wed, 21 Oct 2026 07:28:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Wed, 21 Oct 2026 07:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs("-5", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe("batch bodies", () => {
  it("wraps serialised events in {\"events\":[…]}", () => {
    expect(JSON.parse(batchBody(['{"event":"a"}', '{"event":"b"}']))).toEqual({ events: [{ event: "a" }, { event: "b" }] });
    expect(batchBody([])).toBe('{"events":[]}');
  });

  it("splits events into bodies under a byte limit, counting UTF-8 bytes, in order", () => {
    const events = ["a", "é", "b", "c"].map((letter) => JSON.stringify({ event: letter.repeat(20) }));
    const { batches, oversized } = splitBySize([...events, JSON.stringify({ event: "x".repeat(200) })], 80);
    expect(oversized).toBe(1);
    expect(batches.flat()).toEqual(events);
    for (const batch of batches) expect(Buffer.byteLength(batchBody(batch))).toBeLessThanOrEqual(80);
    // 13 bytes of envelope, 32 per ASCII event, 52 for the accented one (and a comma each).
    expect(batches.map((batch) => batch.length)).toEqual([1, 1, 2]);
  });
});
