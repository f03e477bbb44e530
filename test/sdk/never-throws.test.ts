import { join } from "node:path";
import { generate, writeGenerated } from "../../src/index";
import { loadGeneratedSdk, loadSdk } from "../helpers/load-sdk";
import { makeProject } from "../helpers/project";

/**
 * A tracking call never throws into the application, whatever a JavaScript caller passes: the
 * generated functions of a real SDK, run in this process with a fresh runtime per test.
 */

const CONFIG = `processors:
  Recorder: { module: ./src/recorder, export: Recorder }
  Serializer: { module: ./src/recorder, export: Serializer }
defaultProcessors: [Recorder]
`;

const CREATE_ITEM = `description: An item is created
internal_events: true
action: create_item
identifiers: [user]
additional_properties:
  label: { description: where, enum: [web, api] }
  count: { description: how many, type: integer, required: true }
  note: { description: free text }
extra_tracking_classes: [Serializer]
product_group: g
milestone: '1.0'
introduced_by_url: null
tiers: [free]
`;

const PING = `description: A ping
internal_events: true
action: ping
product_group: g
milestone: '1.0'
introduced_by_url: null
tiers: [free]
`;

/** Recorder keeps what it receives; Serializer sends it on as JSON, as network processors do. */
const RECORDER = `export const calls: [string, string, unknown][] = [];
export const Recorder = {
  trackEvent(eventName: string, payload: unknown): void {
    calls.push(["Recorder", eventName, payload]);
  },
};
export const Serializer = {
  trackEvent(eventName: string, payload: unknown): void {
    calls.push(["Serializer", eventName, JSON.stringify(payload)]);
  },
};
`;

interface ReportedError {
  readonly error: unknown;
  readonly eventName: string | undefined;
  readonly processorName: string | undefined;
}

type Track = (args?: unknown) => void;

interface Sdk {
  readonly trackCreateItem: Track;
  readonly trackPing: Track;
  readonly trackEvent: (name: unknown, args?: unknown) => void;
  readonly configureTracking: (options: unknown) => void;
}

const root = makeProject({
  "sit.config.yaml": CONFIG,
  "definitions/create_item.yml": CREATE_ITEM,
  "definitions/ping.yml": PING,
  "src/recorder.ts": RECORDER,
});
const generated = generate({ cwd: root });
writeGenerated(join(root, "generated"), generated.files);

/** A fresh SDK whose errors are collected; `calls` is what the processors received. */
function freshSdk(): {
  sdk: Sdk;
  errors: ReportedError[];
  calls: [string, string, unknown][];
  checkEvents: unknown;
} {
  const sdk = loadGeneratedSdk<Sdk>(root);
  const errors: ReportedError[] = [];
  sdk.configureTracking({
    onError: (error: unknown, context: Omit<ReportedError, "error">) =>
      errors.push({ error, ...context }),
  });
  const { calls } = recordedBy(sdk);
  const { checkEvents } = loadSdk<{ checkEvents: unknown }>(
    join(root, "generated", "validation.ts"),
  );
  return { sdk, errors, calls, checkEvents };
}

/** Replaces both processors of `sdk` with recorders of what they receive (Serializer's as JSON). */
function recordedBy(sdk: Sdk): { calls: [string, string, unknown][] } {
  const calls: [string, string, unknown][] = [];
  const recorder = (name: string) => ({
    trackEvent: (eventName: string, payload: unknown) => {
      calls.push([
        name,
        eventName,
        name === "Serializer" ? JSON.stringify(payload) : payload,
      ]);
    },
  });
  sdk.configureTracking({
    processors: {
      Recorder: recorder("Recorder"),
      Serializer: recorder("Serializer"),
    },
  });
  return { calls };
}

const throwing = (message: string) => () => {
  throw new Error(message);
};

describe("a tracking call from JavaScript", () => {
  it("generates the SDK", () => {
    expect(
      generated.diagnostics.filter(
        (diagnostic) => diagnostic.severity === "error",
      ),
    ).toEqual([]);
  });

  it.each<[string, () => unknown]>([
    ["no arguments", () => undefined],
    ["null", () => null],
    ["a number", () => 42],
    [
      "a getter that throws",
      () =>
        Object.defineProperty({ additionalProperties: { count: 1 } }, "user", {
          get: throwing("getter"),
          enumerable: true,
        }),
    ],
    [
      "a Proxy that throws on every read",
      () =>
        new Proxy(
          {},
          { get: throwing("proxy get"), has: throwing("proxy has") },
        ),
    ],
    [
      "properties behind a throwing Proxy",
      () => ({
        user: { id: 1 },
        additionalProperties: new Proxy(
          {},
          { get: throwing("properties proxy") },
        ),
      }),
    ],
    [
      "null properties",
      () => ({ user: { id: 1 }, additionalProperties: null }),
    ],
  ])(
    "never throws when given %s: onError hears of it and nothing is sent",
    (_, args) => {
      const { sdk, errors, calls } = freshSdk();
      expect(() => sdk.trackCreateItem(args())).not.toThrow();
      expect(calls).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        eventName: "create_item",
        processorName: undefined,
      });
      expect(errors[0]!.error).toBeInstanceOf(Error);
    },
  );

  it("never throws with validate: checkEvents either, which reports the arguments first", () => {
    const { sdk, errors, checkEvents } = freshSdk();
    sdk.configureTracking({ validate: checkEvents });
    expect(() => sdk.trackCreateItem(null)).not.toThrow();
    expect(() => sdk.trackCreateItem(undefined)).not.toThrow();
    expect(
      errors.every(
        ({ eventName, processorName }) =>
          eventName === "create_item" && processorName === undefined,
      ),
    ).toBe(true);
    expect(errors.map(({ error }) => String(error))).toEqual([
      "TypeError: the arguments must be an object, not null",
      expect.stringMatching(/^TypeError: Cannot read properties of null/),
      "TypeError: identifier user is missing",
      "TypeError: property count is required",
      expect.stringMatching(/^TypeError: Cannot read properties of undefined/),
    ]);
  });

  it("sends a cyclic value and a BigInt to the processors that keep them, and reports the processor that cannot serialize them", () => {
    const { sdk, errors, calls } = freshSdk();
    const cyclic: Record<string, unknown> = { id: 1 };
    cyclic["self"] = cyclic;
    expect(() =>
      sdk.trackCreateItem({
        user: cyclic,
        additionalProperties: { count: 1, note: 10n },
      }),
    ).not.toThrow();
    expect(calls.map(([processor]) => processor)).toEqual(["Recorder"]);
    expect(
      errors.map(({ eventName, processorName }) => [eventName, processorName]),
    ).toEqual([["create_item", "Serializer"]]);
  });

  it("never throws from trackEvent, whatever the name", () => {
    const { sdk, errors, calls } = freshSdk();
    const hostileName = { toString: throwing("toString") };
    for (const name of [
      Symbol("s"),
      hostileName,
      undefined,
      7,
      "nope",
      "__proto__",
      "toString",
    ]) {
      expect(() => sdk.trackEvent(name, { user: { id: 1 } })).not.toThrow();
    }
    expect(() => sdk.trackEvent("create_item", null)).not.toThrow();
    expect(() => sdk.trackEvent("ping")).not.toThrow();
    expect(
      calls.map(([processor, eventName]) => [processor, eventName]),
    ).toEqual([["Recorder", "ping"]]);
    expect(errors.map((error) => String(error.error))).toEqual([
      "TypeError: unknown event of type symbol",
      "TypeError: unknown event of type object",
      "TypeError: unknown event of type undefined",
      "TypeError: unknown event of type number",
      'TypeError: unknown event "nope"',
      'TypeError: unknown event "__proto__"',
      'TypeError: unknown event "toString"',
      expect.stringContaining("TypeError"),
    ]);
  });

  it("never throws when the error handler and the console throw too", () => {
    const sdk = loadGeneratedSdk<Sdk>(root);
    const originalError = console.error;
    console.error = throwing("console");
    try {
      sdk.configureTracking({ onError: throwing("handler") });
      expect(() => sdk.trackCreateItem(null)).not.toThrow();
    } finally {
      console.error = originalError;
    }
  });
});

describe("configureTracking", () => {
  it("changes nothing when an option cannot be applied, and says so to the handler it was given", () => {
    const { sdk, errors, calls } = freshSdk();
    const refused: ReportedError[] = [];
    const replacement = {
      trackEvent: () =>
        refused.push({
          error: "replacement called",
          eventName: undefined,
          processorName: undefined,
        }),
    };
    expect(() =>
      sdk.configureTracking({
        onError: (error: unknown) =>
          refused.push({
            error,
            eventName: undefined,
            processorName: undefined,
          }),
        processors: { Recorder: replacement },
        enabled: throwing("consent store unavailable"),
      }),
    ).not.toThrow();
    expect(refused.map((entry) => String(entry.error))).toEqual([
      "Error: consent store unavailable",
    ]);
    // The earlier handler and processors are still in place.
    sdk.trackPing();
    expect(
      calls.map(([processor, eventName]) => [processor, eventName]),
    ).toEqual([["Recorder", "ping"]]);
    sdk.trackCreateItem(null);
    expect(errors).toHaveLength(1);
  });

  it.each<[string, unknown]>([
    ["no options", undefined],
    ["null", null],
    ["an onError that is no function", { onError: "log" }],
    ["an enabled that is no boolean or function", { enabled: "yes" }],
    ["a validate that is no function", { validate: true }],
    ["a processor without trackEvent", { processors: { Recorder: {} } }],
    ["processors that are no object", { processors: 3 }],
  ])(
    "refuses %s without throwing, and keeps the options it had",
    (_, options) => {
      const { sdk, errors, calls } = freshSdk();
      expect(() => sdk.configureTracking(options)).not.toThrow();
      expect(errors).toHaveLength(1);
      expect(errors[0]!.error).toBeInstanceOf(TypeError);
      sdk.trackPing();
      expect(calls).toHaveLength(1);
    },
  );
});
