import { runScript } from "./run-script";
import { startTestCollector } from "./test-collector";

it("never keeps a Node.js process alive: its interval and retry timers are unref'd", async () => {
  const collector = await startTestCollector();
  collector.answerWith(() => ({ status: 503 }));
  try {
    const run = await runScript("http-idle-exit", [collector.url]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("pending 2\n");
    expect(run.code).toBe(0);
    // The retry alone would wait a minute; the process ends as soon as the 503 has arrived.
    expect(collector.requests).toHaveLength(1);
    expect(run.elapsedMs).toBeLessThan(5000);
  } finally {
    await collector.close();
  }
});
