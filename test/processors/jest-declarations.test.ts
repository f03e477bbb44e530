import { spawn } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { makeProject, REPO_ROOT, RUNTIME_ROOT } from "../helpers/project";
import { assertPackageBuilt } from "./built-package";

/**
 * The declarations sit-tracking-runtime/jest ships, as applications compile them: with Jest's types the
 * matchers are typed on `expect(…)`, and a project without any test framework's types (e.g. one
 * that only passes `matchers` to another runner) still compiles. Vitest: vitest-matchers.test.ts.
 */

const JEST_CONSUMER = `import "sit-tracking-runtime/jest";
import { createRecorder } from "sit-tracking-runtime/processors/recorder";

test("typed", () => {
  const recorder = createRecorder();
  expect(recorder).toHaveTracked("create_snippet", { user: expect.anything(), additionalProperties: { label: "public" } });
  expect(recorder).not.toHaveTrackedTimes("create_snippet", 2, { processorName: "InternalEvents" });
  // @ts-expect-error the count is a number
  expect(recorder).toHaveTrackedTimes("create_snippet", "2");
  // @ts-expect-error the filter names a processor
  expect(recorder).toHaveTracked("create_snippet", undefined, { processor: "InternalEvents" });
});
`;

/** With `@jest/globals`, whose `expect` is typed by the "expect" package: docs/testing.md's augmentation. */
const JEST_GLOBALS_CONSUMER = `import { expect, test } from "@jest/globals";
import type { TrackingMatchers } from "sit-tracking-runtime/jest";
import "sit-tracking-runtime/jest";
import { createRecorder } from "sit-tracking-runtime/processors/recorder";

declare module "expect" {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends TrackingMatchers<R> {}
}

test("typed", () => {
  const recorder = createRecorder();
  expect(recorder).toHaveTracked("create_snippet", { additionalProperties: { label: expect.any(String) } });
  // @ts-expect-error the count is a number
  expect(recorder).toHaveTrackedTimes("create_snippet", "2");
});
`;

const NO_FRAMEWORK_CONSUMER = `import { matchers, type TrackingMatchers } from "sit-tracking-runtime/jest";
import { createConsoleProcessor } from "sit-tracking-runtime/processors/console";
import { createHttpProcessor, type HttpProcessorError } from "sit-tracking-runtime/processors/http";
import { createRecorder } from "sit-tracking-runtime/processors/recorder";

export const names: string[] = Object.keys(matchers);
export const recorder = createRecorder();
export const printer = createConsoleProcessor({ format: "json", write: (line) => names.push(line) });
export const collector = createHttpProcessor({ url: "/collect", onError: (error: HttpProcessorError) => names.push(error.reason) });
export type Assertions = TrackingMatchers<void>;
`;

function tscIn(project: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", project, "--pretty", "false"]);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** A CommonJS project that has installed sit-tracking (a link to this repository), `types` and `packages`. */
function consumer(file: string, types: readonly string[], skipLibCheck: boolean, packages: readonly string[] = []): string {
  const project = makeProject({
    "package.json": '{ "name": "app", "private": true }\n',
    "consumer.ts": file,
    "tsconfig.json": JSON.stringify({
      compilerOptions: { target: "es2022", lib: ["es2022"], module: "nodenext", moduleResolution: "nodenext", strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noUnusedLocals: true, noUnusedParameters: true, noEmit: true, skipLibCheck, types },
      files: ["consumer.ts"],
    }),
  });
  mkdirSync(join(project, "node_modules", "@types"), { recursive: true });
  symlinkSync(RUNTIME_ROOT, join(project, "node_modules", "sit-tracking-runtime"), "dir");
  for (const name of types) symlinkSync(join(REPO_ROOT, "node_modules", "@types", name), join(project, "node_modules", "@types", name), "dir");
  for (const name of packages) {
    mkdirSync(join(project, "node_modules", name, ".."), { recursive: true });
    symlinkSync(join(REPO_ROOT, "node_modules", name), join(project, "node_modules", name), "dir");
  }
  return project;
}

beforeAll(assertPackageBuilt);

it("types the matchers on Jest's expect, rejecting wrong arguments", async () => {
  // Jest's own declarations are large; the no-framework case below checks sit's in full.
  expect(await tscIn(consumer(JEST_CONSUMER, ["jest"], true))).toEqual({ code: 0, output: "" });
});

it("types the matchers on @jest/globals' expect with the documented augmentation", async () => {
  expect(await tscIn(consumer(JEST_GLOBALS_CONSUMER, [], true, ["@jest/globals", "expect"]))).toEqual({ code: 0, output: "" });
});

it("compiles, with the recorder, console and HTTP processors, in a project without any test framework's, DOM or Node.js types", async () => {
  expect(await tscIn(consumer(NO_FRAMEWORK_CONSUMER, [], false))).toEqual({ code: 0, output: "" });
});
