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

interface LargeEventsReport {
  readonly before: number;
  readonly peakHeap: number;
  readonly peakRss: number;
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

it("keeps memory bounded in bytes when 3,000 events of 0.5 MB wait for an unreachable collector", async () => {
  const collector = await startTestCollector();
  const unreachable = collector.url;
  await collector.close();
  const run = await runScript("http-large-events", [unreachable], ["--expose-gc"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as LargeEventsReport;

  // Everything is either dropped or still waiting, and the overflow is reported once.
  expect(report.dropped + report.pending).toBe(3000);
  expect(report.errors).toEqual(["queue-full"]);
  // maxQueueBytes (4 MiB by default) holds 7 such events, plus the batch waiting to be retried
  // and its body: about 12 MB. Unbounded, the queue held the 3,000 events (1.5 GB).
  expect(report.pending).toBeLessThanOrEqual(16);
  expect(report.peakHeap - report.before).toBeLessThan(24 * MB);
  process.stdout.write(`http large events: ${report.dropped} dropped, ${report.pending} pending; heap ${(report.before / MB).toFixed(1)} MB before, retained at most ${(report.peakHeap / MB).toFixed(1)} MB; peak RSS ${(report.peakRss / MB).toFixed(0)} MB\n`);
});
