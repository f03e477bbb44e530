import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LOCK_NAME } from "../../src/write/output-tree";
import { frozenCli, SDK_FILES, twoVersionProject, type Version } from "./output-folder";

/**
 * Two `generate` runs on one output folder at once (issue 11, item 6): the second waits for the
 * first's lock, never touches its temporary files, and the folder ends as one run wrote it, whole.
 */

const EVENTS = 600;

interface Exit {
  readonly code: number | null;
  readonly stderr: string;
}

interface Started {
  readonly child: ChildProcess;
  readonly exit: Promise<Exit>;
  /** Resolves true once the run's stderr matches `pattern`, false if it ends first. */
  readonly reports: (pattern: RegExp) => Promise<boolean>;
}

/** Every run a test started: ended in the test's `finally`, so a failing assertion leaves no stopped `sit` behind. */
const started = new Set<Started>();

function start(cli: string, project: string, version: Version, env: NodeJS.ProcessEnv = {}): Started {
  const child = spawn(process.execPath, [cli, "generate", "--config", `sit.${version}.yaml`], { cwd: project, env: { ...process.env, ...env } });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<Exit>((resolve) => child.once("close", (code) => resolve({ code, stderr })));
  const reports = (pattern: RegExp): Promise<boolean> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (!pattern.test(stderr)) return;
        child.stderr!.off("data", check);
        resolve(true);
      };
      child.stderr!.on("data", check);
      check();
      void exit.then(() => resolve(pattern.test(stderr)));
    });
  const run = { child, exit, reports };
  started.add(run);
  return run;
}

/** Kills the runs still going (a stopped one too: SIGKILL needs no SIGCONT) and waits for them to end. */
async function endStartedRuns(): Promise<void> {
  const runs = [...started];
  started.clear();
  for (const { child } of runs) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await Promise.all(runs.map((run) => run.exit));
}

/**
 * Polls until `reached` or `timeoutMs`: busily, to catch a moment as it happens, but yielding every
 * few milliseconds so that a child's exit is noticed.
 */
async function waitFor(reached: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const burstEnd = performance.now() + 20;
    while (performance.now() < burstEnd) if (reached()) return true;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return false;
}

describe("simultaneous generate runs", () => {
  const cli = frozenCli();
  const project = twoVersionProject(EVENTS);
  const output = join(project, "generated");
  const run = (version: Version, args: readonly string[] = []) =>
    spawnSync(process.execPath, [cli, "generate", "--config", `sit.${version}.yaml`, ...args], { cwd: project, encoding: "utf8" });
  const contents = (): Record<string, string> => Object.fromEntries(readdirSync(output).sort().map((name) => [name, readFileSync(join(output, name), "utf8")]));

  const expected: Record<Version, Record<string, string>> = { old: {}, new: {} };
  beforeAll(() => {
    for (const version of ["new", "old"] as const) {
      expect(run(version).status).toBe(0);
      expected[version] = contents();
    }
    expect(Object.keys(expected.old)).toEqual(SDK_FILES);
  });

  it("end with every file of one run and --check passing, however the pairs interleave, with one run slowed in its write phase", async () => {
    try {
      let current: Version = "old";
      for (let pair = 0; pair < 6; pair++) {
        const second: Version = pair % 2 === 0 ? current : current === "old" ? "new" : "old";
        const { slow, before } = await slowedInWritePhase(() => current, (version) => (current = version));
        const waiting = start(cli, project, second);
        // The second run says it waits for the lock: it has written nothing and removed none of the first's temporaries.
        const waits = await waiting.reports(new RegExp(`^sit: generated/ is locked by another sit run \\(pid ${slow.child.pid} on .*\\); waiting up to 30 s$`, "m"));
        expect({ pair, waits }).toEqual({ pair, waits: true });
        const during = contents();
        expect(Object.fromEntries(SDK_FILES.map((name) => [name, during[name]]))).toEqual(before);
        slow.child.kill("SIGCONT");
        const [slowExit, waitingExit] = await Promise.all([slow.exit, waiting.exit]);
        expect({ pair, slow: slowExit.code, waiting: waitingExit.code }).toEqual({ pair, slow: 0, waiting: 0 });
        // The second run wrote last, so the folder is wholly its version, with nothing else left.
        expect({ pair, files: contents() }).toEqual({ pair, files: expected[second] });
        expect(run(second, ["--check", "--no-cache"]).status).toBe(0);
        current = second;
      }
    } finally {
      await endStartedRuns();
    }
  }, 120_000);

  /**
   * A run switching the folder to the other version, stopped while it holds the lock. A busy
   * machine may not schedule this process during a short write phase: then the run has finished,
   * and the next one (back to the first version) is caught instead.
   */
  async function slowedInWritePhase(current: () => Version, switched: (version: Version) => void) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const version: Version = current() === "old" ? "new" : "old";
      const before = contents();
      const slow = start(cli, project, version);
      if ((await waitFor(() => existsSync(join(output, LOCK_NAME)) || slow.child.exitCode !== null, 20_000)) && slow.child.exitCode === null) {
        slow.child.kill("SIGSTOP");
        if (existsSync(join(output, LOCK_NAME))) return { slow, before };
        slow.child.kill("SIGCONT");
      }
      expect((await slow.exit).code).toBe(0);
      switched(version);
    }
    throw new Error("never caught a run inside its write phase in 10 attempts");
  }

  it("gives up after its wait, naming the holder, and writes nothing", async () => {
    try {
      let current: Version = contents()["catalog.ts"] === expected.old["catalog.ts"] ? "old" : "new";
      const { slow } = await slowedInWritePhase(() => current, (version) => (current = version));
      const version: Version = current === "old" ? "new" : "old";
      const impatient = await start(cli, project, version, { SIT_LOCK_TIMEOUT_MS: "300" }).exit;
      expect(impatient.code).toBe(2);
      expect(impatient.stderr).toMatch(
        new RegExp(`^sit: cannot write generated/: the output folder is locked by another sit run \\(pid ${slow.child.pid} on \\S+, since [0-9T:.Z-]+\\); waited 0 s; if no sit is running there, delete generated/${LOCK_NAME.replace(".", "\\.")}$`, "m"),
      );
      slow.child.kill("SIGCONT");
      expect((await slow.exit).code).toBe(0);
      expect(contents()).toEqual(expected[version]);
    } finally {
      await endStartedRuns();
    }
  }, 60_000);

  it("recovers the lock of a run that was killed", () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    writeFileSync(join(output, LOCK_NAME), JSON.stringify({ pid: Number(dead.stdout), host: require("node:os").hostname(), since: new Date().toISOString(), token: "0123456789abcdef" }));
    const version: Version = contents()["catalog.ts"] === expected.old["catalog.ts"] ? "new" : "old";
    expect(run(version).status).toBe(0);
    expect(contents()).toEqual(expected[version]);
    expect(existsSync(join(output, LOCK_NAME))).toBe(false);
  });
});
