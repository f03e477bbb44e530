"use strict";
/**
 * Bundle and install sizes of sit's two packages, as applications get them: both packages packed
 * (`npm pack`, dist/ as `npm run build` left it), installed into fresh folders, and pages bundled
 * with esbuild (minified, ES modules, browser) and Vite. Prints a Markdown table; sizes are
 * deterministic for a given commit and lockfile, so one run suffices.
 *
 *   npm run build && node test/bench/sizes.js
 */
const { execFileSync } = require("node:child_process");
const { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { gzipSync } = require("node:zlib");
const { buildSync } = require("esbuild");

const REPO_ROOT = join(__dirname, "..", "..");
const RUNTIME_ROOT = join(REPO_ROOT, "packages", "runtime");
const work = mkdtempSync(join(tmpdir(), "sit-sizes-"));

function pack(packageRoot) {
  const name = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", work], { cwd: packageRoot, encoding: "utf8" }).trim().split("\n").pop();
  return join(work, name);
}

function npmInstall(folder, args) {
  execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...args], { cwd: folder, stdio: ["ignore", "ignore", "inherit"] });
}

function project(name, files) {
  const root = join(work, name);
  for (const [path, content] of Object.entries({ "package.json": `{ "name": "${name}", "private": true, "type": "module" }\n`, ...files })) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function diskUsage(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).reduce((total, entry) => total + (entry.isFile() ? lstatSync(join(entry.parentPath, entry.name)).blocks * 512 : 0), 0);
}

function packageCount(nodeModules) {
  return readdirSync(nodeModules, { recursive: true }).filter((path) => /(^|\/)package\.json$/.test(path) && /^(@[^/]+\/)?[^/]+\/package\.json$|\/node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(path)).length;
}

function bundleSize(root, entry) {
  const [output] = buildSync({ entryPoints: [join(root, entry)], bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" }).outputFiles;
  return { minified: output.contents.length, gzipped: gzipSync(output.contents, { level: 9 }).length };
}

/** The same with `vite build` (Vite's defaults: Rollup, minified by esbuild). */
async function viteSize(root, entry) {
  const { build } = await import("vite");
  const result = await build({ configFile: false, logLevel: "silent", root, build: { write: false, modulePreload: false, rollupOptions: { input: join(root, entry) } } });
  const chunk = (Array.isArray(result) ? result[0] : result).output.find((file) => file.type === "chunk");
  const bytes = Buffer.from(chunk.code);
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const rows = [];
const row = (what, size) => rows.push(`| ${what} | ${kB(size.minified)} | ${kB(size.gzipped)} |`);

function definition(action, extra = "") {
  return `description: ${action} happened\ninternal_events: true\naction: ${action}\nidentifiers:\n  - user\nproduct_group: g\nmilestone: '1.0'\nintroduced_by_url: null\ntiers: [free]\n${extra}`;
}

function generated(root) {
  execFileSync(process.execPath, [join(REPO_ROOT, "bin", "sit.js"), "generate"], { cwd: root, stdio: "ignore" });
  return root;
}

async function main() {
  const runtimeTarball = pack(RUNTIME_ROOT);
  const cliTarball = pack(REPO_ROOT);

  const runtimeOnly = project("runtime-production", {});
  npmInstall(runtimeOnly, ["--omit=dev", runtimeTarball]);
  const cli = project("cli-development", {});
  npmInstall(cli, ["--save-dev", cliTarball]);
  console.log("| install | packages | on disk |\n|---|---:|---:|");
  console.log(`| \`npm install --omit=dev sit-tracking-runtime\` | ${packageCount(join(runtimeOnly, "node_modules"))} | ${MB(diskUsage(join(runtimeOnly, "node_modules")))} |`);
  console.log(`| \`npm install -D sit-tracking\` | ${packageCount(join(cli, "node_modules"))} | ${MB(diskUsage(join(cli, "node_modules")))} |`);

  const tracking = (pure) => ({
    "tracking/internal-events.ts": `import { createHttpProcessor } from "sit-tracking-runtime/processors/http";\nexport const InternalEvents = ${pure}createHttpProcessor({ url: "/events" });\n`,
    "tracking/audit.ts": `import { createConsoleProcessor } from "sit-tracking-runtime/processors/console";\nexport const Audit = ${pure}createConsoleProcessor({ format: "json" });\n`,
    "tracking/recorder.ts": `import { createRecorder } from "sit-tracking-runtime/processors/recorder";\nexport const Recorded = ${pure}createRecorder();\n`,
  });
  const config = "processors:\n  InternalEvents: { module: ./tracking/internal-events, export: InternalEvents }\n  Acme::Audit: { module: ./tracking/audit, export: Audit }\n  Acme::Recorder: { module: ./tracking/recorder, export: Recorded }\ndefaultProcessors: [InternalEvents]\n";
  const page = 'import { trackViewPage } from "./generated/index.js";\ntrackViewPage({ user: { id: 1 } });\n';
  const appOf = (name, pure, eventCount) => {
    const others = Object.fromEntries(Array.from({ length: eventCount - 2 }, (_, index) => [`definitions/other_${index}.yml`, definition(`other_${index}`)]));
    const root = project(name, {
      "sit.config.yaml": config,
      ...tracking(pure),
      "definitions/view_page.yml": definition("view_page"),
      "definitions/audit_thing.yml": definition("audit_thing", "extra_trackers:\n  - tracking_class: Acme::Audit\n  - tracking_class: Acme::Recorder\n"),
      ...others,
      "page.ts": page,
      "by-name.ts": 'import { trackEvent } from "./generated/index.js";\ntrackEvent("view_page", { user: { id: 1 } });\n',
      "http-only.ts": 'import { createHttpProcessor } from "sit-tracking-runtime/processors/http";\ncreateHttpProcessor({ url: "/events" }).trackEvent("view_page", { additionalProperties: {} });\n',
    });
    npmInstall(root, [runtimeTarball]);
    return generated(root);
  };
  const marked = appOf("app-marked", "/* @__PURE__ */ ", 4);
  const unmarked = appOf("app-unmarked", "", 4);
  const large = appOf("app-large", "/* @__PURE__ */ ", 204);
  console.log("\n| bundle (esbuild unless said) | minified | gzipped |\n|---|---:|---:|");
  row("the HTTP processor alone (`createHttpProcessor(…).trackEvent(…)`)", bundleSize(marked, "http-only.ts"));
  row("a page calling one event (default processor: HTTP), other processors' creation marked `/* @__PURE__ */`", bundleSize(marked, "page.ts"));
  row("the same page, creation not marked (esbuild keeps the console processor and the recorder)", bundleSize(unmarked, "page.ts"));
  row("the same page, 204 events in the SDK", bundleSize(large, "page.ts"));
  row("`trackEvent(\"view_page\", …)`, 4 events in the SDK", bundleSize(marked, "by-name.ts"));
  row("`trackEvent(\"view_page\", …)`, 204 events in the SDK", bundleSize(large, "by-name.ts"));
  rows.push("| **`vite build`** | | |");
  row("the HTTP processor alone", await viteSize(marked, "http-only.ts"));
  row("a page calling one event, other processors' creation not marked", await viteSize(unmarked, "page.ts"));
  row("`trackEvent(\"view_page\", …)`, 4 events in the SDK", await viteSize(marked, "by-name.ts"));
  row("`trackEvent(\"view_page\", …)`, 204 events in the SDK", await viteSize(large, "by-name.ts"));
  console.log(rows.join("\n"));
}

main().finally(() => rmSync(work, { recursive: true, force: true }));
