import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/project";

// The benchmark itself is `npm run bench`; this only proves it runs end to end on a tiny set and
// writes well-formed results. No timing is asserted: machines are noisy.
describe("npm run bench", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "sit-bench-test-"));
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it("measures a tiny set and writes the results as JSON", () => {
    const out = join(work, "out.json");
    const resultsDir = join(work, "results");
    const args = ["--sizes", "50", "--runs", "1", "--help-runs", "1", "--no-typewriter", "--micro-calls", "2000", "--micro-rounds", "2", "--json", out];
    const run = spawnSync(process.execPath, [join(REPO_ROOT, "test", "bench", "run.js"), ...args], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...process.env, SIT_BENCH_RESULTS_DIR: resultsDir },
    });
    if (run.status !== 0) throw new Error(`bench exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
    expect(run.stdout).toMatch(/sit generate, wall/);
    expect(run.stdout).toMatch(/DESIGN §6 targets/);
    expect(run.stdout).toMatch(/typewriter: skipped \(--no-typewriter\)/);

    const results = JSON.parse(readFileSync(out, "utf8"));
    const written = readdirSync(resultsDir);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
    expect(JSON.parse(readFileSync(join(resultsDir, written[0]!), "utf8"))).toEqual(results);

    expect(results.schema).toBe("sit-bench/1");
    expect(Object.keys(results.machine).sort()).toEqual(["cores", "cpu", "loadavg", "memoryBytes", "node", "platform"]);
    expect(results.help).toMatchObject({ runs: 1, ok: true });
    expect(results.help.medianMs).toEqual(expect.any(Number));
    expect(results.nodeStartup).toMatchObject({ runs: 1, ok: true });

    expect(results.sizes).toHaveLength(1);
    const [size] = results.sizes;
    expect(size).toMatchObject({ events: 50, legacyDefinitions: 1, definitionFiles: 51 });
    expect(Object.keys(size.measures).sort()).toEqual(["checkChanged", "checkCommentOnly", "checkNoCache", "checkUnchanged", "generate", "nodeFloor", "tsc", "validate"]);
    for (const measure of Object.values(size.measures) as { ok: boolean; runs: number; medianMs: unknown; medianRssMb: unknown; medianCpuMs: unknown }[]) {
      expect(measure).toMatchObject({ ok: true, runs: 1 });
      expect(measure.medianMs).toEqual(expect.any(Number));
      expect(measure.medianRssMb).toEqual(expect.any(Number));
      expect(measure.medianCpuMs).toEqual(expect.any(Number));
    }
    expect(Object.keys(size.generated).sort()).toEqual(["catalog.ts", "checks.ts", "core.ts", "index.ts", "runtime.ts", "validation.ts"]);
    // "Cache present" took sit's fast path, which leaves the cache entry untouched; a full comparison
    // that passes rewrites it, as the comment-only edit shows, and a fresh clone starts without one.
    expect(size.measures.checkUnchanged).toMatchObject({ cacheHits: 1, samples: [{ cache: "hit" }] });
    expect(size.measures.checkCommentOnly).toMatchObject({ cacheHits: 0, samples: [{ cache: "miss", exitCode: 0 }] });
    expect(size.measures.checkNoCache).toMatchObject({ cacheHits: 0, samples: [{ cache: "written", exitCode: 0 }] });
    expect(size.measures.checkChanged.samples).toMatchObject([{ exitCode: 1 }]);

    expect(results.typewriter.status).toBe("skipped");
    expect(results.micro.ok).toBe(true);
    expect(results.micro.cases.map((entry: { name: string }) => entry.name)).toEqual([
      "no_arguments",
      "identifiers_and_properties",
      "extra_tracker",
      "protected_property",
      "dynamic_track_event",
    ]);
    for (const entry of results.micro.cases) {
      expect(entry).toMatchObject({ equivalent: true, generatedNs: expect.any(Number), handNs: expect.any(Number), ratio: expect.any(Number) });
      expect(entry.esm).toMatchObject({ equivalent: true, generatedNs: expect.any(Number), handNs: expect.any(Number), ratio: expect.any(Number) });
    }
    expect(results.micro.ratio).toEqual(expect.any(Number));
    expect(results.micro.ratioEsm).toEqual(expect.any(Number));
    expect(results.targets.map((target: { key: string }) => target.key)).toEqual([
      "generateMs",
      "generateRssMb",
      "checkUnchangedMs",
      "helpMs",
      "tscMs",
      "callRatio",
      "callRatioEsm",
      "growthGenerate",
    ]);
    expect(results.growth).toBeNull();
  }, 300_000);
});
