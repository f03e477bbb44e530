import { spawn } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import "../../packages/runtime/src/jest";
import { STRICT_FLAGS } from "../e2e/consumer-project";
import { definition, enableTypeCheckOfGeneratedCode, REPO_ROOT } from "../helpers/project";
import type { HttpProcessor } from "../../packages/runtime/src/processors/http";
import type { Recorder } from "../../packages/runtime/src/processors/recorder";
import { assertPackageBuilt } from "./built-package";
import { generatedSdkProject } from "./generated-sdk-project";
import { startTestCollector } from "./test-collector";

/**
 * The built-in processors as applications use them: named in sit.config.yaml through a one-line
 * module, called by a generated SDK. The SDK must accept them as its `Processor`s under the
 * strictest flags, and they must receive what the SDK sends.
 */

beforeAll(assertPackageBuilt);

function tsc(project: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", project, "--pretty", "false"]);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Bundles `entry` of `root` for Node.js and loads it into this test. */
function loadBundle<T>(root: string, entry: string): T {
  const outfile = join(root, "bundle", `${entry}.js`);
  buildSync({ entryPoints: [join(root, `${entry}.ts`)], bundle: true, platform: "node", target: "node20", format: "cjs", outfile, logLevel: "error" });
  return require(outfile) as T;
}

/** A definition of a team's plan: properties that are lists, objects, null or anything widen the SDK's PropertyValue. */
const STRUCTURED_EVENT = {
  "definitions/place_order.yml": definition(
    "place_order",
    `additional_properties:
  products:
    description: what was bought
    type: array
    items:
      type: object
      properties:
        sku: { type: string, required: true }
  coupon:
    description: the coupon, if any
    type: [string, "null"]
  context:
    description: anything the page knows
    type: any
`,
  ),
};

it.each([
  ["GitLab's scalars", {}, ""],
  [
    "null, lists, objects and any value",
    STRUCTURED_EVENT,
    'trackPlaceOrder({ user: { id: 1, username: "ada" }, additionalProperties: { products: [{ sku: "A-1" }], coupon: null, context: { page: 2n } } });\n',
  ],
])("accepts every built-in processor as a Processor of the generated SDK, with the application's identifier types and properties of %s", async (_, definitions, calls) => {
  const { root, outputDir } = generatedSdkProject({
    processors: { InternalEvents: "Collector", "Gitlab::Tracking::AiTracking": "AiTracking", "Audit::Log": "Audit", "Snowplow::Tracker": "Snowplow", Telemetry: "Telemetry" },
    defaultProcessors: ["InternalEvents", "Audit::Log", "Snowplow::Tracker", "Telemetry"],
    configExtra: "identifiers:\n  user: { type: User, module: ./models }\n",
    trackingModule: `import { createConsoleProcessor } from "sit-tracking-runtime/processors/console";
import { createHttpProcessor } from "sit-tracking-runtime/processors/http";
import { createOpenTelemetryProcessor } from "sit-tracking-runtime/processors/opentelemetry";
import { createRecorder } from "sit-tracking-runtime/processors/recorder";
import { createSnowplowProcessor } from "sit-tracking-runtime/processors/snowplow";

export const Collector = createHttpProcessor({ url: "http://127.0.0.1:9/collect" });
export const AiTracking = createRecorder();
export const Audit = createConsoleProcessor({ format: "json" });
export const Snowplow = createSnowplowProcessor({ collectorUrl: "http://127.0.0.1:9", appId: "app" });
export const Telemetry = createOpenTelemetryProcessor();
`,
    files: {
      "models.ts": "export interface User {\n  readonly id: number;\n  readonly username: string;\n}\n",
      ...definitions,
      "app.ts": `import * as sdk from "./generated/index.js";
const { trackCreateSnippet, trackRequestAiExplanation } = sdk;

trackCreateSnippet({ user: { id: 1, username: "ada" }, project: { id: 2 }, additionalProperties: { label: "public", value: 2 } });
trackRequestAiExplanation({ user: { id: 1, username: "ada" }, additionalProperties: { model_name: "m" } });
${calls === "" ? "" : `const { trackPlaceOrder } = sdk;\n${calls}`}`,
      "tsconfig.json": JSON.stringify({
        compilerOptions: {
          ...STRICT_FLAGS,
          module: "nodenext",
          moduleResolution: "nodenext",
          noEmit: true,
          // Snowplow's and OpenTelemetry's declarations need Node.js's (fetch, console).
          types: ["node"],
        },
        include: ["*.ts", "generated/*.ts"],
      }),
    },
  });
  mkdirSync(join(root, "node_modules", "@types"));
  symlinkSync(join(REPO_ROOT, "node_modules", "@types", "node"), join(root, "node_modules", "@types", "node"), "dir");
  enableTypeCheckOfGeneratedCode(outputDir);
  expect(await tsc(root)).toEqual({ code: 0, output: "" });
});

interface RecordingSdk {
  readonly Recorder: Recorder;
  trackCreateSnippet(args: unknown): void;
  trackRequestAiExplanation(args: unknown): void;
}

it("hands the recorder what the SDK sends, with the tracking class that received each event", () => {
  const { root } = generatedSdkProject({
    processors: { InternalEvents: "Recorder", "Gitlab::Tracking::AiTracking": "Recorder" },
    defaultProcessors: ["InternalEvents"],
    trackingModule: 'import { createRecorder } from "sit-tracking-runtime/processors/recorder";\n\nexport const Recorder = createRecorder();\n',
    files: { "app.ts": 'export { Recorder } from "./tracking";\nexport { trackCreateSnippet, trackRequestAiExplanation } from "./generated/index";\n' },
  });
  const sdk = loadBundle<RecordingSdk>(root, "app");
  sdk.trackCreateSnippet({ user: { id: 1 }, project: { id: 2 }, additionalProperties: { label: "public", language: "ts" } });
  sdk.trackRequestAiExplanation({ user: { id: 1 }, additionalProperties: { label: "editor", model_name: "m" } });

  expect(sdk.Recorder).toHaveTrackedTimes("create_snippet", 1);
  expect(sdk.Recorder).toHaveTracked("create_snippet", { user: { id: 1 }, project: { id: 2 }, additionalProperties: { label: "public", language: "ts" } }, { processorName: "InternalEvents" });
  expect(sdk.Recorder).toHaveTrackedTimes("request_ai_explanation", 2);
  expect(sdk.Recorder.find("request_ai_explanation").map((event) => [event.processorName, event.payload.additionalProperties])).toEqual([
    ["InternalEvents", { label: "editor" }],
    ["Gitlab::Tracking::AiTracking", { label: "editor", model_name: "m" }],
  ]);
});

interface HttpSdk {
  readonly Collector: HttpProcessor;
  trackCreateSnippet(args: unknown): void;
}

it("delivers what the SDK sends through the HTTP processor in Node.js", async () => {
  const collector = await startTestCollector();
  try {
    const { root } = generatedSdkProject({
      processors: { InternalEvents: "Collector", "Gitlab::Tracking::AiTracking": "Collector" },
      defaultProcessors: ["InternalEvents"],
      trackingModule: `import { createHttpProcessor } from "sit-tracking-runtime/processors/http";\n\nexport const Collector = createHttpProcessor({ url: ${JSON.stringify(collector.url)} });\n`,
      files: { "app.ts": 'export { Collector } from "./tracking";\nexport { trackCreateSnippet } from "./generated/index";\n' },
    });
    const sdk = loadBundle<HttpSdk>(root, "app");
    for (const value of [1, 2, 3]) sdk.trackCreateSnippet({ user: { id: 7 }, project: { id: 42 }, additionalProperties: { value } });
    await sdk.Collector.flush();

    expect(collector.accepted.map(({ event, user, project, additionalProperties }) => ({ event, user, project, additionalProperties }))).toEqual(
      [1, 2, 3].map((value) => ({ event: "create_snippet", user: 7, project: 42, additionalProperties: { value } })),
    );
  } finally {
    await collector.close();
  }
});
