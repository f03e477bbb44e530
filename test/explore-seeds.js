"use strict";
/**
 * `npm run explore-seeds [-- --rounds N]`: runs every fast-check property test of the suite from new
 * random seeds, N rounds (default 3). `npm test` runs them from one fixed seed so that its verdict
 * never changes from run to run; this is where new seeds are tried. A failure prints its seed:
 * `SIT_PROPERTY_SEED=<seed> npx jest <file>` replays it (test/helpers/property-seed.ts).
 */
const { spawnSync } = require("node:child_process");
const { readdirSync, readFileSync } = require("node:fs");
const { join, relative } = require("node:path");

const root = join(__dirname, "..");
const roundsFlag = process.argv.indexOf("--rounds");
const rounds = roundsFlag < 0 ? 3 : Number(process.argv[roundsFlag + 1]);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error("usage: npm run explore-seeds [-- --rounds N]");
  process.exit(2);
}

/** Test files that check a fast-check property. */
function propertyTestFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" || entry.name === "corpus" ? [] : propertyTestFiles(path);
    return entry.name.endsWith(".test.ts") && readFileSync(path, "utf8").includes("fc.assert(") ? [relative(root, path)] : [];
  });
}

const files = propertyTestFiles(join(root, "test"));
let failed = 0;
for (let round = 1; round <= rounds; round++) {
  console.log(`round ${round} of ${rounds}: ${files.length} files with properties, random seeds`);
  const result = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), ...files], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, SIT_PROPERTY_SEED: "random" },
  });
  if (result.status !== 0) failed++;
}
console.log(`${failed} of ${rounds} rounds failed`);
process.exit(failed === 0 ? 0 : 1);
