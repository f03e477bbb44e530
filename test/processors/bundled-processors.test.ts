import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { generate, writeGenerated } from "../../src/index";
import { installPackedRuntime } from "../helpers/packed-package";
import { definition, makeProject, REPO_ROOT } from "../helpers/project";

/**
 * sit-tracking-runtime as bundlers see it, installed from its packed tarball: ES modules without
 * CommonJS interop, and a page carries only the processors of the events it imports, not every
 * processor the config names. The default processor is the HTTP processor; two extra trackers
 * (the console processor and a recorder) serve one other event.
 */

const CONFIG = `processors:
  InternalEvents: { module: ./tracking/internal-events, export: InternalEvents }
  Acme::Audit: { module: ./tracking/audit, export: Audit }
  Acme::Recorder: { module: ./tracking/recorder, export: Recorded }
defaultProcessors: [InternalEvents]
`;

/** The application's processor modules; `pure` marks each creation as docs/processors.md advises for esbuild. */
const trackingModules = (pure: boolean): Record<string, string> => {
  const mark = pure ? "/* @__PURE__ */ " : "";
  return {
    "tracking/internal-events.ts": `import { createHttpProcessor } from "sit-tracking-runtime/processors/http";\nexport const InternalEvents = ${mark}createHttpProcessor({ url: "http://127.0.0.1:9/events" });\n`,
    "tracking/audit.ts": `import { createConsoleProcessor } from "sit-tracking-runtime/processors/console";\nexport const Audit = ${mark}createConsoleProcessor({ format: "json" });\n`,
    "tracking/recorder.ts": `import { createRecorder } from "sit-tracking-runtime/processors/recorder";\nexport const Recorded = ${mark}createRecorder();\n`,
  };
};

const PAGES = {
  "one-event.ts": 'import { trackViewPage } from "./generated/index.js";\ntrackViewPage({ user: { id: 1 } });\n',
  "audited-event.ts": 'import { trackAuditThing } from "./generated/index.js";\ntrackAuditThing({ user: { id: 1 } });\n',
  // A test of the page: replaces the configured classes, its own and one the bundle leaves out.
  "replaced.ts": `import { configureTracking, trackViewPage } from "./generated/index.js";
const calls: unknown[] = [];
const errors: string[] = [];
configureTracking({
  onError: (error) => errors.push(String(error)),
  processors: { InternalEvents: { trackEvent: (name, payload) => void calls.push([name, payload]) }, "Acme::Audit": { trackEvent: () => void calls.push("audit") } },
});
trackViewPage({ user: { id: 1 } });
console.log(JSON.stringify({ calls, errors }));
`,
};
type Page = keyof typeof PAGES;

/** The modules of the runtime and of the application's processors that code in the bundle comes from. */
const OTHER_PROCESSORS = [/dist\/esm\/processors\/console\.js$/, /dist\/esm\/processors\/recorder\.js$/, /tracking\/audit\.ts$/, /tracking\/recorder\.ts$/];
const HTTP_PROCESSOR = /sit-tracking-runtime\/dist\/esm\/processors\/http\.js$/;

/** Helpers esbuild and Rollup add when a bundle imports CommonJS (by these names in a bundle not minified). */
const COMMONJS_INTEROP = /__commonJS|__toESM|__toCommonJS|getDefaultExportFromCjs|commonjsRequire/;

function applicationProject(pure: boolean): string {
  const root = makeProject({
    "package.json": '{ "name": "app", "private": true, "type": "module" }\n',
    "sit.config.yaml": CONFIG,
    "definitions/view_page.yml": definition("view_page"),
    "definitions/audit_thing.yml": definition("audit_thing", "extra_trackers:\n  - tracking_class: Acme::Audit\n  - tracking_class: Acme::Recorder\n"),
    ...trackingModules(pure),
    ...PAGES,
  });
  installPackedRuntime(root);
  const result = generate({ cwd: root });
  if (result.outputDir === undefined || result.files.length === 0) throw new Error(`sit generate failed: ${JSON.stringify(result.diagnostics)}`);
  writeGenerated(result.outputDir, result.files);
  return root;
}

interface Bundle {
  /** Not minified, so that helpers keep their names. */
  readonly text: string;
  /** The modules that put code into the bundle. */
  readonly modules: readonly string[];
}

async function esbuildBundle(root: string, page: Page): Promise<Bundle> {
  const result = await build({ entryPoints: [join(root, page)], bundle: true, format: "esm", platform: "browser", write: false, metafile: true, outdir: join(root, "out"), logLevel: "silent" });
  const [output] = Object.values((result.metafile as Metafile).outputs);
  const [file] = result.outputFiles;
  if (output === undefined || file === undefined) throw new Error(`esbuild wrote no bundle for ${page}`);
  return { text: file.text, modules: Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path) };
}

/** `vite build` of a page (Vite 7, Rollup underneath), in its own process: Vite is an ES module. */
function viteBundle(root: string, page: Page): Bundle {
  const script = `import { build } from ${JSON.stringify(join(REPO_ROOT, "node_modules", "vite", "dist", "node", "index.js"))};
const result = await build({ configFile: false, logLevel: "silent", root: process.cwd(), build: { write: false, minify: false, modulePreload: false, rollupOptions: { input: ${JSON.stringify(page)} } } });
const chunk = (Array.isArray(result) ? result[0] : result).output.find((file) => file.type === "chunk");
console.log(JSON.stringify({ text: chunk.code, modules: Object.entries(chunk.modules).filter(([, module]) => module.renderedLength > 0).map(([id]) => id) }));
`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`vite build of ${page} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Bundle;
}

const fromOtherProcessors = (bundle: Bundle): string[] => bundle.modules.filter((path) => OTHER_PROCESSORS.some((pattern) => pattern.test(path)));

describe("an esbuild bundle with sit-tracking-runtime's processors", () => {
  let root: string;
  let bundles: Record<"one-event.ts" | "audited-event.ts", Bundle>;
  beforeAll(async () => {
    root = applicationProject(true);
    bundles = { "one-event.ts": await esbuildBundle(root, "one-event.ts"), "audited-event.ts": await esbuildBundle(root, "audited-event.ts") };
  });

  it("of a page calling one event that uses only the default processor carries the HTTP processor and none of the other configured processors", () => {
    const bundle = bundles["one-event.ts"];
    expect(bundle.modules.some((path) => HTTP_PROCESSOR.test(path))).toBe(true);
    expect(fromOtherProcessors(bundle)).toEqual([]);
  });

  it("of a page calling the event with extra trackers carries their processors", () => {
    expect(fromOtherProcessors(bundles["audited-event.ts"]).length).toBe(4);
  });

  it("contains no CommonJS interop wrapper", () => {
    for (const bundle of Object.values(bundles)) expect(bundle.text).not.toMatch(COMMONJS_INTEROP);
  });

  it("of a page calling one event still lets configureTracking replace configured classes, those left out included", async () => {
    const { text } = await esbuildBundle(root, "replaced.ts");
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", text], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ calls: [["view_page", { user: { id: 1 }, additionalProperties: {} }]], errors: [] });
  });
});

describe("a Vite bundle with sit-tracking-runtime's processors", () => {
  let bundles: Record<"one-event.ts" | "audited-event.ts", Bundle>;
  beforeAll(() => {
    // No /* @__PURE__ */ at the call sites: Rollup reads the factories' own annotation.
    const root = applicationProject(false);
    bundles = { "one-event.ts": viteBundle(root, "one-event.ts"), "audited-event.ts": viteBundle(root, "audited-event.ts") };
  });

  it("of a page calling one event that uses only the default processor carries the HTTP processor and none of the other configured processors", () => {
    const bundle = bundles["one-event.ts"];
    expect(bundle.modules.some((path) => HTTP_PROCESSOR.test(path))).toBe(true);
    expect(fromOtherProcessors(bundle)).toEqual([]);
  });

  it("of a page calling the event with extra trackers carries their processors", () => {
    expect(fromOtherProcessors(bundles["audited-event.ts"]).length).toBe(4);
  });

  it("contains no CommonJS interop wrapper", () => {
    for (const bundle of Object.values(bundles)) {
      expect(bundle.text).not.toMatch(COMMONJS_INTEROP);
      // Rollup's CommonJS plugin wraps a module in virtual ones (…?commonjs-exports, commonjsHelpers.js).
      expect(bundle.modules.filter((id) => /commonjs/i.test(id))).toEqual([]);
    }
  });
});
