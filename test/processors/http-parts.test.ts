import fc from "fast-check";
import { batchBody, batchBodyBytes, fitsInBody, serializedEvent, type SerializedEvent } from "../../packages/runtime/src/processors/http/batch-body";
import { DropOldestQueue } from "../../packages/runtime/src/processors/http/drop-oldest-queue";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, retryAfterMs } from "../../packages/runtime/src/processors/http/retry-policy";
import { utf8ByteLength } from "../../packages/runtime/src/processors/http/utf8-byte-length";

/** An item of a given size, numbered in push order. */
interface Sized {
  readonly seq: number;
  readonly bytes: number;
}

describe("DropOldestQueue", () => {
  it("behaves like an array that keeps its newest items within both bounds, through any mix of pushes and takes", () => {
    const operation = fc.oneof(
      fc.record({ push: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 3000 }) }),
      fc.record({ take: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ takeWithin: fc.integer({ min: 0, max: 5000 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2500 }), fc.integer({ min: 100, max: 20_000 }), fc.array(operation, { maxLength: 20 }), (maxItems, maxBytes, operations) => {
        const queue = new DropOldestQueue<Sized>(maxItems, maxBytes);
        // The model: the items held, oldest first.
        let held: Sized[] = [];
        let pushed = 0;
        const heldBytes = (): number => held.reduce((sum, item) => sum + item.bytes, 0);
        for (const step of operations) {
          if ("push" in step) {
            for (const bytes of step.push) {
              const item = { seq: pushed++, bytes };
              held.push(item);
              let expectedDrops = 0;
              while (held.length > maxItems || heldBytes() > maxBytes) {
                held.shift();
                expectedDrops += 1;
              }
              expect(queue.push(item)).toBe(expectedDrops);
            }
          } else if ("take" in step) {
            expect(queue.take(step.take)).toEqual(held.slice(0, step.take));
            held = held.slice(step.take);
          } else {
            let budget = step.takeWithin;
            let count = 0;
            while (count < held.length && held[count]!.bytes <= budget) budget -= held[count++]!.bytes;
            const expected = held.slice(0, count);
            let remaining = step.takeWithin;
            expect(queue.takeWhile((item) => (remaining -= item.bytes) >= 0)).toEqual(expected);
            held = held.slice(expected.length);
          }
          expect(queue.size).toBe(held.length);
          expect(queue.bytes).toBe(heldBytes());
        }
        expect(queue.takeAll()).toEqual(held);
        expect(queue.bytes).toBe(0);
      }),
      { numRuns: 150, seed: 17 },
    );
  });
});

describe("utf8ByteLength", () => {
  it("agrees with Buffer.byteLength on any well-formed text", () => {
    // Well-formed: JSON.stringify escapes lone surrogates, so serialised events never hold one.
    const text = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme-ascii" }), fc.string({ unit: fc.constantFrom("a", "é", "߿", "ࠀ", "漢", "￿", "😀", "𐀀") }));
    fc.assert(
      fc.property(text, (value) => {
        expect(utf8ByteLength(value)).toBe(Buffer.byteLength(value));
      }),
      { numRuns: 200, seed: 17 },
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
  const event = (json: string): SerializedEvent => serializedEvent(json);

  it("wraps serialised events in {\"events\":[…]}", () => {
    expect(JSON.parse(batchBody([event('{"event":"a"}'), event('{"event":"b"}')]))).toEqual({ events: [{ event: "a" }, { event: "b" }] });
    expect(batchBody([])).toBe('{"events":[]}');
  });

  it("knows a body's UTF-8 length from the sizes measured at serialisation", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }), { maxLength: 20 }), (texts) => {
        const events = texts.map((text) => event(JSON.stringify({ event: text })));
        expect(batchBodyBytes(events)).toBe(Buffer.byteLength(batchBody(events)));
      }),
      { numRuns: 100, seed: 17 },
    );
  });

  it("takes the longest run of events, in order, whose body fits a byte limit, and nothing after it", () => {
    const events = ["a", "é", "b", "c"].map((letter) => event(JSON.stringify({ event: letter.repeat(20) })));
    const large = event(JSON.stringify({ event: "x".repeat(200) }));
    // 13 bytes of envelope, 32 per ASCII event, 52 for the accented one, and a comma between two.
    expect(Buffer.byteLength(batchBody(events.slice(0, 2)))).toBe(13 + 32 + 1 + 52);
    expect([...events, large].filter(fitsInBody(13 + 32 + 1 + 52))).toEqual(events.slice(0, 2));
    expect([...events, large].filter(fitsInBody(13 + 32 + 1 + 52 - 1))).toEqual(events.slice(0, 1));
    // A refusal ends the run: later events that would fit are not taken out of order.
    expect([large, ...events].filter(fitsInBody(100))).toEqual([]);
    expect(events.filter(fitsInBody(12))).toEqual([]);
  });
});
