import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import type { InspectedEvent } from "../../src/inspect/event-ring";

/** How long a condition may take to come true: generous, for loaded CI machines. */
const WAIT_MS = 15_000;
const POLL_MS = 10;

export interface EventList {
  readonly received: number;
  readonly good: number;
  readonly bad: number;
  readonly dropped: number;
  readonly events: readonly InspectedEvent[];
}

/** `sit inspect` running as its own process (the built CLI), with what it printed so far. */
export class InspectProcess {
  stdout = "";
  stderr = "";
  exitCode: number | null | undefined;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(cli: string, args: readonly string[], cwd: string) {
    this.child = spawn(process.execPath, [cli, "inspect", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    this.child.stdout!.setEncoding("utf8").on("data", (text: string) => (this.stdout += text));
    this.child.stderr!.setEncoding("utf8").on("data", (text: string) => (this.stderr += text));
    this.exited = new Promise((resolve) =>
      this.child.on("exit", (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** The address, once printed on the first line; throws when sit exits first. */
  async url(): Promise<string> {
    await this.until("the address on the first line", () => this.stdout.includes("\n"));
    return this.stdout.slice(0, this.stdout.indexOf("\n"));
  }

  /** `GET /sit/events` with `query`. */
  async events(query = ""): Promise<EventList> {
    const response = await fetch(`${await this.url()}/sit/events${query}`);
    if (response.status !== 200) throw new Error(`GET /sit/events answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as EventList;
  }

  /** Waits until `GET /sit/events` lists `count` events (since the last clear), and returns them. */
  async eventsReceived(count: number): Promise<EventList> {
    let list = await this.events();
    await this.until(`${count} events received`, async () => (list = await this.events()).received >= count);
    return list;
  }

  /** Waits until `condition` holds; fails naming `what`, with the output so far, when it does not in time. */
  async until(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
    const deadline = performance.now() + WAIT_MS;
    while (!(await condition())) {
      if (!this.running) throw new Error(`sit exited (${this.exitCode}) before ${what}\nstderr:\n${this.stderr}\nstdout:\n${this.stdout}`);
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}\nstderr:\n${this.stderr}\nstdout:\n${this.stdout}`);
      await sleep(POLL_MS);
    }
  }

  /** The exit code, once sit has ended on its own. */
  ended(): Promise<number | null> {
    return this.exited;
  }

  /** Sends a signal and returns the exit code. */
  async stop(signal: NodeJS.Signals = "SIGINT"): Promise<number | null> {
    if (this.running) this.child.kill(signal);
    return this.exited;
  }

  /** Ends the process whatever state a failed test left it in. */
  kill(): void {
    if (this.running) this.child.kill("SIGKILL");
  }
}
