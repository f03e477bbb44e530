/**
 * Runs an action once changes stop coming for `quietMs`, so that a burst (an editor's write and
 * rename, a `git checkout` of many files) makes one run; but at most `maxWaitMs` after the first
 * change, so that changes that never stop still get runs.
 */
export class CoalescingTimer {
  private timer: NodeJS.Timeout | undefined;
  private firstAt: number | undefined;

  constructor(
    private readonly quietMs: number,
    private readonly maxWaitMs: number,
    private readonly action: () => void,
  ) {}

  /** A change: the action runs `quietMs` from now unless another change comes first. */
  poke(): void {
    const now = performance.now();
    this.firstAt ??= now;
    clearTimeout(this.timer);
    const delay = Math.max(0, Math.min(this.quietMs, this.firstAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.firstAt = undefined;
      this.action();
    }, delay);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.firstAt = undefined;
  }
}
