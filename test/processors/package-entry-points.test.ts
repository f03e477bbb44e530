import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { makeProject, REPO_ROOT, RUNTIME_ROOT } from "../helpers/project";
import { assertPackageBuilt } from "./built-package";

/** The fixtures are inside the repository, where `sit-tracking-runtime` resolves to its workspace through "exports". */
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

describe("sit-tracking-runtime's entry points", () => {
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
      const installed = join(app, "node_modules", "sit-tracking-runtime");
      mkdirSync(installed, { recursive: true });
      cpSync(join(RUNTIME_ROOT, "package.json"), join(installed, "package.json"));
      cpSync(join(RUNTIME_ROOT, "dist"), join(installed, "dist"), { recursive: true });
      for (const script of ["without-peers.cjs", "without-peers.mjs"]) cpSync(join(FIXTURES, script), join(app, script));
    });

    it("recorder, console, http and jest load and work from CommonJS and load nothing else", () => {
      const report = runNode("without-peers.cjs", app) as { loaded: string[]; failures: Record<string, string> };
      expect(report).toMatchObject({ lines: ["view_snippet user=1"], pending: 0, recorded: 1 });
      expect(report.loaded.length).toBeGreaterThan(0);
      expect(report.loaded.filter((path) => !path.includes(join("node_modules", "sit-tracking-runtime", "dist", "cjs")))).toEqual([]);
      expect(report.failures).toEqual({
        "sit-tracking-runtime/processors/snowplow": "MODULE_NOT_FOUND: Cannot find module '@snowplow/node-tracker'",
        "sit-tracking-runtime/processors/opentelemetry": "MODULE_NOT_FOUND: Cannot find module '@opentelemetry/api'",
      });
    });

    it("load from an ES module too", () => {
      expect(runNode("without-peers.mjs", app)).toEqual({
        http: "function",
        recorder: "function",
        matchers: ["toHaveTracked", "toHaveTrackedTimes"],
        failure: expect.stringMatching(/^ERR_MODULE_NOT_FOUND: Cannot find package '@opentelemetry\/api' imported from .*dist\/esm\/processors\/opentelemetry\.js$/),
      });
    });
  });
});

interface Manifest {
  readonly type?: string;
  readonly sideEffects: unknown;
  readonly dependencies?: unknown;
  readonly exports: Readonly<Record<string, string | Readonly<Record<"import" | "require", Readonly<Record<"types" | "default", string>>>>>>;
}

const MANIFEST = JSON.parse(readFileSync(join(RUNTIME_ROOT, "package.json"), "utf8")) as Manifest;
const ENTRY_POINTS = Object.keys(MANIFEST.exports).filter((name) => name !== "./package.json");

/** Every file under `folder`, relative to it. */
function filesOf(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

describe("sit-tracking-runtime's package.json", () => {
  it("has no dependencies, and an import and a require condition with their own types for every entry point", () => {
    expect(MANIFEST.dependencies).toBeUndefined();
    expect(ENTRY_POINTS).toEqual(["./processors/recorder", "./processors/console", "./processors/http", "./processors/snowplow", "./processors/opentelemetry", "./jest"]);
    for (const name of ENTRY_POINTS) {
      const target = name === "./jest" ? "jest/index" : name.slice(2);
      expect({ name, conditions: MANIFEST.exports[name] }).toEqual({
        name,
        conditions: {
          import: { types: `./dist/esm/${target}.d.ts`, default: `./dist/esm/${target}.js` },
          require: { types: `./dist/cjs/${target}.d.ts`, default: `./dist/cjs/${target}.js` },
        },
      });
    }
  });

  it("declares no side effects but the jest entry point's, which adds the matchers to a global expect", () => {
    expect(MANIFEST.sideEffects).toEqual(["./dist/esm/jest/index.js", "./dist/cjs/jest/index.js"]);
  });

  it("ships ES modules to the import condition (no exports. and no require( in dist/esm) and CommonJS to the require condition", () => {
    const esm = join(RUNTIME_ROOT, "dist", "esm");
    const commonJs = join(RUNTIME_ROOT, "dist", "cjs");
    const esmModules = filesOf(esm).filter((file) => file.endsWith(".js"));
    expect(esmModules).toContain(join("processors", "http.js"));
    for (const file of esmModules) expect({ file, commonJs: /\bexports\.|\brequire\(/.test(readFileSync(join(esm, file), "utf8")) }).toEqual({ file, commonJs: false });
    expect(readFileSync(join(commonJs, "processors", "http.js"), "utf8")).toContain("exports.createHttpProcessor");
    // Node.js and TypeScript read a .js or .d.ts file's format from the nearest package.json.
    expect(JSON.parse(readFileSync(join(esm, "package.json"), "utf8"))).toEqual({ type: "module" });
    expect(JSON.parse(readFileSync(join(commonJs, "package.json"), "utf8"))).toEqual({ type: "commonjs" });
  });
});

const TYPED_CONSUMER = `import { matchers } from "sit-tracking-runtime/jest";
import { createConsoleProcessor } from "sit-tracking-runtime/processors/console";
import { createHttpProcessor, type HttpProcessorError } from "sit-tracking-runtime/processors/http";
import { createOpenTelemetryProcessor } from "sit-tracking-runtime/processors/opentelemetry";
import { createRecorder } from "sit-tracking-runtime/processors/recorder";
import { createSnowplowProcessor } from "sit-tracking-runtime/processors/snowplow";

export const all = [matchers, createConsoleProcessor, createOpenTelemetryProcessor, createRecorder, createSnowplowProcessor];
export const http = createHttpProcessor({ url: "/collect", onError: (error: HttpProcessorError) => console.log(error.reason) });
// @ts-expect-error the url is required
createHttpProcessor({});
`;

describe.each([
  ["nodenext, ES module package", "module", { module: "nodenext", moduleResolution: "nodenext" }, "esm"],
  ["nodenext, CommonJS package", "commonjs", { module: "nodenext", moduleResolution: "nodenext" }, "cjs"],
  ["bundler", "module", { module: "esnext", moduleResolution: "bundler" }, "esm"],
] as const)("under TypeScript's %s resolution", (_mode, type, resolution, build) => {
  it(`type-checks every entry point against the declarations of dist/${build}`, () => {
    const project = makeProject({
      "package.json": JSON.stringify({ name: "app", private: true, type }),
      "consumer.ts": TYPED_CONSUMER,
      "tsconfig.json": JSON.stringify({ compilerOptions: { target: "es2022", lib: ["es2022", "dom"], ...resolution, strict: true, noEmit: true, types: [] }, files: ["consumer.ts"] }),
    });
    mkdirSync(join(project, "node_modules"));
    symlinkSync(RUNTIME_ROOT, join(project, "node_modules", "sit-tracking-runtime"), "dir");
    for (const peer of ["@opentelemetry", "@snowplow"]) symlinkSync(join(REPO_ROOT, "node_modules", peer), join(project, "node_modules", peer), "dir");
    const tsc = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", project, "--pretty", "false", "--listFiles"], { encoding: "utf8" });
    const runtimeFiles = tsc.stdout.split("\n").filter((line) => line.includes(join("packages", "runtime", "dist")));
    expect({ code: tsc.status, errors: tsc.stdout.split("\n").filter((line) => line.includes("error TS")) }).toEqual({ code: 0, errors: [] });
    expect(runtimeFiles).toContain(join(RUNTIME_ROOT, "dist", build, "processors", "http.d.ts"));
    expect(runtimeFiles.filter((file) => !file.includes(join("dist", build)))).toEqual([]);
  });
});
