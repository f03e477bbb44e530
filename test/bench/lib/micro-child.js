"use strict";
/**
 * One micro-benchmark case in a fresh process:
 * `node micro-child.js <outDir> <case> <calls> <rounds> [cjs|esm]`.
 * Checks that the three variants deliver identical payloads, warms all three up, then times them
 * in alternating order for `rounds` rounds of `calls` calls. Prints JSON: ns per call (median of
 * rounds) for the generated function, the bare hand-written calls and the careful ones.
 */
const { join } = require("node:path");

const { pathToFileURL } = require("node:url");

async function main() {
  const [outDir, name, callsArg, roundsArg, format = "cjs"] = process.argv.slice(2);
  const calls = Number(callsArg);
  const rounds = Number(roundsArg);
  const load = async (path) => (format === "esm" ? import(pathToFileURL(join(outDir, path)).href) : require(join(outDir, path)));
  const { sink } = await load("src/sink.js");
  const variants = {
    generated: (await load("src/bench-generated.js")).cases[name],
    hand: (await load("src/bench-hand.js")).cases[name],
    careful: (await load("src/bench-hand-careful.js")).cases[name],
  };
  for (const [variant, run] of Object.entries(variants)) {
    if (typeof run !== "function") throw new Error(`case ${name} has no ${variant} variant`);
  }

  const delivered = (run) => {
    sink.log = [];
    run(1);
    const log = JSON.stringify(sink.log);
    sink.log = undefined;
    return log;
  };
  const expected = delivered(variants.generated);
  const equivalent = delivered(variants.hand) === expected && delivered(variants.careful) === expected;

  const warmupCalls = Math.max(1, Math.floor(calls / 4));
  for (let index = 0; index < 4; index++) for (const run of Object.values(variants)) run(warmupCalls);

  const order = Object.keys(variants);
  const samples = { generated: [], hand: [], careful: [] };
  for (let roundIndex = 0; roundIndex < rounds; roundIndex++) {
    // Rotate who goes first, so neither GC debt nor CPU frequency favours one variant.
    const rotated = order.map((_, index) => order[(index + roundIndex) % order.length]);
    for (const variant of rotated) {
      const started = process.hrtime.bigint();
      variants[variant](calls);
      samples[variant].push(Number(process.hrtime.bigint() - started) / calls);
    }
  }

  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const r = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;
  const generatedNs = median(samples.generated);
  const handNs = median(samples.hand);
  const carefulNs = median(samples.careful);
  process.stdout.write(
    JSON.stringify({
      generatedNs: r(generatedNs, 2),
      handNs: r(handNs, 2),
      carefulNs: r(carefulNs, 2),
      ratio: r(generatedNs / handNs, 3),
      ratioCareful: r(generatedNs / carefulNs, 3),
      equivalent,
      sinkCalls: sink.calls,
    }),
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
