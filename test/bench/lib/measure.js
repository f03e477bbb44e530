"use strict";
/**
 * Cold-process measurements: wall time (hrtime around the child's whole life) and peak RSS.
 * Peak RSS comes from GNU time (`/usr/bin/time -f %M`, kilobytes) when it exists; otherwise a
 * preloaded probe (rss-probe.js) writes `process.resourceUsage().maxRSS` when the process exits.
 */
const { spawnSync } = require("node:child_process");
const { existsSync, mkdtempSync, readFileSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const GNU_TIME = "/usr/bin/time";
const PROBE = join(__dirname, "rss-probe.js");

let gnuTimeWorks;
/** Whether /usr/bin/time is GNU time (supports -f and -o). */
function hasGnuTime() {
  if (gnuTimeWorks === undefined) {
    gnuTimeWorks = false;
    // SIT_BENCH_RSS=probe forces the fallback, to check it on machines that have GNU time.
    if (existsSync(GNU_TIME) && process.env.SIT_BENCH_RSS !== "probe") {
      const dir = mkdtempSync(join(tmpdir(), "sit-bench-time-"));
      try {
        const result = spawnSync(GNU_TIME, ["-f", "%e %M %U %S", "-o", join(dir, "t"), "true"]);
        gnuTimeWorks = result.status === 0 && /^\d+\.\d+ \d+ \d+\.\d+ \d+\.\d+/.test(readFileSync(join(dir, "t"), "utf8"));
      } catch {
        gnuTimeWorks = false;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return gnuTimeWorks;
}

const rssMethod = () => (hasGnuTime() ? "/usr/bin/time -f '%M %U %S'" : "process.resourceUsage() via --require probe");

/**
 * Runs `node <args>` (a Node.js script: sit, tsc, typewriter) as a fresh process in `cwd`.
 * Returns { wallMs, rssKb, cpuMs (user + system, all threads), exitCode, stdout, stderr }.
 */
function runNode(args, { cwd, env = {}, timeoutMs = 30 * 60 * 1000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "sit-bench-run-"));
  const timeFile = join(dir, "time");
  const probeFile = join(dir, "rss");
  const gnu = hasGnuTime();
  const command = gnu ? GNU_TIME : process.execPath;
  const commandArgs = gnu ? ["-f", "%e %M %U %S", "-o", timeFile, process.execPath, ...args] : ["--require", PROBE, ...args];
  const started = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, {
    cwd,
    env: { ...process.env, ...env, ...(gnu ? {} : { SIT_BENCH_RSS_FILE: probeFile }), FORCE_COLOR: "0", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMs,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  let rssKb = null;
  let cpuMs = null;
  try {
    if (gnu) {
      const lines = readFileSync(timeFile, "utf8").trim().split("\n");
      const match = /(\d+(?:\.\d+)?) (\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(lines[lines.length - 1]);
      if (match) {
        rssKb = Number(match[2]);
        cpuMs = (Number(match[3]) + Number(match[4])) * 1000;
      }
    } else {
      const [maxRss, cpuUs] = readFileSync(probeFile, "utf8").split(" ").map(Number);
      rssKb = maxRss;
      cpuMs = cpuUs / 1000;
    }
  } catch {
    rssKb = null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    wallMs,
    rssKb,
    cpuMs,
    exitCode: result.status ?? (result.signal !== null ? `signal ${result.signal}` : -1),
    stdout: result.stdout ?? "",
    stderr: (result.stderr ?? "") + (result.error ? `\n${result.error.message}` : ""),
  };
}

function median(values) {
  const sorted = values.filter((value) => typeof value === "number" && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs a measure `runs` times (after `before()` each time) and summarizes: the median wall time
 * and peak RSS, min/max, every run, and whether every exit code was the expected one.
 */
function repeat(runs, { args, cwd, env, expectExit = 0, before, timeoutMs }) {
  const samples = [];
  for (let index = 0; index < runs; index++) {
    if (before) before(index);
    samples.push(runNode(args, { cwd, env, timeoutMs }));
  }
  return summarize(samples, expectExit);
}

/**
 * Runs several measures in rounds, one run of each per round in an order that rotates from round to
 * round, so a change in the machine's load reaches every measure alike. A measure is
 * `{ key, runs, args, cwd, env, expectExit, before, after, timeoutMs }`: `before(round)` sets up its
 * preconditions and returns what `after(run, prepared)` needs to verify the run; `after` returns
 * labels recorded on the sample (e.g. `{ cache: "hit" }`), with `problem` set when the run did not
 * measure what it claims to. Returns each measure's summary by key, as `repeat` does.
 */
function interleave(measures, { onRun = () => {} } = {}) {
  const rounds = Math.max(0, ...measures.map((measure) => measure.runs));
  const samples = new Map(measures.map((measure) => [measure.key, []]));
  for (let roundIndex = 0; roundIndex < rounds; roundIndex++) {
    const due = measures.filter((measure) => roundIndex < measure.runs);
    for (let index = 0; index < due.length; index++) {
      const measure = due[(index + roundIndex) % due.length];
      onRun(measure, roundIndex);
      const prepared = measure.before ? measure.before(roundIndex) : undefined;
      const run = runNode(measure.args, { cwd: measure.cwd, env: measure.env, timeoutMs: measure.timeoutMs });
      samples.get(measure.key).push({ ...run, labels: measure.after ? measure.after(run, prepared) ?? {} : {} });
    }
  }
  return Object.fromEntries(measures.map((measure) => [measure.key, summarize(samples.get(measure.key), measure.expectExit ?? 0)]));
}

/** Medians, spread and every sample of one measure; `ok` when every run exited as expected and had no problem. */
function summarize(samples, expectExit) {
  const unexpected = samples.find((sample) => sample.exitCode !== expectExit);
  const problem = samples.find((sample) => sample.labels?.problem !== undefined);
  const walls = samples.map((sample) => sample.wallMs);
  const rss = samples.map((sample) => sample.rssKb);
  const cpu = samples.map((sample) => sample.cpuMs);
  let error;
  if (unexpected !== undefined) {
    error = `exit ${unexpected.exitCode}, expected ${expectExit}: ${(unexpected.stderr || unexpected.stdout).trim().split("\n").slice(-12).join("\n")}`;
  } else if (problem !== undefined) {
    error = problem.labels.problem;
  }
  return {
    runs: samples.length,
    medianMs: round(median(walls)),
    minMs: round(Math.min(...walls)),
    maxMs: round(Math.max(...walls)),
    medianRssMb: rss.every((value) => value === null) ? null : round(median(rss) / 1024),
    medianCpuMs: cpu.every((value) => value === null) ? null : round(median(cpu)),
    samples: samples.map((sample) => ({ wallMs: round(sample.wallMs), rssKb: sample.rssKb, cpuMs: round(sample.cpuMs), exitCode: sample.exitCode, ...sample.labels })),
    ok: error === undefined,
    expectedExit: expectExit,
    ...(error === undefined ? {} : { error }),
  };
}

const round = (value, digits = 1) => (value === null || value === undefined || !Number.isFinite(value) ? null : Math.round(value * 10 ** digits) / 10 ** digits);

module.exports = { runNode, repeat, interleave, median, round, hasGnuTime, rssMethod };
