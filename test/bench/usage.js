"use strict";
/**
 * `sit usage` on a large application: N synthetic events (lib/synthetic.js, as `npm run bench`
 * builds them) and M application source files that import and call the generated SDK in every
 * style `sit usage` follows (named, renamed and namespace imports, a barrel re-export, a paths
 * alias, `trackEvent("name")`, references passed along), each file also holding ordinary code.
 * The real CLI runs as a cold process; prints the median wall time, peak RSS and CPU time, and
 * what the report found (to check that the scan saw every use).
 *
 *   npm run build && node test/bench/usage.js                  # 10,000 events, 1,000 files, 5 runs
 *   node test/bench/usage.js --events 1000 --files 100 --runs 3
 *   node test/bench/usage.js --keep /tmp/usage-app      # keep the project, e.g. to profile sit usage in it
 *
 * Issue 14's target: at most 10 s for 10,000 events and 1,000 source files on this machine.
 */
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { dirname, join } = require("node:path");
const { createEventSet, writeSitProject, TSCONFIG } = require("./lib/synthetic");
const { repeat, runNode, rssMethod } = require("./lib/measure");
const { machineInfo } = require("./lib/machine");

const REPO_ROOT = join(__dirname, "..", "..");
const SIT_BIN = join(REPO_ROOT, "bin", "sit.js");
const { functionNameOf } = require(join(REPO_ROOT, "dist", "model", "names.js"));

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : process.argv[index + 1];
}

const STYLES = ["named", "renamed", "namespace", "barrel", "alias", "trackEvent"];

/** One application file: imports of `events` in the given style, their uses, and ordinary code around them. */
function sourceFile(index, events, style) {
  const sdk = "../../generated/index.js";
  const lines = [];
  const fns = events.map((event) => functionNameOf(event.action));
  switch (style) {
    case "named":
      lines.push(`import { ${fns.join(", ")} } from "${sdk}";`);
      break;
    case "renamed":
      lines.push(`import { ${fns.map((fn, n) => `${fn} as track${n}`).join(", ")} } from "${sdk}";`);
      break;
    case "namespace":
      lines.push(`import * as sdk from "${sdk}";`);
      break;
    case "barrel":
      lines.push(`import { ${fns.join(", ")} } from "../tracking-barrel.js";`);
      break;
    case "alias":
      lines.push(`import { ${fns.join(", ")} } from "@sdk";`);
      break;
    case "trackEvent":
      lines.push(`import { trackEvent } from "${sdk}";`);
      break;
  }
  lines.push(`import { format } from "../shared/format.js";`, "");
  lines.push(`export interface State${index} {`, "  readonly id: number;", "  readonly title: string;", "  readonly tags: readonly string[];", "}", "");
  events.forEach((event, n) => {
    const call =
      style === "named" || style === "barrel" || style === "alias"
        ? `${fns[n]}(args as never)`
        : style === "renamed"
          ? `track${n}(args as never)`
          : style === "namespace"
            ? `sdk.${fns[n]}(args as never)`
            : `trackEvent("${event.action}", args as never)`;
    lines.push(
      `/** Handles step ${n} of screen ${index}. */`,
      `export function step${n}(state: State${index}, args: unknown): string {`,
      `  const label = format(state.title, state.tags.length + ${n});`,
      `  if (state.tags.includes("skip-${n}")) return label;`,
      `  ${call};`,
      "  return label.trim();",
      "}",
      "",
    );
  });
  // Every fifth file also passes a function along instead of calling it.
  if (index % 5 === 0 && (style === "named" || style === "barrel" || style === "alias")) lines.push(`export const handlers = [${fns.join(", ")}];`, "");
  return `${lines.join("\n")}\n`;
}

function writeApplication(dir, set, fileCount) {
  const events = set.events.filter((event) => event.kind === "internal" && event.status !== "removed");
  const perFile = Math.ceil(events.length / fileCount);
  const write = (path, text) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write("src/tracking-barrel.ts", 'export * from "../generated/index.js";\n');
  write("src/shared/format.ts", "export const format = (title: string, count: number): string => `${title} (${count})`;\n");
  for (let index = 0; index < fileCount; index++) {
    const slice = events.slice(index * perFile, (index + 1) * perFile);
    write(`src/screens/screen-${String(index).padStart(4, "0")}.ts`, sourceFile(index, slice, STYLES[index % STYLES.length]));
  }
  const tsconfig = { ...TSCONFIG, compilerOptions: { ...TSCONFIG.compilerOptions, paths: { "@sdk": ["./generated/index.ts"] } } };
  write("tsconfig.json", `${JSON.stringify(tsconfig, null, 2)}\n`);
  return { tracked: events.length };
}

function main() {
  const eventCount = Number(option("events", 10000));
  const fileCount = Number(option("files", 1000));
  const runs = Number(option("runs", 5));
  const keep = option("keep", undefined);
  if (keep !== undefined) mkdirSync(keep, { recursive: true });
  const dir = keep ?? mkdtempSync(join(tmpdir(), "sit-bench-usage-"));
  try {
    const set = createEventSet(eventCount);
    writeSitProject(dir, set);
    const { tracked } = writeApplication(dir, set, fileCount);
    const generated = runNode([SIT_BIN, "generate"], { cwd: dir });
    if (generated.exitCode !== 0) throw new Error(`sit generate failed: ${generated.stderr}`);

    const first = runNode([SIT_BIN, "usage", "--json"], { cwd: dir });
    if (first.exitCode !== 0) throw new Error(`sit usage exited ${first.exitCode}: ${first.stderr}`);
    const { summary } = JSON.parse(first.stdout);
    const measured = repeat(runs, { args: [SIT_BIN, "usage", "--json"], cwd: dir });
    const floor = repeat(runs, { args: ["-e", "0"], cwd: dir });

    const machine = machineInfo();
    console.log(`sit usage: ${eventCount} events, ${fileCount} application files (+7 others in src), ${runs} cold runs`);
    console.log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; RSS by ${rssMethod()}`);
    console.log(`report: ${JSON.stringify(summary)} (events called by the application: ${tracked})`);
    console.log(
      `wall: median ${measured.medianMs} ms (min ${measured.minMs}, max ${measured.maxMs}); CPU ${measured.medianCpuMs} ms; peak RSS ${measured.medianRssMb} MB`,
    );
    console.log(`node -e 0: median ${floor.medianMs} ms`);
    if (!measured.ok) throw new Error(measured.error);
    if (summary.tracked !== tracked || summary.files !== fileCount + 7) {
      throw new Error(`the scan missed uses: expected ${tracked} events tracked in ${fileCount + 7} files`);
    }
  } finally {
    if (keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

main();
