import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { makeProject, REPO_ROOT, RUNTIME_ROOT } from "../helpers/project";
import { assertPackageBuilt } from "./built-package";

/**
 * sit-tracking-runtime/jest under a real Vitest 3: a temporary ES module project that installs the
 * package (a link to this repository, resolved through its "exports") and Vitest, runs
 * `vitest run` twice (matchers passed to `expect.extend`, and registered on the global `expect`
 * by importing the package) and type-checks the same tests with tsc against Vitest's types.
 */

const EXTEND_TEST = `import { expect, test } from "vitest";
import { matchers } from "sit-tracking-runtime/jest";
import { createRecorder } from "sit-tracking-runtime/processors/recorder";

expect.extend(matchers);

function recorded() {
  const recorder = createRecorder();
  recorder.trackEvent("create_snippet", { user: { id: 7 }, additionalProperties: { label: "public", value: 2 } }, { processorName: "InternalEvents" });
  recorder.trackEvent("view_snippet", { additionalProperties: {} }, { processorName: "InternalEvents" });
  return recorder;
}

test("passes with partial payloads and asymmetric matchers", () => {
  const recorder = recorded();
  expect(recorder).toHaveTracked("create_snippet", { user: expect.anything(), additionalProperties: { label: "public" } });
  expect(recorder).toHaveTracked("create_snippet", { additionalProperties: { value: expect.any(Number) } }, { processorName: "InternalEvents" });
  expect(recorder).not.toHaveTracked("create_snippet", { additionalProperties: { label: "private" } });
  expect(recorder).toHaveTrackedTimes("view_snippet", 1);
  expect(recorder).not.toHaveTrackedTimes("view_snippet", 2);
  // @ts-expect-error the count is a number
  expect(() => expect(recorder).toHaveTrackedTimes("view_snippet", "1")).toThrow("times must be a whole number");
});

test("fails on purpose, to show the message", () => {
  expect(recorded()).toHaveTracked("create_snippet", { additionalProperties: { label: "private" } });
});
`;

const GLOBAL_TEST = `import "sit-tracking-runtime/jest";
import { createRecorder } from "sit-tracking-runtime/processors/recorder";

test("registers on the global expect with one import", () => {
  const recorder = createRecorder();
  recorder.trackEvent("star_snippet", { additionalProperties: {} });
  expect(recorder).toHaveTracked("star_snippet");
  expect(recorder).not.toHaveTracked("fork_snippet");
});
`;

interface VitestReport {
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly testResults: readonly { readonly assertionResults: readonly { readonly title: string; readonly status: string; readonly failureMessages: readonly string[] }[] }[];
}

interface Run {
  readonly code: number | null;
  readonly output: string;
}

function run(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: "1", CI: "1" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code, output }));
  });
}

function vitestReport(project: string, name: string): VitestReport {
  return JSON.parse(readFileSync(join(project, name), "utf8")) as VitestReport;
}

let project: string;

beforeAll(() => {
  assertPackageBuilt();
  project = makeProject({
    "package.json": '{ "name": "vitest-app", "private": true, "type": "module" }\n',
    "extend.test.ts": EXTEND_TEST,
    "global.test.ts": GLOBAL_TEST,
    "vitest.extend.config.mjs": 'export default { test: { include: ["extend.test.ts"], globals: false } };\n',
    "vitest.global.config.mjs": 'export default { test: { include: ["global.test.ts"], globals: true } };\n',
    "tsconfig.json": JSON.stringify({
      compilerOptions: { target: "es2022", lib: ["es2022"], module: "nodenext", moduleResolution: "nodenext", strict: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: true, types: ["vitest/globals"] },
      include: ["*.test.ts"],
    }),
  });
  mkdirSync(join(project, "node_modules"));
  symlinkSync(RUNTIME_ROOT, join(project, "node_modules", "sit-tracking-runtime"), "dir");
  symlinkSync(join(REPO_ROOT, "node_modules", "vitest"), join(project, "node_modules", "vitest"), "dir");
});

const VITEST = join(REPO_ROOT, "node_modules", "vitest", "vitest.mjs");

describe("sit-tracking-runtime/jest with Vitest", () => {
  it("works through expect.extend(matchers), with a readable failure message", async () => {
    const result = await run([VITEST, "run", "--config", "vitest.extend.config.mjs", "--reporter=json", "--outputFile=extend.json"], project);
    expect(result.code).toBe(1);
    const report = vitestReport(project, "extend.json");
    expect([report.numPassedTests, report.numFailedTests]).toEqual([1, 1]);
    const results = report.testResults.flatMap((file) => file.assertionResults);
    expect(results.map(({ title, status }) => [title, status])).toEqual([
      ["passes with partial payloads and asymmetric matchers", "passed"],
      ["fails on purpose, to show the message", "failed"],
    ]);
    const message = results[1]!.failureMessages.join("\n");
    expect(message).toContain('Expected the recorder to have tracked "create_snippet" with a payload containing');
    expect(message).toContain('  1. create_snippet (InternalEvents) {"user":{"id":7},"additionalProperties":{"label":"public","value":2}}');
    expect(message).toContain("  2. view_snippet (InternalEvents)");
  });

  it("registers on Vitest's global expect with one import", async () => {
    const result = await run([VITEST, "run", "--config", "vitest.global.config.mjs", "--reporter=json", "--outputFile=global.json"], project);
    expect(result.code).toBe(0);
    expect(vitestReport(project, "global.json").numPassedTests).toBe(1);
  });

  it("types the matchers on Vitest's assertions", async () => {
    const result = await run([join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", ".", "--pretty", "false"], project);
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });
});
