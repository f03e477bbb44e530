#!/usr/bin/env node
"use strict";
/**
 * sit's benchmark (`npm run bench`): the real CLI (`node bin/sit.js`, built into dist/) as cold
 * processes on deterministic synthetic definition sets, tsc on the generated SDK, a call-overhead
 * micro-benchmark, and optionally Segment Typewriter on the same events. Prints a table of
 * medians and the DESIGN §6 targets; writes every sample as JSON to test/bench/results/.
 * Plain CommonJS, no build step. Run `node test/bench/run.js --help` for the options.
 */
const { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join, relative, resolve, sep } = require("node:path");
const { createEventSet, definitionYaml, writeSitProject, eventToChange } = require("./lib/synthetic");
const { interleave, repeat, round, rssMethod } = require("./lib/measure");
const { runMicro } = require("./lib/micro");
const { machineInfo, gitInfo } = require("./lib/machine");
const typewriter = require("./typewriter/typewriter-bench");

const REPO_ROOT = resolve(__dirname, "..", "..");
/** Set in main(): the snapshot's bin/sit.js, or the repository's with --no-snapshot. */
let SIT_BIN = join(REPO_ROOT, "bin", "sit.js");
const TSC_BIN = join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
/** SIT_BENCH_RESULTS_DIR lets the test keep its tiny runs out of the real results. */
const RESULTS_DIR = process.env.SIT_BENCH_RESULTS_DIR ? resolve(process.env.SIT_BENCH_RESULTS_DIR) : join(__dirname, "results");
const SCHEMA = "sit-bench/1";

const USAGE = `Usage: node test/bench/run.js [options]     (npm run bench -- [options])

Runs sit's CLI (node bin/sit.js; build it first with npm run build) as cold processes on
synthetic GitLab-format definition sets and prints medians, the DESIGN §6 targets and the growth.

Options:
  --sizes <list>             internal events per set (default 1000,10000,50000; none: only
                             --help, the start-up floor and the micro-benchmark)
  --runs <n>                 cold runs per measure, median reported (default 5)
  --runs-large <n>           at most this many runs for sets above 10,000 events (default 3)
  --help-runs <n>            runs of \`sit --help\` (default 10)
  --seed <n>                 synthetic data seed (default 1)
  --json <file>              also write the results to this file
  --no-typewriter            skip Segment Typewriter
  --typewriter-sizes <list>  sizes to run Typewriter at (default 1000; 10000 takes minutes)
  --typewriter-runs <n>      Typewriter runs per size (default 3 up to 1,000 events, 1 above)
  --no-micro                 skip the call-overhead micro-benchmark
  --micro-calls <n>          calls per timed micro round (default 1000000)
  --micro-rounds <n>         alternating micro rounds (default 15)
  --tsc-runs-large <n>       tsc runs for sets above 10,000 events (default 1: minutes each)
  --no-snapshot              run the repository's bin/sit.js instead of a copy of the package
  --keep                     keep the temporary projects (their folder is printed)
  -h, --help                 this text

Each size's measures run interleaved (one run of each per round, in rotating order) beside
\`node -e 0\`, so a change in the machine's load reaches every measure alike. The project has a
node_modules/ of its own, so sit's fast-path cache is node_modules/.cache/sit/ there; "cache
present" runs are verified to take the fast path, "no cache" runs start without that folder.

By default the bench runs a snapshot of the package as npm would install it (bin/, dist/,
templates/, package.json; node_modules linked), copied when the bench starts, so a rebuild of
dist/ or edits to src/ during the run change nothing.

Results are always written to test/bench/results/<timestamp>.json (or $SIT_BENCH_RESULTS_DIR).`;

function parseArgs(argv) {
  const options = {
    sizes: [1000, 10000, 50000],
    runs: 5,
    runsLarge: 3,
    helpRuns: 10,
    seed: 1,
    json: undefined,
    typewriter: true,
    typewriterSizes: [1000],
    typewriterRuns: undefined,
    micro: true,
    microCalls: 1_000_000,
    microRounds: 15,
    tscRunsLarge: 1,
    snapshot: true,
    keep: false,
  };
  const list = (value, name) => {
    if (value === "none") return [];
    const items = String(value).split(",").map((item) => Number(item.replace(/_/g, "")));
    if (items.length === 0 || items.some((item) => !Number.isInteger(item) || item < 1)) usage(`${name} needs a comma-separated list of positive integers`);
    return items;
  };
  const count = (value, name) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1) usage(`${name} needs a positive integer`);
    return number;
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (index + 1 >= argv.length) usage(`${flag} needs a value`);
      return argv[++index];
    };
    switch (flag) {
      case "--sizes": options.sizes = list(value(), flag); break;
      case "--runs": options.runs = count(value(), flag); break;
      case "--runs-large": options.runsLarge = count(value(), flag); break;
      case "--help-runs": options.helpRuns = count(value(), flag); break;
      case "--seed": options.seed = count(value(), flag); break;
      case "--json": options.json = resolve(value()); break;
      case "--no-typewriter": options.typewriter = false; break;
      case "--typewriter-sizes": options.typewriterSizes = list(value(), flag); break;
      case "--typewriter-runs": options.typewriterRuns = count(value(), flag); break;
      case "--no-micro": options.micro = false; break;
      case "--micro-calls": options.microCalls = count(value(), flag); break;
      case "--micro-rounds": options.microRounds = count(value(), flag); break;
      case "--tsc-runs-large": options.tscRunsLarge = count(value(), flag); break;
      case "--no-snapshot": options.snapshot = false; break;
      case "--keep": options.keep = true; break;
      case "-h":
      case "--help":
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        usage(`unknown option ${arg}`);
    }
  }
  return options;
}

function usage(message) {
  console.error(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const progress = (message) => process.stderr.write(`${message}\n`);

/** dist/ must exist; warn when a source file is newer than the build (the bench measures dist/). */
function checkBuild() {
  const main = join(REPO_ROOT, "dist", "cli", "main.js");
  if (!existsSync(main)) {
    console.error("bench: dist/ is missing: run `npm run build` first (the bench runs the built CLI, bin/sit.js)");
    process.exit(2);
  }
  const built = statSync(main).mtimeMs;
  const newer = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && statSync(path).mtimeMs > built) newer.push(relative(REPO_ROOT, path));
    }
  };
  walk(join(REPO_ROOT, "src"));
  return newer;
}

/**
 * A copy of sit as `npm install` would lay it out (the package.json `files` plus package.json),
 * with the repository's node_modules linked in. sit's cache key names the code that runs, so the
 * entries this copy writes are valid for this copy alone, whatever happens to dist/ meanwhile.
 * Of dist/, only what src/ compiles to today: tsc leaves the output of deleted sources behind, and
 * sit hashes every script of its dist/ into its cache key.
 */
function snapshotSit(work) {
  const root = join(work, "sit-package");
  mkdirSync(root, { recursive: true });
  const pkg = require(join(REPO_ROOT, "package.json"));
  const dist = join(REPO_ROOT, "dist");
  const compiledFromSource = (path) => {
    if (!path.startsWith(`${dist}${sep}`) || statSync(path).isDirectory()) return true;
    const source = join(REPO_ROOT, "src", relative(dist, path)).replace(/(?:\.d\.ts|\.js)$/, ".ts");
    return existsSync(source);
  };
  for (const entry of pkg.files ?? ["bin", "dist"]) {
    if (existsSync(join(REPO_ROOT, entry))) cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true, filter: compiledFromSource });
  }
  cpSync(join(REPO_ROOT, "package.json"), join(root, "package.json"));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return join(root, "bin", "sit.js");
}

/** A definition with a comment added at the top: the SDK it gives is the same. */
const withComment = (text) => `# Reviewed by the owning group; the SDK does not change.\n${text}`;

/**
 * The fast path's cache entry of a project: the project has a `node_modules/` of its own, so sit
 * keeps the entry in `node_modules/.cache/sit/` there (one JSON file per output folder), and it
 * goes when the project does.
 */
function projectCache(dir) {
  const folder = join(dir, "node_modules", ".cache", "sit");
  const entry = () => {
    const names = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(".json")) : [];
    return names.length === 1 ? join(folder, names[0]) : undefined;
  };
  /** The entry's identity on disk: sit writes it to a temporary file and renames it, so any write changes it. */
  const identity = () => {
    const path = entry();
    if (path === undefined) return undefined;
    const stat = statSync(path, { bigint: true });
    return `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
  };
  return { folder, entry, identity };
}

function measureSize(size, options, work) {
  const runs = size > 10000 ? Math.min(options.runs, options.runsLarge) : options.runs;
  const set = createEventSet(size, options.seed);
  const dir = join(work, `sit-${size}`);
  const written = writeSitProject(dir, set);
  mkdirSync(join(dir, "node_modules"));
  const outputDir = join(dir, "generated");
  const changed = eventToChange(set);
  const changedPath = join(dir, "definitions", changed.path);
  const sit = (...args) => [SIT_BIN, ...args];
  const loadavg = machineInfo().loadavg;
  progress(`${size} events: ${written.files} files in ${written.folders} folders (${(written.bytes / 1e6).toFixed(1)} MB), ${runs} runs each, load ${loadavg.join(" ")}`);

  // Unmeasured: fills the page cache with the definitions and sit's modules, and writes the cache entry.
  const cache = projectCache(dir);
  const warmup = repeat(1, { args: sit("generate"), cwd: dir });
  const cacheEntry = cache.entry();
  if (!warmup.ok || cacheEntry === undefined) {
    throw new Error(`the first sit generate at ${size} events ${warmup.ok ? `wrote no fast-path cache entry in ${cache.folder}` : `failed: ${warmup.error}`}`);
  }
  const currentCache = readFileSync(cacheEntry);

  // Each measure sets up exactly the state it needs, so the rounds can run them in any order.
  const original = readFileSync(changedPath, "utf8");
  const texts = {
    original,
    comment: withComment(original),
    changed: definitionYaml({ ...changed, description: `${changed.description}, now edited` }),
  };
  let definition = "original";
  const useDefinition = (kind) => {
    if (definition !== kind) writeFileSync(changedPath, texts[kind]);
    definition = kind;
  };
  /** The cache entry `generate` wrote for the original definitions and the current output, byte for byte. */
  const restoreCache = () => {
    const path = cache.entry();
    if (path !== undefined && readFileSync(path).equals(currentCache)) return;
    rmSync(cache.folder, { recursive: true, force: true });
    mkdirSync(cache.folder, { recursive: true });
    writeFileSync(cacheEntry, currentCache);
  };
  /** Whether the run left the cache entry as it found it (the fast path: sit rewrites it after any full comparison). */
  const cacheOutcome = (before) => {
    const after = cache.identity();
    return before !== undefined && after === before ? "hit" : after === undefined ? "none" : "miss";
  };
  const tscRuns = size > 10000 ? Math.min(runs, options.tscRunsLarge) : runs;
  const measure = (key, label, details) => ({ key, label, runs, cwd: dir, ...details });
  const plan = [
    measure("generate", "generate (output folder removed first)", {
      args: sit("generate"),
      before: () => {
        useDefinition("original");
        restoreCache();
        rmSync(outputDir, { recursive: true, force: true });
      },
    }),
    measure("checkUnchanged", "generate --check, nothing changed, cache present", {
      args: sit("generate", "--check"),
      before: () => {
        useDefinition("original");
        restoreCache();
        return cache.identity();
      },
      after: (_run, before) => {
        const outcome = cacheOutcome(before);
        return outcome === "hit" ? { cache: outcome } : { cache: outcome, problem: `the fast path was not taken (cache ${outcome}): sit did a full comparison with the cache present` };
      },
    }),
    measure("checkNoCache", "generate --check, nothing changed, no cache (fresh clone)", {
      args: sit("generate", "--check"),
      before: () => {
        useDefinition("original");
        rmSync(cache.folder, { recursive: true, force: true });
      },
      after: () => ({ cache: cache.entry() === undefined ? "none" : "written" }),
    }),
    measure("checkCommentOnly", "generate --check, comment-only edit", {
      args: sit("generate", "--check"),
      before: () => {
        useDefinition("comment");
        restoreCache();
        return cache.identity();
      },
      after: (_run, before) => ({ cache: cacheOutcome(before) }),
    }),
    measure("checkChanged", "generate --check, one definition changed", {
      args: sit("generate", "--check"),
      expectExit: 1,
      before: () => {
        useDefinition("changed");
        restoreCache();
      },
    }),
    measure("validate", "validate", { args: sit("validate"), before: () => useDefinition("original") }),
    measure("tsc", "tsc --noEmit on the generated SDK", { args: [TSC_BIN, "-p", "tsconfig.json", "--noEmit"], runs: tscRuns, before: () => useDefinition("original") }),
    // The floor every cold command pays, beside the others: how loaded the machine was meanwhile.
    measure("nodeFloor", "node -e 0", { args: ["-e", "0"] }),
  ];
  let measures;
  try {
    measures = interleave(plan, { onRun: (entry, roundIndex) => progress(`  round ${roundIndex + 1}/${runs}: ${entry.label}`) });
  } finally {
    useDefinition("original");
  }
  const hits = (samples) => samples.filter((sample) => sample.cache === "hit").length;
  for (const key of ["checkUnchanged", "checkNoCache", "checkCommentOnly"]) measures[key].cacheHits = hits(measures[key].samples);

  const generated = {};
  if (existsSync(outputDir)) {
    for (const name of readdirSync(outputDir)) {
      const text = readFileSync(join(outputDir, name), "utf8");
      generated[name] = { bytes: Buffer.byteLength(text), lines: text.split("\n").length - 1 };
    }
  }
  let typewriterResult;
  if (options.typewriter && typewriter.isInstalled() && options.typewriterSizes.includes(size)) {
    typewriterResult = runTypewriter(size, set, options, work);
  }
  return {
    events: size,
    legacyDefinitions: set.events.length - size,
    definitionFiles: written.files,
    folders: written.folders,
    definitionBytes: written.bytes,
    changedDefinition: changed.path,
    generated,
    generatedBytes: Object.values(generated).reduce((sum, file) => sum + file.bytes, 0),
    generatedLines: Object.values(generated).reduce((sum, file) => sum + file.lines, 0),
    loadavgAtStart: loadavg,
    measures,
    typewriter: typewriterResult,
  };
}

function runTypewriter(size, set, options, work) {
  const runs = options.typewriterRuns ?? (size <= 1000 ? 3 : 1);
  const dir = join(work, `typewriter-${size}`);
  typewriter.writeTypewriterProject(dir, set);
  progress(`  typewriter build, ${size} events, ${runs} run${runs === 1 ? "" : "s"}${size >= 10000 ? " (minutes)" : ""}`);
  return { runs, ...typewriter.benchTypewriter(dir, runs, { repeat }) };
}

/** Typewriter at sizes the sit sets did not include. */
function typewriterOnly(options, work) {
  const results = [];
  for (const size of options.typewriterSizes.filter((entry) => !options.sizes.includes(entry))) {
    results.push({ events: size, ...runTypewriter(size, createEventSet(size, options.seed), options, work) });
  }
  return results;
}

// --- report -------------------------------------------------------------------------------

const TARGETS = [
  { key: "generateMs", label: "sit generate, 10,000 events, wall", limit: 1500, unit: "ms", at: 10000, pick: (s) => s.measures.generate.medianMs },
  { key: "generateRssMb", label: "sit generate, 10,000 events, peak RSS", limit: 400, unit: "MB", at: 10000, pick: (s) => s.measures.generate.medianRssMb },
  { key: "checkUnchangedMs", label: "sit generate --check, nothing changed (cache present), 10,000 events", limit: 600, unit: "ms", at: 10000, pick: (s) => s.measures.checkUnchanged.medianMs },
  { key: "helpMs", label: "sit --help", limit: 150, unit: "ms" },
  { key: "tscMs", label: "tsc --noEmit on the generated SDK, 10,000 events", limit: 3000, unit: "ms", at: 10000, pick: (s) => s.measures.tsc.medianMs },
  { key: "callRatio", label: "generated call vs direct calls by hand (geometric mean, CommonJS)", limit: 1.2, unit: "×" },
  { key: "callRatioEsm", label: "the same, compiled to ES modules", limit: 1.2, unit: "×" },
  { key: "growthGenerate", label: "growth of generate wall time, 10,000 → 50,000 events", limit: 6, unit: "×" },
];

function evaluateTargets(results) {
  const bySize = new Map(results.sizes.map((entry) => [entry.events, entry]));
  return TARGETS.map((target) => {
    let measured = null;
    if (target.at !== undefined) measured = bySize.has(target.at) ? target.pick(bySize.get(target.at)) : null;
    else if (target.key === "helpMs") measured = results.help?.medianMs ?? null;
    else if (target.key === "callRatio") measured = results.micro?.ratio ?? null;
    else if (target.key === "callRatioEsm") measured = results.micro?.ratioEsm ?? null;
    else if (target.key === "growthGenerate") measured = results.growth?.generateMs ?? null;
    return {
      key: target.key,
      measure: target.label,
      target: target.limit,
      unit: target.unit,
      measured,
      met: measured === null ? null : measured <= target.limit,
      ...(measured !== null && measured > target.limit ? { missedBy: `${round((measured / target.limit - 1) * 100, 0)} %` } : {}),
    };
  });
}

function growth(results) {
  const from = results.sizes.find((entry) => entry.events === 10000);
  const to = results.sizes.find((entry) => entry.events === 50000);
  if (from === undefined || to === undefined) return null;
  const ratio = (pick) => {
    const a = pick(from);
    const b = pick(to);
    return a && b ? round(b / a, 2) : null;
  };
  return {
    from: 10000,
    to: 50000,
    eventsRatio: 5,
    generateMs: ratio((s) => s.measures.generate.medianMs),
    generateRssMb: ratio((s) => s.measures.generate.medianRssMb),
    checkUnchangedMs: ratio((s) => s.measures.checkUnchanged.medianMs),
    checkNoCacheMs: ratio((s) => s.measures.checkNoCache.medianMs),
    checkCommentOnlyMs: ratio((s) => s.measures.checkCommentOnly.medianMs),
    checkChangedMs: ratio((s) => s.measures.checkChanged.medianMs),
    validateMs: ratio((s) => s.measures.validate.medianMs),
    tscMs: ratio((s) => s.measures.tsc.medianMs),
  };
}

const fmtMs = (ms) => (ms === null || ms === undefined ? "—" : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtMb = (mb) => (mb === null || mb === undefined ? "—" : `${Math.round(mb)} MB`);
const fmtInt = (n) => n.toLocaleString("en-US");

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join("   ")).join("\n");
}

function printReport(results) {
  const { machine } = results;
  const lines = [];
  lines.push(`sit bench · ${results.startedAt} · sit ${results.sit.version} (${results.sit.commit ?? "?"}${results.sit.srcDirty ? ", src/ has uncommitted changes" : ""})`);
  lines.push(`machine: ${machine.cpu} · ${machine.cores} cores · ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB · node ${machine.node} · ${machine.platform}`);
  lines.push(`load average at start ${machine.loadavg.join(" ")}, at end ${results.loadavgAtEnd.join(" ")} (other processes on the machine add noise)`);
  lines.push(`peak RSS and CPU: ${results.rssMethod}; wall time: hrtime around the whole child process; sit: ${results.sit.measured}`);
  lines.push("CPU time (all threads) is steadier than wall time when other processes compete for the cores.");
  const sitVariables = Object.entries(results.sit.environment);
  if (sitVariables.length > 0) lines.push(`sit ran with ${sitVariables.map(([key, value]) => `${key}=${value}`).join(" ")}`);
  lines.push("");
  const sizes = results.sizes;
  const runsNote = (entry) => entry.measures.generate.runs;
  const header = ["median of cold runs", ...sizes.map((entry) => `${fmtInt(entry.events)} events`)];
  const row = (label, pick) => [label, ...sizes.map((entry) => pick(entry))];
  const flag = (measure) => (measure.ok ? "" : " !");
  const rows = [
    header,
    row("runs per measure", (e) => (e.measures.tsc.runs === runsNote(e) ? String(runsNote(e)) : `${runsNote(e)} (tsc ${e.measures.tsc.runs})`)),
    row("definition files (incl. legacy)", (e) => fmtInt(e.definitionFiles)),
    row("sit generate, wall", (e) => fmtMs(e.measures.generate.medianMs) + flag(e.measures.generate)),
    row("sit generate, peak RSS", (e) => fmtMb(e.measures.generate.medianRssMb)),
    row("sit generate, CPU (user + system)", (e) => fmtMs(e.measures.generate.medianCpuMs)),
    row("--check, nothing changed, cache present (fast path)", (e) => fmtMs(e.measures.checkUnchanged.medianMs) + flag(e.measures.checkUnchanged)),
    row("--check, nothing changed, no cache (fresh clone)", (e) => fmtMs(e.measures.checkNoCache.medianMs) + flag(e.measures.checkNoCache)),
    row("--check, comment-only edit (passes)", (e) => fmtMs(e.measures.checkCommentOnly.medianMs) + flag(e.measures.checkCommentOnly)),
    row("--check, one definition changed (exit 1)", (e) => fmtMs(e.measures.checkChanged.medianMs) + flag(e.measures.checkChanged)),
    row("sit validate", (e) => fmtMs(e.measures.validate.medianMs) + flag(e.measures.validate)),
    row("tsc --noEmit on the generated SDK", (e) => fmtMs(e.measures.tsc.medianMs) + flag(e.measures.tsc)),
    row("tsc peak RSS", (e) => fmtMb(e.measures.tsc.medianRssMb)),
    row("generated SDK", (e) => `${(e.generatedBytes / 1e6).toFixed(1)} MB, ${fmtInt(e.generatedLines)} lines`),
    row("node -e 0 meanwhile (min–median–max)", (e) => `${fmtMs(e.measures.nodeFloor.minMs)}–${fmtMs(e.measures.nodeFloor.medianMs)}–${fmtMs(e.measures.nodeFloor.maxMs)}`),
  ];
  if (sizes.some((entry) => entry.typewriter)) {
    rows.push(row("typewriter build, wall", (e) => (e.typewriter ? `${fmtMs(e.typewriter.medianMs)}${flag(e.typewriter)} (${e.typewriter.runs})` : "—")));
    rows.push(row("typewriter build, peak RSS", (e) => (e.typewriter ? fmtMb(e.typewriter.medianRssMb) : "—")));
    rows.push(
      row("sit generate / typewriter build", (e) =>
        e.typewriter?.medianMs ? `${(e.measures.generate.medianMs / e.typewriter.medianMs).toFixed(4)} (${Math.round(e.typewriter.medianMs / e.measures.generate.medianMs)}× faster)` : "—",
      ),
    );
  }
  if (sizes.length > 0) lines.push(table(rows));
  lines.push(
    `sit --help: ${fmtMs(results.help.medianMs)} median of ${results.help.runs} (${fmtMs(results.help.minMs)}–${fmtMs(results.help.maxMs)}), ${fmtMb(results.help.medianRssMb)}${results.help.ok ? "" : " (FAILED)"}`,
  );
  lines.push(
    `node -e 0 (the start-up floor of every cold command here), interleaved with --help: ${fmtMs(results.nodeStartup.medianMs)} ` +
      `(${fmtMs(results.nodeStartup.minMs)}–${fmtMs(results.nodeStartup.maxMs)}), ${fmtMb(results.nodeStartup.medianRssMb)}`,
  );
  for (const extra of results.typewriterOnly) {
    lines.push(`typewriter build, ${fmtInt(extra.events)} events (no sit run at this size): ${fmtMs(extra.medianMs)}, ${fmtMb(extra.medianRssMb)} (${extra.runs} run${extra.runs === 1 ? "" : "s"})`);
  }
  lines.push(`typewriter: ${results.typewriter.status}${results.typewriter.message ? ` (${results.typewriter.message})` : ""}`);

  if (results.micro) {
    lines.push("");
    if (!results.micro.cases) {
      lines.push(`micro-benchmark failed: ${results.micro.error}`);
    } else {
      lines.push(`call overhead: ns per call, median of ${results.micro.rounds} alternating rounds of ${fmtInt(results.micro.calls)} calls, one process per case`);
      lines.push(
        table([
          ["case (CommonJS; ES modules right)", "generated", "by hand", "by hand + try/catch", "ratio", "ratio vs careful", "ESM generated", "ESM by hand", "ESM ratio"],
          ...results.micro.cases.map((entry) => [
            `${entry.name}${entry.inTarget ? "" : " (not in mean)"}${entry.equivalent && entry.esm.equivalent ? "" : " NOT EQUIVALENT"}`,
            entry.generatedNs.toFixed(1),
            entry.handNs.toFixed(1),
            entry.carefulNs.toFixed(1),
            `${entry.ratio.toFixed(2)}×`,
            `${entry.ratioCareful.toFixed(2)}×`,
            entry.esm.generatedNs.toFixed(1),
            entry.esm.handNs.toFixed(1),
            `${entry.esm.ratio.toFixed(2)}×`,
          ]),
          ["geometric mean of the direct cases", "", "", "", `${results.micro.ratio.toFixed(2)}×`, `${results.micro.ratioCareful.toFixed(2)}×`, "", "", `${results.micro.ratioEsm.toFixed(2)}×`],
        ]),
      );
    }
  }

  lines.push("");
  lines.push("DESIGN §6 targets:");
  lines.push(
    table([
      ["measure", "target", "measured", ""],
      ...results.targets.map((target) => {
        const show = (value) => (value === null ? "not measured" : target.unit === "ms" ? fmtMs(value) : target.unit === "MB" ? fmtMb(value) : `${value.toFixed(2)}×`);
        return [
          target.measure,
          `≤ ${target.unit === "ms" ? fmtMs(target.target) : target.unit === "MB" ? fmtMb(target.target) : `${target.target}×`}`,
          show(target.measured),
          target.met === null ? "" : target.met ? "met" : `MISSED by ${target.missedBy}`,
        ];
      }),
    ]),
  );
  if (results.growth) {
    const g = results.growth;
    lines.push(
      `growth 10,000 → 50,000 events (5× the events): generate ${g.generateMs}×, RSS ${g.generateRssMb}×, --check with cache ${g.checkUnchangedMs}×, ` +
        `without ${g.checkNoCacheMs}×, after a comment ${g.checkCommentOnlyMs}×, changed ${g.checkChangedMs}×, validate ${g.validateMs}×, tsc ${g.tscMs}×`,
    );
  } else {
    lines.push("growth 10,000 → 50,000: not measured (needs both sizes)");
  }
  const failures = collectFailures(results);
  if (failures.length > 0) {
    lines.push("");
    lines.push("FAILED measures (medians above are not trustworthy):");
    for (const failure of failures) lines.push(`  ${failure}`);
  }
  console.log(lines.join("\n"));
}

function collectFailures(results) {
  const failures = [];
  if (!results.help.ok) failures.push(`sit --help: ${results.help.error}`);
  if (results.nodeStartup && !results.nodeStartup.ok) failures.push(`node -e 0: ${results.nodeStartup.error}`);
  for (const entry of results.sizes) {
    for (const [name, measure] of Object.entries(entry.measures)) if (!measure.ok) failures.push(`${entry.events} events, ${name}: ${measure.error}`);
    if (entry.typewriter && !entry.typewriter.ok) failures.push(`${entry.events} events, typewriter: ${entry.typewriter.error}`);
  }
  if (results.micro && !results.micro.ok) failures.push(`micro-benchmark: ${results.micro.error}`);
  return failures;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const stale = checkBuild();
  if (stale.length > 0) {
    progress(`bench: warning: ${stale.length} file(s) in src/ are newer than dist/ (e.g. ${stale[0]}); run \`npm run build\` to measure them`);
  }
  const startedAt = new Date().toISOString();
  const work = mkdtempSync(join(tmpdir(), "sit-bench-"));
  const results = {
    schema: SCHEMA,
    startedAt,
    finishedAt: null,
    machine: machineInfo(),
    rssMethod: rssMethod(),
    sit: {
      version: require(join(REPO_ROOT, "package.json")).version,
      ...gitInfo(REPO_ROOT),
      distOlderThanSrc: stale.length > 0,
      // SIT_* variables of the bench's own environment reach every sit run too.
      environment: Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith("SIT_") && !key.startsWith("SIT_BENCH_"))),
    },
    options: { ...options, json: options.json ?? null },
    help: null,
    nodeStartup: null,
    sizes: [],
    typewriterOnly: [],
    typewriter: { status: "skipped", version: typewriter.version(), message: undefined },
    micro: null,
    growth: null,
    targets: [],
    loadavgAtEnd: null,
  };
  let typewriterWanted = options.typewriter;
  if (!options.typewriter) results.typewriter.message = "--no-typewriter";
  else if (!typewriter.isInstalled()) {
    typewriterWanted = false;
    results.typewriter.message = "not installed: run `npm install` in test/bench/typewriter to compare with Segment Typewriter";
    progress(`bench: typewriter skipped: ${results.typewriter.message}`);
  }
  try {
    progress(`bench: working in ${work}`);
    let snapshot = false;
    if (options.snapshot) {
      try {
        SIT_BIN = snapshotSit(work);
        snapshot = true;
        progress(`bench: measuring a snapshot of the package: ${relative(work, SIT_BIN)}`);
      } catch (error) {
        progress(`bench: warning: cannot copy the package (${error.message}); measuring the repository's bin/sit.js`);
      }
    }
    results.sit.measured = snapshot ? "snapshot of bin/, dist/, templates/ and package.json (as installed from npm)" : "the repository's bin/sit.js";
    progress(`sit --help and node -e 0, ${options.helpRuns} runs each, interleaved`);
    // Beside the floor every cold command pays on this machine: Node.js starting and exiting.
    const startup = interleave([
      { key: "help", runs: options.helpRuns, args: [SIT_BIN, "--help"], cwd: work },
      { key: "nodeStartup", runs: options.helpRuns, args: ["-e", "0"], cwd: work },
    ]);
    results.help = startup.help;
    results.nodeStartup = startup.nodeStartup;
    for (const size of options.sizes) results.sizes.push(measureSize(size, { ...options, typewriter: typewriterWanted }, work));
    if (typewriterWanted) {
      results.typewriterOnly = typewriterOnly(options, work);
      const ran = results.sizes.some((entry) => entry.typewriter) || results.typewriterOnly.length > 0;
      results.typewriter.status = ran ? "measured" : "skipped";
      if (!ran) results.typewriter.message = `no size of --typewriter-sizes (${options.typewriterSizes.join(",")}) was run`;
    }
    if (options.micro) {
      progress("micro-benchmark: generated track functions vs direct processor calls");
      const dir = join(work, "micro");
      mkdirSync(dir, { recursive: true });
      results.micro = runMicro(dir, { sitBin: SIT_BIN, tscBin: TSC_BIN, calls: options.microCalls, rounds: options.microRounds, log: progress });
    }
  } finally {
    if (options.keep) progress(`bench: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  results.growth = growth(results);
  results.targets = evaluateTargets(results);
  results.finishedAt = new Date().toISOString();
  results.loadavgAtEnd = machineInfo().loadavg;

  mkdirSync(RESULTS_DIR, { recursive: true });
  const resultsFile = join(RESULTS_DIR, `${startedAt.replace(/[:.]/g, "-")}.json`);
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(resultsFile, json);
  if (options.json) writeFileSync(options.json, json);

  printReport(results);
  console.log(`\nresults: ${relative(process.cwd(), resultsFile) || resultsFile}${options.json ? ` and ${options.json}` : ""}`);
  process.exitCode = collectFailures(results).length > 0 ? 1 : 0;
}

main();
