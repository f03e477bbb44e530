import { createRecorder } from "../../packages/runtime/src/processors/recorder";

describe("createRecorder", () => {
  it("keeps events in call order with the tracking class that received each", () => {
    const recorder = createRecorder();
    recorder.trackEvent("create_snippet", { user: { id: 1 }, additionalProperties: { label: "public" } }, { processorName: "InternalEvents" });
    recorder.trackEvent("create_snippet", { additionalProperties: { language: "ts" } }, { processorName: "Gitlab::Tracking::AiTracking" });
    recorder.trackEvent("view_snippet", { additionalProperties: {} });

    expect(recorder.events).toEqual([
      { eventName: "create_snippet", processorName: "InternalEvents", payload: { user: { id: 1 }, additionalProperties: { label: "public" } } },
      { eventName: "create_snippet", processorName: "Gitlab::Tracking::AiTracking", payload: { additionalProperties: { language: "ts" } } },
      { eventName: "view_snippet", processorName: undefined, payload: { additionalProperties: {} } },
    ]);
    expect(recorder.find("create_snippet").map((event) => event.processorName)).toEqual(["InternalEvents", "Gitlab::Tracking::AiTracking"]);
    expect(recorder.find("never_tracked")).toEqual([]);
  });

  it("forgets everything on clear() and leaves copies taken before untouched", () => {
    const recorder = createRecorder();
    recorder.trackEvent("star_snippet", { additionalProperties: {} });
    const before = recorder.events;
    recorder.clear();
    recorder.trackEvent("fork_snippet", { additionalProperties: {} });

    expect(recorder.events.map((event) => event.eventName)).toEqual(["fork_snippet"]);
    expect(before.map((event) => event.eventName)).toEqual(["star_snippet"]);
  });
});
