import { setTimeout as sleep } from "node:timers/promises";
import { CoalescingTimer } from "../../src/watch/coalescing-timer";

/** Real timers, with margins wide enough for a loaded machine. */
describe("the watch's coalescing timer", () => {
  it("runs once for a burst of changes, after the burst", async () => {
    const runs: number[] = [];
    const timer = new CoalescingTimer(100, 5000, () => runs.push(performance.now()));
    const burstEnd = performance.now();
    for (let change = 0; change < 50; change++) timer.poke();
    await sleep(400);
    expect(runs).toHaveLength(1);
    expect(runs[0]! - burstEnd).toBeGreaterThanOrEqual(95);
  });

  it("still runs while changes never pause, at most the longest wait apart", async () => {
    let runs = 0;
    const timer = new CoalescingTimer(100, 200, () => runs++);
    const interval = setInterval(() => timer.poke(), 10);
    await sleep(1000);
    clearInterval(interval);
    timer.cancel();
    expect(runs).toBeGreaterThanOrEqual(2);
  });

  it("runs nothing once cancelled", async () => {
    let runs = 0;
    const timer = new CoalescingTimer(20, 100, () => runs++);
    timer.poke();
    timer.cancel();
    await sleep(150);
    expect(runs).toBe(0);
  });
});
