import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { join } from "node:path";
import type * as Core from "../../src/sdk/core";
import { loadSdk } from "../helpers/load-sdk";
import { REPO_ROOT } from "../helpers/project";

/**
 * The fixed runtime every generated SDK copies (src/sdk/core.ts), tested directly: each test loads
 * a fresh instance, as each application has its own.
 */

type CoreModule = typeof Core;

interface Reported {
  readonly message: string;
  readonly eventName: string | undefined;
  readonly processorName: string | undefined;
}

function freshCore(): { core: CoreModule; reported: Reported[] } {
  const core = loadSdk<CoreModule>(join(REPO_ROOT, "src", "sdk", "core.ts"));
  const reported: Reported[] = [];
  core.configureTracking({
    onError: (
      error: unknown,
      { eventName, processorName }: Core.TrackingErrorContext,
    ) =>
      reported.push({
        message: error instanceof Error ? error.message : String(error),
        eventName,
        processorName,
      }),
  });
  return { core, reported };
}

/** What a generated sender does: call the processor, hand its result to the runtime. */
function send(
  core: CoreModule,
  slot: Core.ProcessorSlot<string, unknown>,
  eventName: string,
): void {
  const processor = slot.current;
  if (processor === undefined) return;
  try {
    core.settle(
      processor.trackEvent(eventName, {}, slot.context),
      eventName,
      slot.context.processorName,
    );
  } catch (error) {
    core.reportError(error, eventName, slot.context.processorName);
  }
}

const never = (): Promise<void> => new Promise<void>(() => undefined);

describe("flush()", () => {
  afterEach(() => jest.useRealTimers());

  it("ends after timeoutMs when a processor's promise never settles, and names the processor", async () => {
    const { core, reported } = freshCore();
    const hanging = core.defineProcessor("Hanging", { trackEvent: never });
    const quick = core.defineProcessor("Quick", {
      trackEvent: () => Promise.resolve(),
    });
    send(core, hanging, "a");
    send(core, quick, "a");
    await expect(core.flush({ timeoutMs: 20 })).resolves.toBeUndefined();
    expect(reported).toEqual([
      {
        message:
          "flush() stopped waiting after 20 ms: processor Hanging has not settled",
        eventName: undefined,
        processorName: "Hanging",
      },
    ]);
  });

  it("ends after timeoutMs when a processor's own flush never settles", async () => {
    const { core, reported } = freshCore();
    core.defineProcessor("Queueing", {
      trackEvent: () => undefined,
      flush: never,
    });
    let flushed = false;
    core.defineProcessor("Delivering", {
      trackEvent: () => undefined,
      flush: () => void (flushed = true),
    });
    await core.flush({ timeoutMs: 20 });
    expect(flushed).toBe(true);
    expect(reported.map((entry) => entry.processorName)).toEqual(["Queueing"]);
  });

  it("ends by itself after the documented default when called without options", async () => {
    jest.useFakeTimers();
    const { core, reported } = freshCore();
    core.defineProcessor("Queueing", {
      trackEvent: () => undefined,
      flush: never,
    });
    let done = false;
    void core.flush().then(() => (done = true));
    await jest.advanceTimersByTimeAsync(core.DEFAULT_FLUSH_TIMEOUT_MS - 1);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(core.DEFAULT_FLUSH_TIMEOUT_MS).toBe(10_000);
    expect(reported.map((entry) => entry.message)).toEqual([
      "flush() stopped waiting after 10000 ms: processor Queueing has not settled",
    ]);
  });

  it("never rejects, and takes a timeout it cannot use for the default, saying so", async () => {
    jest.useFakeTimers();
    const { core, reported } = freshCore();
    core.defineProcessor("Failing", {
      trackEvent: () => undefined,
      flush: () => Promise.reject(new Error("down")),
    });
    const flushed = core.flush({ timeoutMs: -5 });
    await jest.advanceTimersByTimeAsync(0);
    await expect(flushed).resolves.toBeUndefined();
    expect(reported.map((entry) => entry.message)).toEqual([
      "flush: timeoutMs must be a number of milliseconds from 0 to 2147483647, not -5; waiting 10000 ms",
      "down",
    ]);
  });

  it("waits for calls that settle in time, and for those they lead to", async () => {
    const { core, reported } = freshCore();
    const order: string[] = [];
    const slot = core.defineProcessor("Slow", {
      trackEvent: (eventName: string) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            order.push(eventName);
            if (eventName === "first") send(core, slot, "second");
            resolve();
          }, 5),
        ),
    });
    send(core, slot, "first");
    await core.flush({ timeoutMs: 5_000 });
    expect(order).toEqual(["first", "second"]);
    expect(reported).toEqual([]);
  });
});

describe("pending processor calls", () => {
  /** Garbage collection on demand, for a measure of what stays reachable. */
  function collectGarbage(): void {
    setFlagsFromString("--expose_gc");
    (runInNewContext("gc") as () => void)();
  }

  it.each<[string, () => () => Promise<void>]>([
    ["a new promise each call", () => never],
    [
      "the same promise each call",
      () => {
        const shared = never();
        return () => shared;
      },
    ],
  ])(
    "are held up to a bound, reported once past it, and then not held: memory stays bounded (%s)",
    (_, processorCall) => {
      const { core, reported } = freshCore();
      const slot = core.defineProcessor("Hanging", {
        trackEvent: processorCall(),
      });
      for (let call = 0; call < core.MAX_PENDING_CALLS; call++)
        send(core, slot, "e");
      collectGarbage();
      const atBound = process.memoryUsage().heapUsed;
      for (let call = 0; call < 200_000; call++) send(core, slot, "e");
      collectGarbage();
      const grown = process.memoryUsage().heapUsed - atBound;
      // Held, 200,000 calls would keep ~65 MB (328 MB per million were measured before the bound).
      expect(grown).toBeLessThan(8 * 1024 * 1024);
      expect(reported.map((entry) => entry.message)).toEqual([
        "more than 10000 processor calls are pending; flush() does not wait for the calls that follow until they settle",
      ]);
    },
  );
});

describe("configureTracking", () => {
  it("asks a per-processor switch when configured and when a processor is defined later, not per event", () => {
    const { core } = freshCore();
    const asked: string[] = [];
    const early = core.defineProcessor("Early", {
      trackEvent: () => undefined,
    });
    core.configureTracking({
      enabled: (name: string) => (asked.push(name), name !== "Late"),
    });
    const late = core.defineProcessor("Late", { trackEvent: () => undefined });
    send(core, early, "e");
    send(core, late, "e");
    expect(asked).toEqual(["Early", "Late"]);
    expect(early.current).toBeDefined();
    expect(late.current).toBeUndefined();
  });

  it("keeps a processor defined while the switch throws for it switched off, and reports it", () => {
    const { core, reported } = freshCore();
    core.configureTracking({
      enabled: (name: string) => {
        if (name === "Late") throw new Error("no consent store");
        return true;
      },
    });
    const late = core.defineProcessor("Late", { trackEvent: () => undefined });
    expect(late.current).toBeUndefined();
    expect(reported).toEqual([
      {
        message: "no consent store",
        eventName: undefined,
        processorName: "Late",
      },
    ]);
  });

  it("copies the replacement processors: changing the object afterwards changes nothing", () => {
    const { core } = freshCore();
    const slot = core.defineProcessor("Main", { trackEvent: () => undefined });
    const recorder = { trackEvent: () => undefined };
    const processors: Record<string, unknown> = { Main: recorder };
    core.configureTracking({ processors } as Core.TrackingOptions);
    processors["Main"] = { trackEvent: () => undefined };
    expect(slot.current).toBe(recorder);
    core.resetTracking();
    expect(slot.current).toBe(slot.configured);
  });
});

describe("reportError", () => {
  it("logs to console.error by default, and logs both when the handler throws", () => {
    const core = loadSdk<CoreModule>(join(REPO_ROOT, "src", "sdk", "core.ts"));
    const logged: unknown[][] = [];
    const spy = jest
      .spyOn(console, "error")
      .mockImplementation((...data: unknown[]) => void logged.push(data));
    try {
      core.reportError(new Error("first"), "e", "P");
      core.configureTracking({
        onError: () => {
          throw new Error("handler");
        },
      });
      core.reportError(new Error("second"), undefined, undefined);
    } finally {
      spy.mockRestore();
    }
    expect(
      logged.map(([where, error]) => [where, (error as Error).message]),
    ).toEqual([
      ["sit: processor P failed on event e:", "first"],
      ["sit: flush:", "second"],
      ["sit: flush:", "handler"],
    ]);
  });
});
