"use strict";
/**
 * Segment Typewriter 9.2 on the same synthetic events as sit's bench.
 *
 * Typewriter 9 normally downloads the tracking plan from Segment's API, but `typewriter build`
 * (without `--update`) first reads a local copy: `<plan path>/plan.json` next to a
 * `typewriter.yml` that lists the plan (see dist/api/trackingplans.js `loadTrackingPlan` and
 * dist/commands/build.js in the installed package). With no API token anywhere it warns "No API
 * token found ... Using local copy of tracking plans instead" and builds offline. plan.json is a
 * Public API tracking plan: `rules[]` of `{ key, type: "TRACK", version, jsonSchema }`, where the
 * event's properties sit at `jsonSchema.properties.properties` (Typewriter unwraps them).
 *
 * Mapping from sit's definitions, so both tools type the same information:
 * - each internal event (removed ones included; sit generates those too) → one TRACK rule keyed
 *   by the action; legacy definitions get nothing, as in sit;
 * - identifiers → required properties `<identifier>_id` (string or integer): Typewriter has no
 *   per-event identifiers, its SDK passes userId/anonymousId separately;
 * - additional and protected properties → properties with sit's type (label/property string,
 *   value number, custom string-or-number by default), enum and required.
 *
 * Usage: node test/bench/typewriter/typewriter-bench.js [--sizes 1000,10000] [--runs N] [--seed S]
 * (needs `npm install` in test/bench/typewriter first).
 */
const { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const HERE = __dirname;
const TYPEWRITER_BIN = join(HERE, "node_modules", "typewriter", "bin", "run");

function isInstalled() {
  return existsSync(TYPEWRITER_BIN);
}

function version() {
  try {
    return require(join(HERE, "node_modules", "typewriter", "package.json")).version;
  } catch {
    return null;
  }
}

function propertySchema(prop, builtIn) {
  const schema = { $id: `/properties/${prop.name}`, description: prop.shape === "null" || prop.shape === "undescribed" ? "" : prop.description };
  const type = prop.type ?? builtIn;
  if (type === undefined) schema.type = ["string", "number"];
  else schema.type = type;
  if (prop.enum !== undefined) schema.enum = prop.enum;
  return schema;
}

/** The tracking plan (Segment Public API format) of a synthetic set's internal events. */
function buildPlan(set) {
  const rules = [];
  for (const event of set.events) {
    if (event.kind !== "internal") continue;
    const properties = {};
    const required = [];
    for (const identifier of event.identifiers ?? []) {
      properties[`${identifier}_id`] = { $id: `/properties/${identifier}_id`, description: `the ${identifier}`, type: ["string", "integer"] };
      required.push(`${identifier}_id`);
    }
    const all = [...event.properties, ...event.trackers.flatMap((tracker) => tracker.protectedProperties)];
    for (const prop of all) {
      const builtIn = prop.name === "value" ? "number" : prop.name === "label" || prop.name === "property" ? "string" : undefined;
      properties[prop.name] = propertySchema(prop, event.properties.includes(prop) ? builtIn : undefined);
      if (prop.required === true) required.push(prop.name);
    }
    rules.push({
      key: event.action,
      type: "TRACK",
      version: 1,
      description: event.description,
      jsonSchema: {
        $schema: "http://json-schema.org/draft-07/schema#",
        type: "object",
        properties: {
          context: {},
          traits: {},
          properties: { type: "object", properties, required },
        },
        required: ["properties"],
      },
    });
  }
  return {
    id: "tp_sit_bench",
    name: `sit bench ${set.size}`,
    slug: "sit-bench",
    description: "Synthetic events of sit's benchmark",
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    rules,
  };
}

/** Writes typewriter.yml and plan/plan.json under `dir`; the client goes to plan/segment.ts. */
function writeTypewriterProject(dir, set) {
  mkdirSync(join(dir, "plan"), { recursive: true });
  writeFileSync(
    join(dir, "typewriter.yml"),
    ["client:", "  sdk: analytics-node", "  language: typescript", "trackingPlans:", "  - id: tp_sit_bench", "    path: ./plan", ""].join("\n"),
  );
  writeFileSync(join(dir, "plan", "plan.json"), JSON.stringify(buildPlan(set)));
}

/** `typewriter build` as a cold process, `runs` times: { medianMs, medianRssMb, samples, ok }. */
function benchTypewriter(dir, runs, { repeat }) {
  return repeat(runs, {
    args: [TYPEWRITER_BIN, "build"],
    cwd: dir,
    // stdin is /dev/null: Typewriter would take piped input as an API token.
    before: () => rmSync(join(dir, "plan", "segment.ts"), { force: true }),
    timeoutMs: 60 * 60 * 1000,
  });
}

module.exports = { isInstalled, version, buildPlan, writeTypewriterProject, benchTypewriter, TYPEWRITER_BIN };

if (require.main === module) {
  const { createEventSet } = require("../lib/synthetic");
  const { repeat } = require("../lib/measure");
  const argv = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : fallback;
  };
  if (!isInstalled()) {
    console.error("typewriter is not installed: run `npm install` in test/bench/typewriter");
    process.exit(2);
  }
  const sizes = option("--sizes", "1000").split(",").map(Number);
  const runs = Number(option("--runs", "1"));
  const seed = Number(option("--seed", "1"));
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `sit-bench-typewriter-${size}-`));
    try {
      writeTypewriterProject(dir, createEventSet(size, seed));
      const result = benchTypewriter(dir, runs, { repeat });
      console.log(`typewriter build, ${size} events: ${result.medianMs} ms, ${result.medianRssMb} MB peak RSS (median of ${runs})${result.ok ? "" : `; FAILED: ${result.error}`}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
