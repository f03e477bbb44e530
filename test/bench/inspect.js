#!/usr/bin/env node
"use strict";
/**
 * `sit inspect` under load: the real CLI (dist/) on a synthetic plan (lib/synthetic.js, as
 * `npm run bench` builds them) receives batches of the HTTP processor's format from several
 * clients at once, each posting its next batch as soon as the last was answered, for a fixed
 * time. Prints events checked per second (every one of them answered, counted and checked: the
 * run fails if GET /sit/events disagrees), request latency, the inspector's CPU time per event and
 * its memory. Its stdout (the live table, or --json lines) goes to a file and is counted; with
 * --stream a page's live stream is read too, here.
 *
 *   npm run build && node test/bench/inspect.js
 *   node test/bench/inspect.js --events 10000 --clients 4 --batch 50 --seconds 10 --stream --json inspect.json
 *
 * Issue 21's target: on 2 cores it keeps up with at least 20,000 events a second.
 */
const { spawn } = require("node:child_process");
const { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const http = require("node:http");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { createEventSet, writeSitProject } = require("./lib/synthetic");
const { machineInfo, gitInfo } = require("./lib/machine");

const REPO_ROOT = join(__dirname, "..", "..");
const SIT_BIN = join(REPO_ROOT, "bin", "sit.js");
const DIST = join(REPO_ROOT, "dist");
/** Share of the events sent that are bad, each kind in turn. */
const BAD_SHARE = 0.2;
const BATCH_POOL = 64;
const WARM_UP_MS = 1000;

const USAGE = "Usage: node test/bench/inspect.js [--events 10000] [--clients 4] [--batch 50] [--seconds 10] [--max-events 10000] [--stream] [--json-output] [--json file] [--cpu-prof dir] [--keep]";

function parseArgs(argv) {
  const options = { events: 10000, clients: 4, batch: 50, seconds: 10, maxEvents: 10000, stream: false, jsonOutput: false, json: undefined, cpuProf: undefined, keep: false };
  for (let index = 0; index < argv.length; index++) {
    const value = () => argv[++index] ?? usage(`${argv[index - 1]} needs a value`);
    switch (argv[index]) {
      case "--events":
        options.events = Number(value());
        break;
      case "--clients":
        options.clients = Number(value());
        break;
      case "--batch":
        options.batch = Number(value());
        break;
      case "--seconds":
        options.seconds = Number(value());
        break;
      case "--max-events":
        options.maxEvents = Number(value());
        break;
      case "--stream":
        options.stream = true;
        break;
      case "--json-output":
        options.jsonOutput = true;
        break;
      case "--json":
        options.json = value();
        break;
      case "--cpu-prof":
        options.cpuProf = value();
        break;
      case "--keep":
        options.keep = true;
        break;
      case "-h":
      case "--help":
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        usage(`unknown option ${argv[index]}`);
    }
  }
  return options;
}

function usage(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

/** A value the property's spec allows (the synthetic plans use scalars and enums only). */
function sampleValue(spec) {
  if (spec.enum !== undefined) return spec.enum[0];
  switch (spec.types?.[0]) {
    case "number":
      return spec.integer ? 3 : 2.5;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return "some text";
  }
}

/**
 * Events of the HTTP processor's batch format, as JSON: four good ones for each bad one, the bad
 * ones in turn an undeclared property, a wrong type, a misspelled event and a missing identifier.
 */
function eventPool(model) {
  const active = model.events.filter((event) => event.metadata.status !== "removed");
  const badKinds = ["undeclared", "wrongType", "unknown", "missingIdentifier"];
  const pool = [];
  for (let index = 0; index < active.length; index++) {
    const event = active[index];
    const payload = { event: event.action, sentAt: new Date(0).toISOString() };
    for (const identifier of event.identifiers) payload[identifier.field] = identifier.field.endsWith("Ids") ? [3, 9] : 7;
    const properties = {};
    for (const name of event.payloads[0].propertyNames) properties[name] = sampleValue(event.properties.find((property) => property.name === name).value);
    payload.additionalProperties = properties;
    const bad = index % Math.round(1 / BAD_SHARE) === 0 ? badKinds[(index / Math.round(1 / BAD_SHARE)) % badKinds.length] : undefined;
    if (bad === "undeclared") properties.not_in_the_plan = "x";
    if (bad === "wrongType") properties.label = { nested: true };
    if (bad === "unknown") payload.event = `${event.action}x`;
    if (bad === "missingIdentifier") {
      if (event.identifiers.length > 0) delete payload[event.identifiers[0].field];
      else properties.not_in_the_plan = "x";
    }
    pool.push({ json: JSON.stringify(payload), bad: bad !== undefined });
  }
  return pool;
}

/** `BATCH_POOL` request bodies of `size` events each, taken in turn from the pool. */
function batchBodies(pool, size) {
  const bodies = [];
  let next = 0;
  for (let index = 0; index < BATCH_POOL; index++) {
    const events = [];
    let bad = 0;
    for (let count = 0; count < size; count++) {
      const event = pool[next++ % pool.length];
      events.push(event.json);
      if (event.bad) bad += 1;
    }
    bodies.push({ body: Buffer.from(`{"events":[${events.join(",")}]}`), bad });
  }
  return bodies;
}

/**
 * Starts the real CLI. Its stdout goes to a file, as fast as a terminal takes it, so that this
 * process, busy being the clients, is not what the inspector waits for.
 */
function startInspector(project, options) {
  // --cpu-prof: the inspector writes a .cpuprofile (for Chrome DevTools) there when it stops.
  const profile = options.cpuProf === undefined ? [] : ["--cpu-prof", `--cpu-prof-dir=${options.cpuProf}`];
  const args = [...profile, SIT_BIN, "inspect", "--port", "0", "--max-events", String(options.maxEvents), ...(options.jsonOutput ? ["--json"] : [])];
  const stdoutPath = join(project, "inspect.out");
  const stdout = openSync(stdoutPath, "w");
  const child = spawn(process.execPath, args, { cwd: project, stdio: ["ignore", stdout, "pipe"] });
  closeSync(stdout);
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text) => (stderr += text));
  const url = new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      const text = readFileSync(stdoutPath, "utf8");
      if (text.includes("\n")) {
        clearInterval(poll);
        resolve(text.slice(0, text.indexOf("\n")));
      }
    }, 20);
    child.on("exit", (code) => {
      clearInterval(poll);
      reject(new Error(`sit inspect exited (${code}) before listening:\n${stderr}`));
    });
  });
  /** Lines written to stdout so far. */
  const lines = () => {
    const text = readFileSync(stdoutPath);
    let count = 0;
    for (const byte of text) if (byte === 10) count += 1;
    return count;
  };
  return { child, url, lines };
}

/** The process's CPU time (user + system) and memory, from /proc (Linux). */
function processUsage(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    // Linux's USER_HZ is 100 on every architecture Node.js runs on.
    return { cpuMs: ticks * 10, rssMb: kib("VmRSS") / 1024, peakRssMb: kib("VmHWM") / 1024 };
  } catch {
    return { cpuMs: Number.NaN, rssMb: Number.NaN, peakRssMb: Number.NaN };
  }
}

function post(agent, url, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/v1/events`, { method: "POST", agent, headers: { "Content-Type": "application/json", "Content-Length": body.length } }, (response) => {
      response.resume();
      response.on("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`the inspector answered ${response.statusCode}`))));
    });
    request.on("error", reject);
    request.end(body);
  });
}

function getJson(url, path, method = "GET") {
  return new Promise((resolve, reject) => {
    http
      .request(`${url}${path}`, { method }, (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve(JSON.parse(text)));
      })
      .on("error", reject)
      .end();
  });
}

/** A page's live stream, read and counted. */
function openStream(url) {
  const stream = { messages: 0, request: undefined };
  stream.request = http.get(`${url}/sit/stream`, (response) => {
    response.setEncoding("utf8").on("data", (text) => {
      for (let at = text.indexOf("event: received"); at >= 0; at = text.indexOf("event: received", at + 1)) stream.messages += 1;
    });
  });
  stream.request.on("error", () => undefined);
  return stream;
}

/** Each client posts the next batch as soon as the last one was answered, until `until`. */
async function client(url, bodies, offset, until, record) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let index = offset;
  while (performance.now() < until) {
    const { body, bad } = bodies[index++ % bodies.length];
    const started = performance.now();
    await post(agent, url, body);
    record(started, performance.now(), bad);
  }
  agent.destroy();
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)];
}

function percentile(values, share) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { runPipeline } = require(join(DIST, "pipeline", "run-pipeline.js"));
  const { readInputs } = require(join(DIST, "pipeline", "read-inputs.js"));

  const project = mkdtempSync(join(tmpdir(), "sit-bench-inspect-"));
  const inspector = { child: undefined };
  try {
    writeSitProject(project, createEventSet(options.events));
    const { model } = runPipeline(readInputs({ cwd: project }), { until: "model" });
    if (model === undefined) throw new Error("the synthetic plan is invalid");
    const bodies = batchBodies(eventPool(model), options.batch);

    const started = startInspector(project, options);
    inspector.child = started.child;
    const startedAt = performance.now();
    const url = await started.url;
    const startUpMs = performance.now() - startedAt;
    const stream = options.stream ? openStream(url) : undefined;

    // Warm up (not measured): the JIT, the sockets, the rules parsed on the first check.
    await Promise.all(Array.from({ length: options.clients }, (_, index) => client(url, bodies, index * 7, performance.now() + WARM_UP_MS, () => undefined)));
    await getJson(url, "/sit/events", "DELETE");
    if (stream !== undefined) stream.messages = 0;

    const latencies = [];
    let events = 0;
    let badEvents = 0;
    const before = processUsage(started.child.pid);
    const measureStart = performance.now();
    const until = measureStart + options.seconds * 1000;
    await Promise.all(
      Array.from({ length: options.clients }, (_, index) =>
        client(url, bodies, index * 13, until, (sentAt, answeredAt, bad) => {
          latencies.push(answeredAt - sentAt);
          events += options.batch;
          badEvents += bad;
        }),
      ),
    );
    const elapsedMs = performance.now() - measureStart;
    const after = processUsage(started.child.pid);
    // The counts alone: no event is named "-".
    const listed = await getJson(url, "/sit/events?status=bad&event=-");
    if (listed.received !== events || listed.bad !== badEvents) throw new Error(`the inspector counted ${listed.received} events (${listed.bad} bad), the clients sent ${events} (${badEvents} bad)`);

    // The stream is another connection: its last messages may still be on their way.
    for (const deadline = performance.now() + 5000; stream !== undefined && stream.messages < events && performance.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 10));

    const result = {
      schema: "sit-bench-inspect/1",
      machine: machineInfo(),
      git: gitInfo(REPO_ROOT),
      options,
      planEvents: model.events.length,
      startUpMs: Math.round(startUpMs),
      events,
      badEvents,
      requests: latencies.length,
      seconds: elapsedMs / 1000,
      eventsPerSecond: Math.round((events * 1000) / elapsedMs),
      latencyMs: { median: median(latencies), p99: percentile(latencies, 0.99) },
      inspectorCpuMs: after.cpuMs - before.cpuMs,
      inspectorCpuUsPerEvent: ((after.cpuMs - before.cpuMs) * 1000) / events,
      inspectorRssMb: after.rssMb,
      inspectorPeakRssMb: after.peakRssMb,
      stdoutLines: started.lines(),
      streamMessages: stream?.messages,
    };
    stream?.request.destroy();
    report(result);
    if (options.json !== undefined) writeFileSync(options.json, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    inspector.child?.kill("SIGTERM");
    if (!options.keep) rmSync(project, { recursive: true, force: true });
    else console.log(`kept ${project}`);
  }
}

function report(result) {
  const { options } = result;
  const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
  const output = [options.jsonOutput ? "--json lines" : "the table", ...(options.stream ? ["a page's stream"] : [])].join(" and ");
  console.log(`sit inspect: ${result.planEvents} events in the plan, ${options.clients} clients posting batches of ${options.batch}, ${fixed(result.seconds)} s; output read: ${output}`);
  console.log(`  events checked per second  ${result.eventsPerSecond.toLocaleString("en-US")} (${result.events.toLocaleString("en-US")} events, ${result.badEvents.toLocaleString("en-US")} bad, in ${result.requests.toLocaleString("en-US")} requests)`);
  console.log(`  request latency            median ${fixed(result.latencyMs.median, 2)} ms, p99 ${fixed(result.latencyMs.p99, 2)} ms`);
  console.log(`  inspector CPU              ${fixed(result.inspectorCpuUsPerEvent, 2)} µs per event (${fixed(result.inspectorCpuMs / 1000, 2)} s over the run)`);
  console.log(`  inspector memory           ${fixed(result.inspectorRssMb)} MB at the end, ${fixed(result.inspectorPeakRssMb)} MB peak (keeping ${options.maxEvents.toLocaleString("en-US")} events)`);
  console.log(`  start-up to listening      ${result.startUpMs} ms`);
  console.log(`  output                     ${result.stdoutLines.toLocaleString("en-US")} lines on stdout${result.streamMessages === undefined ? "" : `, ${result.streamMessages.toLocaleString("en-US")} events on the page's stream`}`);
  console.log(`  target (2 cores)           ≥ 20,000 events a second: ${result.eventsPerSecond >= 20000 ? "met" : "missed"}`);
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
