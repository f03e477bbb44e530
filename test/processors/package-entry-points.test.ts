import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { makeProject, REPO_ROOT } from "../helpers/project";
import { assertPackageBuilt } from "./built-package";

/** The fixtures are inside the repository, where `sit-tracking` resolves to itself through "exports". */
const FIXTURES = join(__dirname, "entry-points");

function runNode(script: string, cwd: string): Record<string, unknown> {
  return JSON.parse(execFileSync(process.execPath, [script], { cwd, encoding: "utf8" })) as Record<string, unknown>;
}

const EVERY_ENTRY_POINT = {
  matchers: ["toHaveTracked", "toHaveTrackedTimes"],
  createConsoleProcessor: "function",
  createHttpProcessor: "function",
  HttpProcessorError: "function",
  createOpenTelemetryProcessor: "function",
  createSnowplowProcessor: "function",
  GITLAB_STANDARD_CONTEXT_SCHEMA: "iglu:com.gitlab/gitlab_standard/jsonschema/1-1-7",
};

beforeAll(assertPackageBuilt);

describe("sit-tracking's entry points", () => {
  it("load by name from an ES module, with named exports", () => {
    expect(runNode(join(FIXTURES, "import-all.mjs"), REPO_ROOT)).toEqual({
      ...EVERY_ENTRY_POINT,
      recorded: [{ eventName: "create_snippet", processorName: "InternalEvents", payload: { additionalProperties: { label: "esm" } } }],
    });
  });

  it("load by name from CommonJS", () => {
    expect(runNode(join(FIXTURES, "require-all.cjs"), REPO_ROOT)).toEqual({
      ...EVERY_ENTRY_POINT,
      recorded: [{ eventName: "create_snippet", processorName: "InternalEvents", payload: { additionalProperties: { label: "cjs" } } }],
    });
  });

  describe("in an application without the optional peer dependencies", () => {
    let app: string;

    beforeAll(() => {
      // The package as an application installs it, without @opentelemetry/* or @snowplow/*.
      app = makeProject({ "package.json": '{ "name": "app", "private": true }\n' });
      const installed = join(app, "node_modules", "sit-tracking");
      mkdirSync(join(installed, "dist"), { recursive: true });
      cpSync(join(REPO_ROOT, "package.json"), join(installed, "package.json"));
      for (const folder of ["processors", "jest"]) cpSync(join(REPO_ROOT, "dist", folder), join(installed, "dist", folder), { recursive: true });
      for (const script of ["without-peers.cjs", "without-peers.mjs"]) cpSync(join(FIXTURES, script), join(app, script));
    });

    it("recorder, console, http and jest load and work from CommonJS and load nothing else", () => {
      const report = runNode("without-peers.cjs", app) as { loaded: string[]; failures: Record<string, string> };
      expect(report).toMatchObject({ lines: ["view_snippet user=1"], pending: 0, recorded: 1 });
      expect(report.loaded.length).toBeGreaterThan(0);
      expect(report.loaded.filter((path) => !path.includes(join("node_modules", "sit-tracking", "dist")))).toEqual([]);
      expect(report.failures).toEqual({
        "sit-tracking/processors/snowplow": "MODULE_NOT_FOUND: Cannot find module '@snowplow/node-tracker'",
        "sit-tracking/processors/opentelemetry": "MODULE_NOT_FOUND: Cannot find module '@opentelemetry/api'",
      });
    });

    it("load from an ES module too", () => {
      expect(runNode("without-peers.mjs", app)).toEqual({
        http: "function",
        recorder: "function",
        matchers: ["toHaveTracked", "toHaveTrackedTimes"],
        failure: "MODULE_NOT_FOUND: Cannot find module '@opentelemetry/api'",
      });
    });
  });
});
