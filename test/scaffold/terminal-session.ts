import { spawn } from "node:child_process";
import { SIT_BIN } from "../helpers/project";

/** What the keys send through a terminal. */
export const KEY = { enter: "\r", space: " ", down: "\u001b[B", backspace: "\u007f", ctrlC: "\u0003" } as const;

/** Sessions still running: a test that fails while waiting leaves its session behind, to end after it. */
const running = new Set<TerminalSession>();
afterEach(async () => {
  await Promise.all([...running].map((session) => session.close()));
});

const ESCAPE_SEQUENCE = /\u001b\[[0-9;?]*[A-Za-z]/g;
const shellWord = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * The real `bin/sit` in a pseudo-terminal (util-linux `script` gives it one), driven like a
 * person at the keyboard: wait until something is on screen, then type.
 */
export class TerminalSession {
  /** Everything printed, without escape sequences. */
  private transcript = "";
  /** Where the next `expect` starts looking. */
  private seen = 0;
  private waiting: (() => void) | undefined;
  readonly exitCode: Promise<number | null>;
  private readonly child;

  constructor(args: readonly string[], cwd: string) {
    const command = [process.execPath, SIT_BIN, ...args].map(shellWord).join(" ");
    this.child = spawn("script", ["--quiet", "--flush", "--return", "--command", command, "/dev/null"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk.toString()));
    this.child.stderr.on("data", (chunk: Buffer) => this.receive(chunk.toString()));
    this.exitCode = new Promise((resolve) =>
      this.child.on("close", (code) => {
        running.delete(this);
        resolve(code);
      }),
    );
    running.add(this);
  }

  /** Ends the session (its pseudo-terminal hangs up on sit) and waits until it has. */
  async close(): Promise<void> {
    if (running.has(this)) this.child.kill("SIGKILL");
    await this.exitCode;
  }

  private receive(text: string): void {
    this.transcript += text.replace(ESCAPE_SEQUENCE, "");
    this.waiting?.();
  }

  /** Waits until `pattern` appears in what was printed since the last match. */
  async expect(pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.transcript.slice(this.seen));
      if (match !== null) {
        this.seen += match.index + match[0].length;
        return;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; the terminal shows:\n${this.transcript.slice(this.seen)}`);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 200);
      });
    }
  }

  type(keys: string): void {
    this.child.stdin.write(keys);
  }

  /** Everything printed so far. */
  get output(): string {
    return this.transcript;
  }
}
