import { createHttpProcessor, identifierId, type HttpProcessor, type HttpProcessorError, type HttpProcessorOptions } from "../../packages/runtime/src/processors/http";
import { range, sequenceOf, startTestCollector, type TestCollector } from "./test-collector";

/** Small delays so that retries take milliseconds, not seconds. */
const FAST_RETRY = { initialDelayMs: 10, maxDelayMs: 40, maxAttempts: 6 };

const unhandledRejections: unknown[] = [];
const onUnhandledRejection = (reason: unknown): void => {
  unhandledRejections.push(reason);
};
process.on("unhandledRejection", onUnhandledRejection);

let collector: TestCollector;
let errors: HttpProcessorError[];
const processors: HttpProcessor[] = [];

beforeEach(async () => {
  collector = await startTestCollector();
  errors = [];
});

afterEach(async () => {
  await Promise.all(processors.splice(0).map((processor) => processor.shutdown()));
  await collector.close();
});

afterAll(() => {
  process.off("unhandledRejection", onUnhandledRejection);
  expect(unhandledRejections).toEqual([]);
});

function httpProcessor(options: Partial<HttpProcessorOptions> = {}): HttpProcessor {
  const processor = createHttpProcessor({ url: collector.url, retry: FAST_RETRY, onError: (error) => errors.push(error), ...options });
  processors.push(processor);
  return processor;
}

/** Tracks `count` events numbered from `from` (their `seq` property). */
function track(processor: HttpProcessor, count: number, from = 0): void {
  for (const seq of range(from, from + count)) {
    processor.trackEvent("create_snippet", { user: { id: 7 }, project: { id: 42 }, additionalProperties: { seq, label: "public" } }, { processorName: "InternalEvents" });
  }
}

function batchSizes(): number[] {
  return collector.requests.map((request) => (JSON.parse(request.body) as { events: unknown[] }).events.length);
}

describe("createHttpProcessor: batching", () => {
  it("POSTs complete batches, in order, in the documented JSON format", async () => {
    const processor = httpProcessor({ batchSize: 10, flushIntervalMs: 60_000, headers: { Authorization: "Bearer token" } });
    const before = Date.now();
    track(processor, 95);
    await processor.flush();

    expect(batchSizes()).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 5]);
    expect(sequenceOf(collector.accepted)).toEqual(range(0, 95));
    const first = collector.accepted[0]!;
    expect(first).toEqual({ event: "create_snippet", sentAt: expect.any(String), user: 7, project: 42, additionalProperties: { seq: 0, label: "public" } });
    expect(Object.keys(first).slice(0, 2)).toEqual(["event", "sentAt"]);
    expect(Date.parse(first.sentAt)).toBeGreaterThanOrEqual(before - 1);
    expect(first.sentAt).toBe(new Date(first.sentAt).toISOString());
    for (const request of collector.requests) {
      expect(request.method).toBe("POST");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers.authorization).toBe("Bearer token");
    }
    expect(processor.pending).toBe(0);
    expect(errors).toEqual([]);
  });

  it("sends a partial batch flushIntervalMs after its first event", async () => {
    const processor = httpProcessor({ batchSize: 100, flushIntervalMs: 150 });
    const trackedAt = performance.now();
    track(processor, 3);
    expect(processor.pending).toBe(3);
    await collector.waitForEvents(3);

    expect(collector.requests).toHaveLength(1);
    expect(collector.requests[0]!.at - trackedAt).toBeGreaterThanOrEqual(140);
    expect(sequenceOf(collector.accepted)).toEqual([0, 1, 2]);
  });

  it("sends a full batch at once, without waiting for the interval", async () => {
    const processor = httpProcessor({ batchSize: 5, flushIntervalMs: 60_000 });
    track(processor, 5);
    await collector.waitForEvents(5, 2000);
    expect(batchSizes()).toEqual([5]);
  });
});

describe("createHttpProcessor: failures", () => {
  it("survives 500s, dropped connections and answers slower than its timeout, losing nothing", async () => {
    const answers = [{ status: 500 }, "reset" as const, { status: 200, delayMs: 600 }, { status: 503 }];
    collector.answerWith((request) => answers[request.index] ?? { status: 200 });
    const processor = httpProcessor({ batchSize: 10, flushIntervalMs: 60_000, timeoutMs: 200 });
    track(processor, 30);
    await processor.flush();

    expect(sequenceOf(collector.accepted)).toEqual(range(0, 30));
    expect(collector.requests).toHaveLength(3 + answers.length);
    expect(processor.dropped).toBe(0);
    expect(errors).toEqual([]);
  });

  it("waits for a slow answer within its timeout instead of sending twice", async () => {
    collector.answerWith(() => ({ status: 200, delayMs: 300 }));
    const processor = httpProcessor({ batchSize: 10, timeoutMs: 5000 });
    track(processor, 20);
    await processor.flush();
    expect(batchSizes()).toEqual([10, 10]);
    expect(sequenceOf(collector.accepted)).toEqual(range(0, 20));
  });

  it("does not retry a 400: the batch is dropped, counted and reported", async () => {
    collector.answerWith(() => ({ status: 400 }));
    const processor = httpProcessor({ batchSize: 5 });
    track(processor, 5);
    await processor.flush();

    expect(collector.requests).toHaveLength(1);
    expect(processor.dropped).toBe(5);
    expect(errors.map(({ reason, status, events }) => ({ reason, status, events }))).toEqual([{ reason: "rejected", status: 400, events: 5 }]);
    expect(errors[0]!.message).toBe("5 events rejected: the collector answered 400 Bad Request (not retried)");
  });

  it("gives a batch up after retry.maxAttempts failures", async () => {
    collector.answerWith(() => ({ status: 502 }));
    const processor = httpProcessor({ batchSize: 4, retry: { ...FAST_RETRY, maxAttempts: 3 } });
    track(processor, 4);
    await processor.flush();

    expect(collector.requests).toHaveLength(3);
    expect(processor.dropped).toBe(4);
    expect(errors.map(({ reason, status }) => ({ reason, status }))).toEqual([{ reason: "retries-exhausted", status: 502 }]);
  });

  it("sends each batch once with retry: false", async () => {
    collector.answerWith(() => ({ status: 503 }));
    const processor = httpProcessor({ batchSize: 2, retry: false });
    track(processor, 2);
    await processor.flush();
    expect(collector.requests).toHaveLength(1);
    expect(processor.dropped).toBe(2);
  });

  it("resolves flush() and reports when the collector cannot be reached at all", async () => {
    const unreachable = collector.url;
    await collector.close();
    const processor = httpProcessor({ url: unreachable, batchSize: 3, retry: { ...FAST_RETRY, maxAttempts: 2 } });
    track(processor, 3);
    await processor.flush();

    expect(processor.dropped).toBe(3);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^3 events dropped after 2 attempts: fetch failed: .*ECONNREFUSED/);
    collector = await startTestCollector();
  });
});

describe("createHttpProcessor: Retry-After", () => {
  it("waits the seconds a 429 asks for", async () => {
    collector.answerWith((request) => (request.index === 0 ? { status: 429, headers: { "Retry-After": "1" } } : { status: 200 }));
    const processor = httpProcessor({ batchSize: 2 });
    track(processor, 2);
    await processor.flush();

    const gap = collector.requests[1]!.at - collector.requests[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(990);
    expect(gap).toBeLessThan(2500);
    expect(sequenceOf(collector.accepted)).toEqual([0, 1]);
  });

  it("waits until the HTTP date a 503 names", async () => {
    const retryAt = new Date(Date.now() + 2000);
    collector.answerWith((request) => (request.index === 0 ? { status: 503, headers: { "Retry-After": retryAt.toUTCString() } } : { status: 200 }));
    const processor = httpProcessor({ batchSize: 1 });
    track(processor, 1);
    await processor.flush();

    // The date has whole seconds: the retry comes between 1 and 2 seconds later.
    const gap = collector.requests[1]!.at - collector.requests[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(990);
    expect(gap).toBeLessThan(3500);
  });
});

describe("createHttpProcessor: bounded queue", () => {
  it("drops the oldest waiting events when full, counts them and reports once per burst", async () => {
    const processor = httpProcessor({ batchSize: 5, maxQueue: 20, flushIntervalMs: 60_000 });
    // The first batch leaves at once; the rest arrive while it is in flight.
    track(processor, 5);
    track(processor, 30, 5);

    expect(processor.dropped).toBe(10);
    expect(processor.pending).toBe(25);
    expect(errors.map(({ reason }) => reason)).toEqual(["queue-full"]);
    await processor.flush();
    expect(sequenceOf(collector.accepted)).toEqual([...range(0, 5), ...range(15, 35)]);

    // Once the queue has drained, a new overflow is a new burst.
    track(processor, 26, 100);
    expect(errors.map(({ reason }) => reason)).toEqual(["queue-full", "queue-full"]);
    await processor.flush();
    expect(processor.dropped).toBe(11);
  });
});

describe("createHttpProcessor: bounded in bytes", () => {
  /** An event whose serialised form is `bytes` bytes long (UTF-8: "é" counts 2), numbered by `seq`. */
  function trackSized(processor: HttpProcessor, bytes: number, seq: number, eventName = "upload_attachment"): void {
    const padding = bytes - Buffer.byteLength(JSON.stringify({ event: eventName, sentAt: new Date().toISOString(), additionalProperties: { seq, description: "" } }));
    processor.trackEvent(eventName, { additionalProperties: { seq, description: "é".repeat(Math.floor(padding / 2)) + "x".repeat(padding % 2) } });
  }

  it("drops the oldest waiting events beyond maxQueueBytes, counts them and reports once per burst", async () => {
    collector.answerWith(() => ({ status: 200, delayMs: 100 }));
    const processor = httpProcessor({ batchSize: 1, maxQueueBytes: 10_000, flushIntervalMs: 60_000 });
    // The first event leaves at once; the others wait while it is in flight, 4 of 2,500 bytes at most.
    for (const seq of range(0, 10)) trackSized(processor, 2500, seq);

    expect(processor.dropped).toBe(5);
    expect(processor.pending).toBe(5);
    expect(errors.map(({ reason, message, events }) => ({ reason, message, events }))).toEqual([
      { reason: "queue-full", message: "the queue is full (maxQueueBytes 10000): dropping the oldest pending events until it drains", events: 1 },
    ]);
    await processor.flush();
    expect(sequenceOf(collector.accepted)).toEqual([0, 6, 7, 8, 9]);
  });

  it("drops and reports each event larger than maxQueueBytes on its own, and keeps the others", async () => {
    const processor = httpProcessor({ batchSize: 10, maxQueueBytes: 10_000, flushIntervalMs: 60_000 });
    trackSized(processor, 2000, 0);
    trackSized(processor, 10_001, 1, "import_project");
    trackSized(processor, 8000, 2);
    await processor.flush();
    trackSized(processor, 10_000, 3);
    await processor.flush();

    expect(sequenceOf(collector.accepted)).toEqual([0, 2, 3]);
    expect(processor.dropped).toBe(1);
    expect(errors.map(({ reason, message, events }) => ({ reason, message, events }))).toEqual([
      { reason: "event-too-large", message: "an event of 10001 bytes (import_project) is larger than maxQueueBytes (10000): it is dropped", events: 1 },
    ]);
  });

  it("sends a batch as soon as the waiting events fill half of maxQueueBytes, before the interval or batchSize", async () => {
    const processor = httpProcessor({ batchSize: 100, maxQueueBytes: 10_000, flushIntervalMs: 60_000 });
    trackSized(processor, 2000, 0);
    trackSized(processor, 2000, 1);
    expect(collector.requests).toHaveLength(0);
    trackSized(processor, 1000, 2);
    await collector.waitForEvents(3, 5000);
    expect(batchSizes()).toEqual([3]);
  });
});

describe("createHttpProcessor: identifiers", () => {
  const ada = { id: 7, email: "ada@example.com", password: "hunter2" };

  function bodies(): string {
    return collector.requests.map((request) => request.body).join("\n");
  }

  it("sends each identifier as its id by default: a scalar as it is, a list as its ids", async () => {
    const processor = httpProcessor({ batchSize: 1 });
    processor.trackEvent("share_snippet", { user: ada, project: "acme/web", namespace: 3, featureEnabledByNamespaceIds: [{ id: 10 }, 11, "12"], additionalProperties: { label: "email" } });
    await processor.flush();

    expect(collector.accepted).toEqual([{ event: "share_snippet", sentAt: expect.any(String), user: 7, project: "acme/web", namespace: 3, featureEnabledByNamespaceIds: [10, 11, "12"], additionalProperties: { label: "email" } }]);
    expect(bodies()).not.toContain("hunter2");
    expect(errors).toEqual([]);
  });

  it("leaves out an identifier without an id, never sending it whole, and reports it once per identifier", async () => {
    const processor = httpProcessor({ batchSize: 3 });
    for (const seq of range(0, 3)) {
      processor.trackEvent("share_snippet", { user: { email: "ada@example.com", password: "hunter2" }, project: { id: { nested: 1 } }, namespace: [{ id: 1 }, { name: "acme" }], additionalProperties: { seq } });
    }
    await processor.flush();

    expect(collector.accepted.map(({ event, sentAt, ...rest }) => rest)).toEqual(range(0, 3).map((seq) => ({ additionalProperties: { seq } })));
    expect(bodies()).not.toMatch(/hunter2|acme|nested/);
    expect(processor.dropped).toBe(0);
    expect(errors.map(({ reason, events }) => ({ reason, events }))).toEqual([
      { reason: "identifier-omitted", events: 0 },
      { reason: "identifier-omitted", events: 0 },
      { reason: "identifier-omitted", events: 0 },
    ]);
    expect(errors[0]!.message).toBe(
      "the identifier user has no id (a string, number or boolean, or an object with such an `id`; the `identifiers` option can send something else): it is left out of the events where this happens (reported once)",
    );
    expect(errors.map((error) => error.message.split(" ")[2])).toEqual(["user", "project", "namespace"]);
  });

  it("sends what the identifiers option returns instead, and leaves out an identifier for which it returns undefined", async () => {
    const seen: [string, unknown][] = [];
    const processor = httpProcessor({
      batchSize: 1,
      identifiers: (name, value) => {
        seen.push([name, value]);
        if (name === "user") return { id: (value as typeof ada).id, email: (value as typeof ada).email };
        return name === "project" ? undefined : value;
      },
    });
    processor.trackEvent("share_snippet", { user: ada, project: { id: 42 }, featureEnabledByNamespaceIds: [{ id: 3, plan: "free" }], additionalProperties: {} });
    await processor.flush();

    expect(seen).toEqual([
      ["user", ada],
      ["project", { id: 42 }],
      ["featureEnabledByNamespaceIds", [{ id: 3, plan: "free" }]],
    ]);
    expect(collector.accepted).toEqual([{ event: "share_snippet", sentAt: expect.any(String), user: { id: 7, email: "ada@example.com" }, featureEnabledByNamespaceIds: [{ id: 3, plan: "free" }], additionalProperties: {} }]);
    expect(bodies()).not.toContain("hunter2");
    expect(errors).toEqual([]);
  });

  it("leaves out an identifier the identifiers option fails on (it throws, or returns what JSON cannot hold), reported once per identifier", async () => {
    const processor = httpProcessor({
      batchSize: 2,
      identifiers: (name, value) => {
        if (name === "user") throw new Error("no user mapping");
        return name === "project" ? BigInt((value as { id: number }).id) : value;
      },
    });
    for (const seq of range(0, 2)) processor.trackEvent("share_snippet", { user: ada, project: { id: 42 }, namespace: 3, additionalProperties: { seq } });
    await processor.flush();

    expect(collector.accepted.map(({ event, sentAt, ...rest }) => rest)).toEqual(range(0, 2).map((seq) => ({ namespace: 3, additionalProperties: { seq } })));
    expect(errors.map(({ reason, message }) => ({ reason, message }))).toEqual([
      { reason: "identifier-omitted", message: "the identifier user could not be written by the `identifiers` option (no user mapping): it is left out of the events where this happens (reported once)" },
      { reason: "identifier-omitted", message: "the identifier project could not be written by the `identifiers` option (Do not know how to serialize a BigInt): it is left out of the events where this happens (reported once)" },
    ]);
    expect(errors[0]!.cause).toEqual(new Error("no user mapping"));
  });

  it("exports its default as identifierId, for a mapping that changes one identifier only", async () => {
    const processor = httpProcessor({ batchSize: 1, identifiers: (name, value) => (name === "user" ? { id: (value as typeof ada).id, email: (value as typeof ada).email } : identifierId(value)) });
    processor.trackEvent("share_snippet", { user: ada, project: { id: 42 }, additionalProperties: {} });
    await processor.flush();
    expect(collector.accepted.map(({ user, project }) => ({ user, project }))).toEqual([{ user: { id: 7, email: "ada@example.com" }, project: 42 }]);
  });
});

describe("createHttpProcessor: flush and shutdown", () => {
  it("delivers everything pending on shutdown(), then drops and reports later events once", async () => {
    const processor = httpProcessor({ batchSize: 100, flushIntervalMs: 60_000 });
    track(processor, 7);
    await processor.shutdown();

    expect(sequenceOf(collector.accepted)).toEqual(range(0, 7));
    track(processor, 2, 7);
    expect(processor.dropped).toBe(2);
    expect(processor.pending).toBe(0);
    expect(errors.map(({ reason }) => reason)).toEqual(["after-shutdown"]);
    await processor.flush();
    expect(collector.accepted).toHaveLength(7);
  });

  it("flush() also waits for events tracked while it runs", async () => {
    collector.answerWith(() => ({ status: 200, delayMs: 50 }));
    const processor = httpProcessor({ batchSize: 3, flushIntervalMs: 60_000 });
    track(processor, 4);
    const flushed = processor.flush();
    track(processor, 4, 4);
    await flushed;
    expect(sequenceOf(collector.accepted)).toEqual(range(0, 8));
  });

  it("returns nothing from trackEvent: delivery is not the SDK's pending work", () => {
    const processor = httpProcessor();
    expect(processor.trackEvent("star_snippet", { additionalProperties: {} })).toBeUndefined();
  });
});

describe("createHttpProcessor: options", () => {
  it("takes the URL as a URL object too", async () => {
    const processor = httpProcessor({ url: new URL(collector.url), batchSize: 1 });
    track(processor, 1);
    await processor.flush();
    expect(sequenceOf(collector.accepted)).toEqual([0]);
  });

  it.each([
    [{ url: "" }, "createHttpProcessor: `url` is required (the collector's endpoint)"],
    [{ url: "not a url" }, 'createHttpProcessor: `url` "not a url" is not a valid URL'],
    [{ batchSize: 0 }, "createHttpProcessor: `batchSize` must be a whole number of at least 1, not 0"],
    [{ maxQueue: 2.5 }, "createHttpProcessor: `maxQueue` must be a whole number of at least 1, not 2.5"],
    [{ maxQueueBytes: 0 }, "createHttpProcessor: `maxQueueBytes` must be a whole number of at least 1, not 0"],
    [{ identifiers: "id" as unknown as () => unknown }, 'createHttpProcessor: `identifiers` must be a function (name, value) => value to send, not "id"'],
    [{ timeoutMs: 0 }, "createHttpProcessor: `timeoutMs` must be a number above 0, not 0"],
    [{ retry: { maxDelayMs: -1 } }, "createHttpProcessor: `retry.maxDelayMs` must be a number of at least 0, not -1"],
  ])("rejects %j at creation", (options, message) => {
    expect(() => createHttpProcessor({ url: collector.url, ...options })).toThrow(message);
  });
});
