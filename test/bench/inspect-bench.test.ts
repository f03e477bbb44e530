import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/project";

// The benchmark is `node test/bench/inspect.js`; this only proves it runs end to end on a tiny plan
// and reports figures that add up. No timing is asserted: machines are noisy.
describe("node test/bench/inspect.js", () => {
  it("loads the inspector from several clients and reports what it checked", () => {
    const work = mkdtempSync(join(tmpdir(), "sit-bench-inspect-test-"));
    try {
      const out = join(work, "inspect.json");
      const args = ["--events", "50", "--seconds", "1", "--clients", "2", "--batch", "10", "--stream", "--json", out];
      const run = spawnSync(process.execPath, [join(REPO_ROOT, "test", "bench", "inspect.js"), ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 });
      if (run.status !== 0) throw new Error(`the bench exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
      expect(run.stdout).toMatch(/events checked per second +[\d,]+ \(/);
      expect(run.stdout).toMatch(/inspector memory +[\d.]+ MB at the end/);
      const result = JSON.parse(readFileSync(out, "utf8")) as { schema: string; events: number; badEvents: number; requests: number; eventsPerSecond: number; stdoutLines: number; streamMessages: number };
      expect(result.schema).toBe("sit-bench-inspect/1");
      expect(result.events).toBe(result.requests * 10);
      expect(result.badEvents).toBeGreaterThan(0);
      expect(result.eventsPerSecond).toBeGreaterThan(0);
      // The address, the table's title, and each event (the warm-up's too) at least once.
      expect(result.stdoutLines).toBeGreaterThanOrEqual(result.events + 2);
      expect(result.streamMessages).toBe(result.events);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
