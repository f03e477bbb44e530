import { join } from "node:path";
import { generate } from "../../src/index";
import { runPipeline } from "../../src/pipeline/run-pipeline";
import { readInputs } from "../../src/pipeline/read-inputs";
import { buildModel } from "../../src/model/build-model";
import { argsTypeNameOf, classNameStem, classNameWord, functionNameOf, pascalCase } from "../../src/naming/names";
import { REPO_ROOT } from "../helpers/project";

const trackers = join(REPO_ROOT, "test", "fixtures", "trackers");

describe("names", () => {
  it.each([
    ["create_merge_request", "trackCreateMergeRequest", "CreateMergeRequestArgs"],
    ["g_edit_by_sfe", "trackGEditBySfe", "GEditBySfeArgs"],
    ["1_click_checkout", "track1ClickCheckout", "Track1ClickCheckoutArgs"],
    ["a__b_", "trackAB", "ABArgs"],
  ])("%s → %s, %s", (action, functionName, argsTypeName) => {
    expect(functionNameOf(action)).toBe(functionName);
    expect(argsTypeNameOf(action)).toBe(argsTypeName);
    expect(pascalCase(action)).toBe(functionName.slice("track".length));
  });
});

describe("buildModel", () => {
  const analysis = runPipeline(readInputs({ cwd: trackers }), { until: "model" });
  const model = analysis.model!;
  const event = (action: string) => model.events.find((candidate) => candidate.action === action)!;

  it("keeps internal events only, sorted by action, removed ones included", () => {
    expect(model.events.map((candidate) => candidate.action)).toEqual(["ask_duo_question", "merge_merge_request", "view_legacy_dashboard"]);
    expect(event("view_legacy_dashboard").metadata.status).toBe("removed");
  });

  it("calls the default processors first, then the extra trackers in declared order", () => {
    expect(event("ask_duo_question").calls.map((call) => call.className)).toEqual([
      "InternalEvents",
      "Gitlab::Tracking::AiTracking",
      "Acme::Audit",
      "Snowplow",
    ]);
    expect(event("merge_merge_request").calls.map((call) => call.className)).toEqual([
      "InternalEvents",
      "Gitlab::Tracking::ContributionAnalyticsTracking",
    ]);
  });

  it("gives each tracker a payload with its own protected properties, and every other processor the event's own", () => {
    const payloads = Object.fromEntries(event("ask_duo_question").calls.map((call) => [call.className, call.payload]));
    const own = ["label", "value", "is_follow_up"];
    expect(payloads).toEqual({
      InternalEvents: { variable: "defaultPayload", propertiesVariable: "defaultProperties", propertyNames: own },
      "Gitlab::Tracking::AiTracking": { variable: "aiTrackingPayload", propertiesVariable: "aiTrackingProperties", propertyNames: [...own, "language", "prompt_tokens"] },
      "Acme::Audit": { variable: "auditPayload", propertiesVariable: "auditProperties", propertyNames: [...own, "audit_reason"] },
      Snowplow: { variable: "defaultPayload", propertiesVariable: "defaultProperties", propertyNames: own },
    });
    // Processors receiving the same properties share one payload.
    expect(event("ask_duo_question").payloads).toHaveLength(3);
  });

  it("derives names that are identifiers from any tracking class, and unique ones when two clash", () => {
    expect(classNameStem("Gitlab::Tracking::AiTracking")).toBe("GitlabTrackingAiTracking");
    expect(classNameStem("1Tracker")).toBe("Tracker1Tracker");
    expect(classNameStem("::")).toBe("Tracker");
    expect(classNameStem("Ünïcode::Tracker")).toBe("NCodeTracker");
    expect(classNameWord("Acme::2Fast")).toBe("tracker2Fast");
    expect(model.processors.map((processor) => [processor.localName, processor.senderName, processor.slotName])).toEqual([
      ["AcmeAuditProcessor", "sendToAcmeAudit", "acmeAuditSlot"],
      ["GitlabTrackingAiTrackingProcessor", "sendToGitlabTrackingAiTracking", "gitlabTrackingAiTrackingSlot"],
      ["GitlabTrackingContributionAnalyticsTrackingProcessor", "sendToGitlabTrackingContributionAnalyticsTracking", "gitlabTrackingContributionAnalyticsTrackingSlot"],
      ["InternalEventsProcessor", "sendToInternalEvents", "internalEventsSlot"],
      ["SnowplowProcessor", "sendToSnowplow", "snowplowSlot"],
    ]);
  });

  it("types properties: GitLab's fixed types, sit's extensions, string | number otherwise", () => {
    const properties = Object.fromEntries(event("ask_duo_question").properties.map((property) => [property.name, property]));
    expect(properties["label"]).toMatchObject({ value: { types: ["string"], enum: ["ide", "web"] }, required: false });
    expect(properties["value"]).toMatchObject({ value: { types: ["number"] }, required: true });
    expect(properties["is_follow_up"]).toMatchObject({ value: { types: ["boolean"] } });
    expect(properties["language"]).toMatchObject({ value: { types: ["string", "number"] }, protectedFor: "Gitlab::Tracking::AiTracking" });
    expect(event("ask_duo_question").argument).toBe("required");
  });

  it("does not depend on the order definitions arrive in", () => {
    const shuffled = [...analysis.definitions].reverse();
    expect(buildModel(shuffled, analysis.config!)).toEqual(model);
  });

  it("is the model generate() emits from", () => {
    expect(generate({ cwd: trackers }).files.map((file) => file.path)).toEqual(["catalog.ts", "checks.ts", "core.ts", "index.ts", "runtime.ts", "validation.ts"]);
  });
});
