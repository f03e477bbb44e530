import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, cpSync, existsSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { makeProject, REPO_ROOT } from "../helpers/project";

/** How long a condition may take to come true: generous, for loaded CI machines. */
const WAIT_MS = 15_000;
const POLL_MS = 10;

/**
 * A private copy of the built CLI (dist/, from `npm run build`): other work rebuilding dist/
 * meanwhile cannot change the CLI half-way through a test.
 */
export function frozenCli(): string {
  const root = makeProject({});
  if (!existsSync(join(REPO_ROOT, "dist", "cli", "main.js"))) throw new Error("build sit first: npx tsc -p tsconfig.build.json");
  cpSync(join(REPO_ROOT, "dist"), join(root, "dist"), { recursive: true });
  cpSync(join(REPO_ROOT, "bin"), join(root, "bin"), { recursive: true });
  copyFileSync(join(REPO_ROOT, "package.json"), join(root, "package.json"));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return join(root, "bin", "sit.js");
}

/** `sit generate --watch` running as its own process, with what it printed so far. */
export class WatchProcess {
  stdout = "";
  stderr = "";
  exitCode: number | null | undefined;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(cli: string, args: readonly string[], cwd: string) {
    this.child = spawn(process.execPath, [cli, "generate", "--watch", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
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

  /**
   * How many runs have reported so far (text mode): each ends with one summary line, printed
   * once its files are written and the output folder's lock is released.
   */
  runs(): number {
    return this.stderr.split("\n").filter((line) => /^generated\/: \d+ events?; /.test(line) || line.endsWith("; nothing written")).length;
  }

  /** Waits for the next run's report after `runs` reports, and then for `condition`. */
  async nextRun(what: string, runs: number, condition: () => boolean = () => true): Promise<void> {
    await this.until(what, () => this.runs() > runs && condition());
  }

  /** Waits until `condition` holds; fails naming `what`, with the output so far, when it does not in time. */
  async until(what: string, condition: () => boolean): Promise<void> {
    const deadline = performance.now() + WAIT_MS;
    while (!condition()) {
      if (!this.running) throw new Error(`sit exited (${this.exitCode}) before ${what}\nstderr:\n${this.stderr}\nstdout:\n${this.stdout}`);
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}\nstderr:\n${this.stderr}\nstdout:\n${this.stdout}`);
      await sleep(POLL_MS);
    }
  }

  /** Sends a signal and returns the exit code. */
  async stop(signal: NodeJS.Signals = "SIGINT"): Promise<number | null> {
    this.child.kill(signal);
    return this.exited;
  }

  /** Ends the process whatever state a failed test left it in. */
  kill(): void {
    if (this.running) this.child.kill("SIGKILL");
  }
}

/** A file's text, or `undefined` while it is not there. */
export function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
