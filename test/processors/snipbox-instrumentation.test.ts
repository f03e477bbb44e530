/**
 * The root example's instrumentation under test, as docs/testing.md shows it (its example of a
 * tracker's protected properties is Snipbox's): the recorder replaces Snipbox's tracking classes,
 * so nothing reaches the collector and the matchers check what each class received. sit-tracking
 * is imported by its own name.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import "sit-tracking-runtime/jest";
import { createRecorder } from "sit-tracking-runtime/processors/recorder";
import type * as InternalEventsModule from "../../examples/tracking/internal-events";
import type * as Sdk from "../../generated/index";
import { REPO_ROOT } from "../helpers/project";

type Snipbox = typeof Sdk & typeof InternalEventsModule;

/**
 * The generated SDK imports its modules with `.js` extensions, which this repository's Jest
 * config does not map to `.ts`: esbuild bundles the SDK and the example's processors instead.
 */
function loadSnipbox(): Snipbox {
  const folder = mkdtempSync(join(tmpdir(), "sit-snipbox-"));
  try {
    const outfile = join(folder, "snipbox.js");
    buildSync({
      stdin: { contents: 'export * from "./generated/index";\nexport { InternalEvents } from "./examples/tracking/internal-events";\n', resolveDir: REPO_ROOT, loader: "ts" },
      bundle: true,
      platform: "node",
      format: "cjs",
      outfile,
      logLevel: "error",
    });
    return require(outfile) as Snipbox;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const { configureTracking, resetTracking, trackCreateSnippet, trackRequestAiExplanation, InternalEvents } = loadSnipbox();

const ada = { id: 7, username: "ada" };
const project = { id: 42, fullPath: "snipbox/web" };
const namespace = { id: 3, fullPath: "snipbox" };

const recorder = createRecorder();

beforeEach(() => {
  configureTracking({
    processors: {
      InternalEvents: recorder,
      "Snipbox::Tracking::AiTracking": recorder,
      "Snipbox::Tracking::AuditLog": recorder,
      "Snipbox::Tracking::ContributionAnalytics": recorder,
    },
  });
});

afterEach(() => {
  resetTracking();
  recorder.clear();
});

it("records snippet creation instead of sending it to the events collector", () => {
  trackCreateSnippet({ user: ada, project, namespace, additionalProperties: { label: "public", value: 2, language: "typescript" } });

  expect(recorder).toHaveTracked("create_snippet", { user: { id: 7 }, additionalProperties: { label: "public", language: expect.any(String) } });
  expect(recorder).toHaveTrackedTimes("create_snippet", 1);
  expect(recorder).not.toHaveTracked("delete_snippet");
  expect(InternalEvents.pending).toBe(0);
});

it("gives the AI usage ledger its protected properties and no other tracking class", () => {
  trackRequestAiExplanation({
    user: ada,
    project,
    namespace,
    featureEnabledByNamespaceIds: [3],
    additionalProperties: { label: "rust", value: 12, model_name: "claude", prompt_tokens: 900 },
  });

  expect(recorder).toHaveTracked("request_ai_explanation", { additionalProperties: { model_name: "claude", prompt_tokens: 900 } }, { processorName: "Snipbox::Tracking::AiTracking" });
  expect(recorder).not.toHaveTracked("request_ai_explanation", { additionalProperties: { model_name: expect.anything() } }, { processorName: "InternalEvents" });
  expect(recorder).toHaveTrackedTimes("request_ai_explanation", 3);
});
