#!/usr/bin/env node
"use strict";
/**
 * Where `sit generate` spends its time: runs the real CLI once under `node --cpu-prof` on a
 * synthetic set and summarizes the profile — self time by function, and time by pipeline stage.
 *
 *   node test/bench/profile.js [--events 10000] [--seed 1] [--interval 200] [--keep] [--top 30]
 *     [--command generate|check|check-no-cache|check-comment|check-changed|validate] [--json out.json]
 *
 * `check` runs with sit's fast-path cache in place, `check-no-cache` without it (a fresh clone),
 * `check-comment` after a comment-only edit of one definition (a full comparison that passes).
 *
 * Stage attribution: each sample goes to the innermost frame that decides it, walking from the
 * sampled function towards the root. A frame of Node's module loader decides "startup/module
 * load" (so zod's or ts-morph's module bodies count as loading, wherever they are required
 * from); a frame in sit's dist/ decides by its folder (load → find+read or YAML parse, cache,
 * validate, model, emit, write, cli/config). Library code (js-yaml, zod) and Node internals (fs, crypto)
 * therefore count towards the sit stage that called them. `(garbage collector)` is GC;
 * `(program)` is native time V8 cannot attribute to JavaScript.
 */
const { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join, resolve, sep } = require("node:path");
const { spawnSync } = require("node:child_process");
const { createEventSet, writeSitProject, eventToChange, definitionYaml } = require("./lib/synthetic");

const REPO_ROOT = resolve(__dirname, "..", "..");
const SIT_BIN = join(REPO_ROOT, "bin", "sit.js");
const DIST = join(REPO_ROOT, "dist") + sep;

const STAGES = [
  "startup/module load",
  "config",
  "find+read files",
  "generator identity",
  "inputs hash",
  "cache check",
  "YAML parse",
  "validation",
  "model",
  "emit",
  "write/compare",
  "CLI/report",
  "GC",
  "(program) native",
  "other",
];

/** The stage a frame decides, or undefined to keep walking towards the root. */
function frameStage(frame) {
  const url = frame.url.startsWith("file://") ? decodeURIComponent(frame.url.slice(7)) : frame.url;
  const name = frame.functionName;
  if (url.startsWith("node:internal/modules/") || url.startsWith("node:internal/main/")) return "startup/module load";
  if (!url.startsWith(DIST)) return undefined;
  const path = url.slice(DIST.length).split(sep).join("/");
  if (path.startsWith("load/find-definition-files") || path.startsWith("load/read-text-file") || path.startsWith("pipeline/read-inputs")) return "find+read files";
  if (path.startsWith("load/load-definitions")) return name === "readDefinition" || name === "findDefinitions" ? "find+read files" : "YAML parse";
  if (path.startsWith("load/")) return "YAML parse";
  if (path.startsWith("cache/generator-identity")) return "generator identity";
  if (path.startsWith("cache/")) return name === "inputsHash" ? "inputs hash" : "cache check";
  if (path.startsWith("validate/") || path.startsWith("diagnostics/")) return "validation";
  if (path.startsWith("model/")) return "model";
  if (path.startsWith("emit/")) return "emit";
  if (path.startsWith("write/")) return "write/compare";
  if (path.startsWith("config/")) return "config";
  if (path === "pipeline/run-pipeline.js") {
    if (name === "emitFiles") return "emit";
    if (name === "withConfiguredSeverities") return "validation";
    return undefined;
  }
  if (path.startsWith("cli/")) return "CLI/report";
  return undefined;
}

function summarize(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stageOf = new Map();
  const resolveStage = (id) => {
    if (stageOf.has(id)) return stageOf.get(id);
    const node = nodes.get(id);
    const frame = node.callFrame;
    let stage;
    if (frame.functionName === "(garbage collector)") stage = "GC";
    else if (frame.functionName === "(program)") stage = "(program) native";
    else if (frame.functionName === "(idle)") stage = "other";
    else stage = frameStage(frame) ?? (parent.has(id) ? resolveStage(parent.get(id)) : "other");
    stageOf.set(id, stage);
    return stage;
  };
  // Sample i lasts timeDeltas[i + 1] (the next sample's delta); the last one gets 0.
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  for (let index = 0; index < samples.length; index++) {
    const delta = index + 1 < timeDeltas.length ? timeDeltas[index + 1] : 0;
    selfUs.set(samples[index], (selfUs.get(samples[index]) ?? 0) + Math.max(0, delta));
  }
  const stages = new Map(STAGES.map((stage) => [stage, 0]));
  const functions = new Map();
  for (const [id, us] of selfUs) {
    const stage = resolveStage(id);
    stages.set(stage, (stages.get(stage) ?? 0) + us);
    const frame = nodes.get(id).callFrame;
    const url = frame.url.replace(`file://${REPO_ROOT}/`, "").replace(/^.*node_modules\//, "node_modules/");
    const key = `${frame.functionName || "(anonymous)"} ${url ? `${url}:${frame.lineNumber + 1}` : ""}`.trim();
    const entry = functions.get(key) ?? { function: key, selfMs: 0, byStage: new Map() };
    entry.selfMs += us / 1000;
    entry.byStage.set(stage, (entry.byStage.get(stage) ?? 0) + us / 1000);
    functions.set(key, entry);
  }
  // A function called from several stages (a hash, a read) is listed under the one it spends most in.
  for (const entry of functions.values()) {
    const ranked = [...entry.byStage].sort((a, b) => b[1] - a[1]);
    entry.stage = ranked[0][0] + (ranked.length > 1 && ranked[1][1] >= 1 ? " +" : "");
    delete entry.byStage;
  }
  const totalMs = (profile.endTime - profile.startTime) / 1000;

  // Timeline: the dominant stage of each 100 ms window, consecutive equal windows merged.
  const WINDOW_US = 100_000;
  const windows = [];
  let now = profile.startTime;
  for (let index = 0; index < samples.length; index++) {
    now += timeDeltas[index];
    const slot = Math.floor((now - profile.startTime) / WINDOW_US);
    const duration = index + 1 < timeDeltas.length ? Math.max(0, timeDeltas[index + 1]) : 0;
    const stage = resolveStage(samples[index]);
    windows[slot] ??= new Map();
    windows[slot].set(stage, (windows[slot].get(stage) ?? 0) + duration);
  }
  const timeline = [];
  windows.forEach((window, slot) => {
    if (window === undefined) return;
    const [stage] = [...window].sort((a, b) => b[1] - a[1])[0];
    const last = timeline[timeline.length - 1];
    if (last !== undefined && last.stage === stage && last.toMs === slot * 100) last.toMs = (slot + 1) * 100;
    else timeline.push({ fromMs: slot * 100, toMs: (slot + 1) * 100, stage });
  });
  return {
    timeline,
    profiledMs: Math.round(totalMs),
    stages: [...stages].map(([stage, us]) => ({ stage, ms: Math.round(us / 1000), percent: Math.round((us / 10 / totalMs) * 10) / 10 })).filter((entry) => entry.ms > 0),
    functions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs).map((entry) => ({ ...entry, selfMs: Math.round(entry.selfMs * 10) / 10 })),
  };
}

function main() {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : fallback;
  };
  const events = Number(option("--events", "10000"));
  const seed = Number(option("--seed", "1"));
  const command = option("--command", "generate");
  const interval = Number(option("--interval", "200"));
  const top = Number(option("--top", "30"));
  const keep = argv.includes("--keep");
  const json = option("--json", undefined);

  const work = mkdtempSync(join(tmpdir(), "sit-profile-"));
  try {
    const dir = join(work, "project");
    const set = createEventSet(events, seed);
    writeSitProject(dir, set);
    // sit's fast-path cache goes to node_modules/.cache/sit/ of the project, and with it.
    mkdirSync(join(dir, "node_modules"));
    const sit = (...args) => spawnSync(process.execPath, [...args], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 });
    // Warm the page cache; for the check modes, leave an up-to-date output (and its cache entry) in place.
    sit(SIT_BIN, "generate");
    const changed = eventToChange(set);
    const changedPath = join(dir, "definitions", changed.path);
    const prepare = {
      generate: () => rmSync(join(dir, "generated"), { recursive: true, force: true }),
      check: () => {},
      "check-no-cache": () => rmSync(join(dir, "node_modules", ".cache"), { recursive: true, force: true }),
      "check-comment": () => writeFileSync(changedPath, `# Reviewed by the owning group.\n${readFileSync(changedPath, "utf8")}`),
      "check-changed": () => writeFileSync(changedPath, definitionYaml({ ...changed, description: `${changed.description}, now edited` })),
      validate: () => {},
    };
    if (!Object.hasOwn(prepare, command)) {
      console.error(`profile: unknown --command ${command} (one of ${Object.keys(prepare).join(", ")})`);
      process.exitCode = 2;
      return;
    }
    prepare[command]();
    const args = command === "generate" ? ["generate"] : command === "validate" ? ["validate"] : ["generate", "--check"];
    const profileDir = join(work, "prof");
    const started = process.hrtime.bigint();
    const run = sit("--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-interval=${interval}`, SIT_BIN, ...args);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    // sit runs on one thread: one file, CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile.
    const [file] = readdirSync(profileDir).filter((name) => name.endsWith(".cpuprofile"));
    const profile = summarize(JSON.parse(readFileSync(join(profileDir, file), "utf8")));
    const summary = { events, command: `sit ${args.join(" ")}`, exitCode: run.status, wallMs: Math.round(wallMs), file: join(profileDir, file), ...profile };

    console.log(`${summary.command}, ${events} events: exit ${run.status}, ${summary.wallMs} ms wall (profiling adds overhead), ${profile.profiledMs} ms profiled`);
    console.log("by stage (self time, attributed to the innermost sit stage or module loading):");
    for (const entry of [...profile.stages].sort((a, b) => b.ms - a.ms)) {
      console.log(`  ${entry.stage.padEnd(22)} ${String(entry.ms).padStart(6)} ms  ${String(entry.percent).padStart(5)} %`);
    }
    console.log(`timeline (dominant stage per 100 ms): ${profile.timeline.map((entry) => `${entry.fromMs}–${entry.toMs} ${entry.stage}`).join(" · ")}`);
    console.log(`top ${top} functions by self time (stage + = also called from other stages):`);
    for (const entry of profile.functions.slice(0, top)) console.log(`  ${entry.selfMs.toFixed(1).padStart(8)} ms  ${entry.stage.padEnd(24)} ${entry.function}`);
    if (json) writeFileSync(json, `${JSON.stringify({ ...summary, functions: profile.functions.slice(0, 200) }, null, 2)}\n`);
    if (keep) console.log(`\nprofile: ${summary.file} (open in Chrome DevTools › Performance)`);
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) main();
module.exports = { summarize, frameStage };
