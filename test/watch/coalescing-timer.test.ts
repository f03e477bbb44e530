import { CoalescingTimer } from "../../src/watch/coalescing-timer";

/** Fake timers: the timer's rules hold to the millisecond, on a quiet machine or a loaded one. */
describe("the watch's coalescing timer", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("runs once for a burst of changes, quietMs after the last of them", () => {
    const runs: number[] = [];
    const timer = new CoalescingTimer(100, 5000, () => runs.push(Date.now()));
    const start = Date.now();
    for (let change = 0; change < 50; change++) {
      timer.poke();
      jest.advanceTimersByTime(10);
    }
    expect(runs).toEqual([]);
    jest.advanceTimersByTime(89);
    expect(runs).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(runs).toEqual([start + 490 + 100]);
    jest.advanceTimersByTime(10_000);
    expect(runs).toHaveLength(1);
  });

  it("still runs while changes never pause, maxWaitMs after the first of them", () => {
    const runs: number[] = [];
    const timer = new CoalescingTimer(100, 200, () => runs.push(Date.now()));
    const start = Date.now();
    for (let elapsed = 0; elapsed < 1000; elapsed += 10) {
      timer.poke();
      jest.advanceTimersByTime(10);
    }
    timer.cancel();
    expect(runs.map((at) => at - start)).toEqual([200, 400, 600, 800, 1000]);
  });

  it("runs nothing once cancelled", () => {
    let runs = 0;
    const timer = new CoalescingTimer(20, 100, () => runs++);
    timer.poke();
    timer.cancel();
    jest.advanceTimersByTime(1000);
    expect(runs).toBe(0);
  });
});
