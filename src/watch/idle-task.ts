/** One task put off for a while: scheduling another replaces it, and it can be run at once or dropped. */
export class IdleTask {
  private task: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly delayMs: number) {}

  schedule(task: () => void): void {
    this.cancel();
    this.task = task;
    this.timer = setTimeout(() => this.runNow(), this.delayMs);
  }

  runNow(): void {
    const task = this.task;
    this.cancel();
    task?.();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.task = undefined;
  }
}
