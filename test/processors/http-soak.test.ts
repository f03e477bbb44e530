import { runScript } from "./run-script";
import { startTestCollector, type CollectedEvent } from "./test-collector";

interface SoakReport {
  readonly before: number;
  readonly after: number;
  readonly peak: number;
  readonly elapsedMs: number;
  readonly dropped: number;
  readonly pending: number;
  readonly errors: string[];
}

const MB = 1024 * 1024;

it("keeps memory bounded over 100,000 events and delivers or counts every one, in order", async () => {
  const collector = await startTestCollector();
  try {
    const run = await runScript("http-soak", [collector.url], ["--expose-gc"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as SoakReport;
    const delivered = collector.accepted.filter((event) => event.event === "create_snippet");
    const sequence = delivered.map((event: CollectedEvent) => event.additionalProperties["seq"] as number);

    expect(delivered.length + report.dropped).toBe(100_000);
    expect(report.pending).toBe(0);
    expect(sequence.every((seq, index) => index === 0 || seq > sequence[index - 1]!)).toBe(true);
    expect(sequence.at(-1)).toBe(99_999);
    // Drops, if any, come from overflow (the loop tracks faster than one connection delivers).
    expect(report.errors.every((reason) => reason === "queue-full")).toBe(true);
    // The queue holds at most 10,000 serialised events (~1.5 MB): a bound of 16 MB is generous.
    expect(report.peak - report.before).toBeLessThan(16 * MB);
    expect(report.after - report.before).toBeLessThan(4 * MB);
    process.stdout.write(`http soak: ${delivered.length} delivered, ${report.dropped} dropped in ${Math.round(report.elapsedMs)} ms; heap ${(report.before / MB).toFixed(1)} MB before, retained at most ${(report.peak / MB).toFixed(1)} MB, ${(report.after / MB).toFixed(1)} MB after\n`);
  } finally {
    await collector.close();
  }
});
