import "../../packages/runtime/src/jest";
import { createRecorder, type Recorder } from "../../packages/runtime/src/processors/recorder";

const ANSI_COLOURS = /\u001b\[[0-9;]*m/g;

/** The failure message of `assertion`, without colours; fails the test when it does not fail. */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return String((error as Error).message).replace(ANSI_COLOURS, "");
  }
  throw new Error("the assertion passed, but it should have failed");
}

function snipboxRecorder(): Recorder {
  const recorder = createRecorder();
  const payload = { user: { id: 7, username: "ada" }, project: { id: 42 }, additionalProperties: { label: "public", value: 2, language: "ts" } };
  recorder.trackEvent("create_snippet", payload, { processorName: "InternalEvents" });
  recorder.trackEvent("create_snippet", { additionalProperties: { language: "ts" } }, { processorName: "Snipbox::Tracking::AiTracking" });
  recorder.trackEvent("view_snippet", { user: { id: 7 }, additionalProperties: {} }, { processorName: "InternalEvents" });
  return recorder;
}

describe("toHaveTracked", () => {
  it("matches by name, and partially by payload with asymmetric matchers", () => {
    const recorder = snipboxRecorder();
    expect(recorder).toHaveTracked("create_snippet");
    expect(recorder).toHaveTracked("create_snippet", { user: expect.anything(), additionalProperties: { label: "public" } });
    expect(recorder).toHaveTracked("create_snippet", { user: { id: 7 }, additionalProperties: { value: expect.any(Number) } });
    expect(recorder).toHaveTracked("view_snippet", { additionalProperties: {} });
    expect(recorder).not.toHaveTracked("delete_snippet");
    expect(recorder).not.toHaveTracked("create_snippet", { additionalProperties: { label: "private" } });
    expect(recorder).not.toHaveTracked("create_snippet", { namespace: expect.anything() });
  });

  it("narrows to one tracking class when asked", () => {
    const recorder = snipboxRecorder();
    expect(recorder).toHaveTracked("create_snippet", { additionalProperties: { language: "ts" } }, { processorName: "Snipbox::Tracking::AiTracking" });
    expect(recorder).not.toHaveTracked("create_snippet", { user: expect.anything() }, { processorName: "Snipbox::Tracking::AiTracking" });
    expect(recorder).not.toHaveTracked("view_snippet", undefined, { processorName: "Snipbox::Tracking::AiTracking" });
  });

  it("lists what was tracked when it fails", () => {
    const message = failureOf(() => expect(snipboxRecorder()).toHaveTracked("create_snippet", { additionalProperties: { label: "private" } }));
    expect(message).toContain('Expected the recorder to have tracked "create_snippet" with a payload containing {"additionalProperties": {"label": "private"}}, but it tracked:');
    expect(message).toContain('  1. create_snippet (InternalEvents) {"user":{"id":7,"username":"ada"},"project":{"id":42},"additionalProperties":{"label":"public","value":2,"language":"ts"}}');
    expect(message).toContain("  2. create_snippet (Snipbox::Tracking::AiTracking)");
    expect(message).toContain("  3. view_snippet (InternalEvents)");
  });

  it("says when nothing was tracked, and shows the matching calls when .not fails", () => {
    expect(failureOf(() => expect(createRecorder()).toHaveTracked("create_snippet"))).toContain("(nothing was tracked)");
    const message = failureOf(() => expect(snipboxRecorder()).not.toHaveTracked("view_snippet"));
    expect(message).toContain('Expected the recorder not to have tracked "view_snippet", but these calls match:\n  1. view_snippet (InternalEvents)');
  });

  it("lists at most 25 events, and payloads JSON cannot hold", () => {
    const recorder = createRecorder();
    for (let seq = 0; seq < 30; seq += 1) recorder.trackEvent("view_snippet", { additionalProperties: { seq } });
    recorder.trackEvent("fork_snippet", { user: { id: 10n }, additionalProperties: {} });
    const message = failureOf(() => expect(recorder).toHaveTracked("delete_snippet"));
    expect(message).toContain('  25. view_snippet {"additionalProperties":{"seq":24}}\n  … and 6 more');
    expect(failureOf(() => expect(recorder).toHaveTrackedTimes("fork_snippet", 2))).toContain("… and 6 more");
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    const small = createRecorder();
    small.trackEvent("fork_snippet", { user: { id: 10n }, additionalProperties: {} });
    small.trackEvent("fork_snippet", { user: cyclic, additionalProperties: {} });
    const listed = failureOf(() => expect(small).toHaveTrackedTimes("fork_snippet", 3));
    expect(listed).toContain('  1. fork_snippet {"user":{"id":"10n"},"additionalProperties":{}}');
    expect(listed).toContain("  2. fork_snippet [object Object]");
  });

  it("refuses a value that is not a recorder", () => {
    expect(failureOf(() => expect({ events: "no" }).toHaveTracked("create_snippet"))).toContain("the received value must be a recorder from createRecorder()");
  });
});

describe("toHaveTrackedTimes", () => {
  it("counts the calls, per tracking class when asked", () => {
    const recorder = snipboxRecorder();
    expect(recorder).toHaveTrackedTimes("create_snippet", 2);
    expect(recorder).toHaveTrackedTimes("create_snippet", 1, { processorName: "InternalEvents" });
    expect(recorder).toHaveTrackedTimes("delete_snippet", 0);
    expect(recorder).not.toHaveTrackedTimes("view_snippet", 2);
  });

  it("says how often it was tracked when it fails", () => {
    const message = failureOf(() => expect(snipboxRecorder()).toHaveTrackedTimes("view_snippet", 3));
    expect(message).toContain('Expected the recorder to have tracked "view_snippet" 3 times, but it tracked it once:');
    expect(message).toContain("  3. view_snippet (InternalEvents)");
    expect(failureOf(() => expect(snipboxRecorder()).not.toHaveTrackedTimes("create_snippet", 2))).toContain('Expected the recorder not to have tracked "create_snippet" 2 times, but it did:');
    expect(failureOf(() => expect(snipboxRecorder()).toHaveTrackedTimes("create_snippet", -1))).toContain("times must be a whole number");
  });
});
