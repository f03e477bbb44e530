import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/project";
import { generatedConsumer, runTsc, STRICT_FLAGS, writeJson } from "./consumer-project";

/**
 * The runtime contract of docs/sdk.md, observed from outside: the real CLI generates the SDK, tsc
 * compiles it with app/runtime-checks.ts and the fixture's processors to CommonJS, and node runs
 * the result, which reports every processor call and error as JSON.
 */

interface Call {
  readonly processor: string;
  readonly eventName: string;
  readonly payload: { readonly additionalProperties: Record<string, unknown> } & Record<string, unknown>;
}

interface ReportedError {
  readonly message: string;
  readonly eventName: string | null;
  readonly processorName: string | null;
}

interface Recorded {
  readonly calls: Call[];
  readonly errors: ReportedError[];
}

interface FlushState {
  readonly flushed: boolean;
  readonly slowSettled: number;
  readonly errors: ReportedError[];
}

interface Report {
  readonly defaultHandler: Recorded;
  readonly share: { readonly synchronous: Recorded; readonly beforeRelease: FlushState; readonly afterFlush: FlushState };
  readonly shareWithoutProperties: Recorded;
  readonly trackEventShare: Recorded;
  readonly star: Recorded;
  readonly search: Recorded;
  readonly noArguments: Recorded;
  readonly unknownNames: Recorded & { readonly thrown: string[] };
  readonly exactPayloads: Recorded;
  readonly replaced: Recorded & { readonly contexts: string[] };
  readonly disabled: Recorded;
  readonly perProcessor: Recorded & { readonly askedWhenConfigured: number; readonly askedAfterCalls: number };
  readonly validated: Recorded;
  readonly validationOff: Recorded;
  readonly processorFlush: { readonly beforeFlush: number; readonly delivered: string[]; readonly flushCalls: number; readonly errors: ReportedError[] };
  readonly catalog: {
    readonly actions: string[];
    readonly catalogFrozen: boolean;
    readonly entriesFrozen: boolean;
    readonly arraysFrozen: boolean;
    readonly arrayCount: number;
    readonly removed: Record<string, unknown>;
    readonly share: Record<string, unknown>;
  };
}

const SHARE_PROCESSORS = [
  "InternalEvents",
  "ProductAnalytics",
  "Tracking::Throwing",
  "Gitlab::Tracking::AiTracking",
  "Tracking::Rejecting",
  "Tracking::Slow",
];
const SHARED_PROPERTIES = { label: "email", value: 3, note: "team" };
const IDENTIFIERS = { project: { id: 42 }, namespace: { id: "acme" }, user: { id: 7, username: "ada" } };

const propertiesBy = (recorded: Recorded): [string, Record<string, unknown>][] =>
  recorded.calls.map((call) => [call.processor, call.payload.additionalProperties]);

describe("the generated SDK at run time", () => {
  let report: Report;
  let stderr: string;
  let project: string;

  beforeAll(async () => {
    project = generatedConsumer();
    writeJson(join(project, "package.json"), { name: "consumer", private: true, type: "commonjs" });
    writeJson(join(project, "tsconfig.json"), {
      compilerOptions: {
        ...STRICT_FLAGS,
        module: "nodenext",
        moduleResolution: "nodenext",
        // The runtime checks use setTimeout and process; the SDK itself needs no Node.js types.
        types: ["node"],
        typeRoots: [join(REPO_ROOT, "node_modules", "@types")],
        rootDir: ".",
        outDir: "out",
      },
      include: ["generated", "src", "app/runtime-checks.ts"],
    });
    const compiled = await runTsc(project);
    if (compiled.code !== 0) throw new Error(`tsc failed:\n${compiled.output}`);
    const run = spawnSync(process.execPath, [join(project, "out", "app", "runtime-checks.js")], { cwd: project, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`the runtime checks exited with ${run.status}:\n${run.stderr}`);
    report = JSON.parse(run.stdout) as Report;
    stderr = run.stderr;
  });

  it("exports plain data properties from the CommonJS entry point, so a call pays no getter or dictionary lookup", () => {
    const script = `const sdk = require(${JSON.stringify(join(project, "out", "generated", "index.js"))});
      const accessors = Object.entries(Object.getOwnPropertyDescriptors(sdk)).filter(([, d]) => d.get !== undefined).map(([name]) => name);
      console.log(JSON.stringify({ accessors, fast: %HasFastProperties(sdk) }));`;
    const run = spawnSync(process.execPath, ["--allow-natives-syntax", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ accessors: [], fast: true });
  });

  it("calls the default processors first, then the extra trackers in declared order, synchronously", () => {
    const { synchronous } = report.share;
    expect(synchronous.calls.map((call) => call.processor)).toEqual(SHARE_PROCESSORS);
    expect(synchronous.calls.every((call) => call.eventName === "share_snippet")).toBe(true);
  });

  it("gives each tracker its own protected properties and no other's; default processors get none", () => {
    expect(propertiesBy(report.share.synchronous)).toEqual([
      ["InternalEvents", SHARED_PROPERTIES],
      ["ProductAnalytics", SHARED_PROPERTIES],
      ["Tracking::Throwing", SHARED_PROPERTIES],
      ["Gitlab::Tracking::AiTracking", { ...SHARED_PROPERTIES, model_name: "duo-1" }],
      ["Tracking::Rejecting", SHARED_PROPERTIES],
      ["Tracking::Slow", { ...SHARED_PROPERTIES, latency_ms: 12 }],
    ]);
  });

  it("passes the identifiers at the top level of the payload, beside additionalProperties", () => {
    for (const call of report.share.synchronous.calls) {
      expect(call.payload).toEqual({ ...IDENTIFIERS, additionalProperties: expect.any(Object) });
    }
    expect(report.star.calls.map((call) => call.payload)).toEqual(
      Array(3).fill({ user: IDENTIFIERS.user, featureEnabledByNamespaceIds: [1, 2], additionalProperties: { source: "cli" } }),
    );
  });

  it("passes additionalProperties as an empty object when the caller passes none", () => {
    expect(propertiesBy(report.shareWithoutProperties)).toEqual(SHARE_PROCESSORS.map((processor) => [processor, {}]));
    expect(report.search.calls.map((call) => call.payload)).toEqual([
      { additionalProperties: {} },
      { additionalProperties: {} },
      { additionalProperties: { query_length: 4 } },
      { additionalProperties: { query_length: 4 } },
      { additionalProperties: {} },
      { additionalProperties: {} },
    ]);
    expect(report.noArguments.calls).toEqual(
      [1, 2].flatMap(() =>
        ["InternalEvents", "ProductAnalytics"].map((processor) => ({ processor, eventName: "open_command_palette", payload: { additionalProperties: {} } })),
      ),
    );
  });

  it("calls a class's static trackEvent for extra_tracking_classes", () => {
    expect(report.star.calls.map((call) => call.processor)).toEqual(["InternalEvents", "ProductAnalytics", "Gitlab::Tracking::AiTracking"]);
  });

  it("reports a throw at once and a rejection later to onError, and calls the next processors anyway", () => {
    const throwing = { message: "Throwing failed on share_snippet", eventName: "share_snippet", processorName: "Tracking::Throwing" };
    const rejecting = { message: "Rejecting failed on share_snippet", eventName: "share_snippet", processorName: "Tracking::Rejecting" };
    expect(report.share.synchronous.errors).toEqual([throwing]);
    expect(report.share.beforeRelease.errors).toEqual([rejecting]);
    expect(report.share.afterFlush.errors).toEqual([]);
    expect(report.trackEventShare.errors).toEqual([throwing, rejecting]);
  });

  it("logs processor failures with console.error until an onError handler is set", () => {
    expect(report.defaultHandler.calls.map((call) => call.processor)).toEqual(SHARE_PROCESSORS);
    expect(report.defaultHandler.errors).toEqual([]);
    expect(stderr).toContain("Tracking::Throwing failed on event share_snippet");
    expect(stderr).toContain("Error: Throwing failed on share_snippet");
    expect(stderr).toContain("Tracking::Rejecting failed on event share_snippet");
    expect(stderr).toContain("Error: Rejecting failed on share_snippet");
    // Only the two failures of the first event, which ran before configureTracking.
    expect(stderr.match(/failed on event/g)).toHaveLength(2);
  });

  it("resolves flush() only after pending asynchronous processors settle", () => {
    expect(report.share.beforeRelease).toMatchObject({ flushed: false, slowSettled: 0 });
    expect(report.share.afterFlush).toMatchObject({ flushed: true, slowSettled: 1 });
  });

  it("dispatches trackEvent(name, args) exactly like the named function", () => {
    expect(report.trackEventShare.calls).toEqual(report.share.synchronous.calls);
    expect(report.noArguments.calls.slice(2)).toEqual(report.noArguments.calls.slice(0, 2));
  });

  it("reports an unknown name passed to trackEvent from JavaScript to onError without throwing", () => {
    expect(report.unknownNames.thrown).toEqual([]);
    expect(report.unknownNames.calls).toEqual([]);
    expect(report.unknownNames.errors).toEqual(
      ["nope", "constructor", "__proto__"].map((name) => ({ message: `unknown event "${name}"`, eventName: name, processorName: null })),
    );
  });

  it("builds additionalProperties from the declared keys only: undeclared and foreign protected keys passed through a variable reach no processor", () => {
    expect(propertiesBy(report.exactPayloads)).toEqual([
      ["InternalEvents", { label: "link" }],
      ["ProductAnalytics", { label: "link" }],
      ["Tracking::Throwing", { label: "link" }],
      ["Gitlab::Tracking::AiTracking", { label: "link", model_name: "m" }],
      ["Tracking::Rejecting", { label: "link" }],
      ["Tracking::Slow", { label: "link", latency_ms: 5 }],
    ]);
    for (const call of report.exactPayloads.calls) expect(Object.keys(call.payload).sort()).toEqual(["additionalProperties", "namespace", "project", "user"]);
  });

  it("replaces the implementation of configured tracking classes, telling each processor which class it serves", () => {
    expect(report.replaced.calls.map((call) => call.processor)).toEqual([
      "replacement of InternalEvents",
      "ProductAnalytics",
      "Tracking::Throwing",
      "Gitlab::Tracking::AiTracking",
      "Tracking::Rejecting",
      "replacement of Tracking::Slow",
    ]);
    expect(report.replaced.contexts).toEqual(["InternalEvents", "Tracking::Slow"]);
  });

  it("stops every event before any processor with enabled: false, and asks a per-processor switch only when configured", () => {
    expect(report.disabled).toEqual({ calls: [], errors: [] });
    expect(report.perProcessor.calls.map((call) => call.processor)).toEqual(Array(2).fill(["InternalEvents", "Gitlab::Tracking::AiTracking"]).flat());
    expect(report.perProcessor.askedWhenConfigured).toBe(SHARE_PROCESSORS.length);
    expect(report.perProcessor.askedAfterCalls).toBe(SHARE_PROCESSORS.length);
  });

  it("reports each violation of a definition to onError with validate: checkEvents, and still sends the event", () => {
    const violation = (eventName: string, message: string) => ({ message, eventName, processorName: null });
    expect(report.validated.errors.filter((error) => error.processorName === null)).toEqual([
      violation("create_snippet", "identifier user is missing"),
      violation("create_snippet", 'property label must be one of "private", "public", not "secret"'),
      violation("create_snippet", "property language is required"),
      violation("create_snippet", "property email is not declared, so it is not sent"),
      violation("share_snippet", "property value must be an integer, not 2.5"),
    ]);
    expect(report.validated.calls.filter((call) => call.eventName === "create_snippet")).toHaveLength(4);
    expect(report.validationOff.errors.filter((error) => error.processorName === null)).toEqual([]);
    expect(report.validationOff.calls).toHaveLength(SHARE_PROCESSORS.length);
  });

  it("waits in flush() for processors that queue, once per processor, and reports a flush that fails", () => {
    expect(report.processorFlush).toEqual({
      beforeFlush: 0,
      delivered: ["open_command_palette", "open_command_palette"],
      flushCalls: 1,
      errors: [{ message: "flush failed", eventName: null, processorName: "Tracking::Slow" }],
    });
  });

  it("exposes EVENTS deeply frozen, with removed events and without legacy definitions", () => {
    const { catalog } = report;
    expect(catalog.actions).toEqual(["create_snippet", "open_command_palette", "search_snippets", "share_snippet", "star_snippet", "view_gallery"]);
    expect(catalog).toMatchObject({ catalogFrozen: true, entriesFrozen: true, arraysFrozen: true });
    // arraysFrozen means little unless each entry has its arrays (identifiers, processors, tiers…).
    expect(catalog.arrayCount).toBeGreaterThanOrEqual(catalog.actions.length * 3);
    expect(catalog.removed).toMatchObject({
      action: "view_gallery",
      status: "removed",
      milestoneRemoved: "1.1",
      removedByUrl: "https://example.com/merge_requests/6",
      file: "definitions/removed/view_gallery.yml",
    });
    expect(catalog.share).toMatchObject({
      status: "active",
      identifiers: ["project", "namespace", "user"],
      processors: SHARE_PROCESSORS,
    });
  });
});
