import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { LOCK_NAME } from "../../src/write/output-tree";
import { definition, writeFiles } from "../helpers/project";
import { frozenCli, makeSdkProject } from "./output-folder";

/**
 * Whatever holds the lock's place (issue 17, item 6), `generate` ends within its lock timeout:
 * it takes over what a run of sit left, waits for what may be a live run, and refuses, without
 * deleting it, what sit never writes there. A bound on the child keeps a spinning run from
 * hanging the suite.
 */

const TIMEOUT_MS = 300;
/** Far above the timeout plus a cold start on a loaded machine; far below "forever". */
const BOUND_MS = 20_000;

describe("generate with something in the lock's place", () => {
  const cli = frozenCli();

  /** A generated project whose definitions changed since, so that `generate` has to take the lock. */
  function pendingProject(): { project: string; output: string; lock: string } {
    const project = makeSdkProject();
    const output = join(project, "generated");
    expect(generate(project).status).toBe(0);
    writeFiles(project, { "definitions/view_snippet.yml": definition("view_snippet") });
    return { project, output, lock: join(output, LOCK_NAME) };
  }

  function generate(project: string) {
    const result = spawnSync(process.execPath, [cli, "generate"], {
      cwd: project,
      encoding: "utf8",
      timeout: BOUND_MS,
      killSignal: "SIGKILL",
      env: { ...process.env, SIT_LOCK_TIMEOUT_MS: String(TIMEOUT_MS) },
    });
    return { status: result.status, stderr: result.stderr };
  }

  const temporaries = (output: string): string[] => readdirSync(output).filter((name) => name.startsWith(".sit-tmp-"));
  const lockText = (pid: number): string => JSON.stringify({ pid, host: hostname(), since: new Date().toISOString(), token: "0123456789abcdef" });
  const minuteAgo = (): Date => new Date(Date.now() - 60_000);

  it.each<[string, (lock: string, project: string) => void, string]>([
    ["a dangling symbolic link", (lock) => symlinkSync("nowhere", lock), "is a symbolic link"],
    ["a symbolic link to a folder", (lock, project) => symlinkSync(join(project, "src"), lock), "is a symbolic link"],
    ["a symbolic link to a lock file", (lock, project) => (writeFileSync(join(project, "lock"), lockText(process.pid)), symlinkSync(join(project, "lock"), lock)), "is a symbolic link"],
    ["a folder", (lock) => (mkdirSync(lock), writeFileSync(join(lock, "notes"), "mine\n")), "is a folder"],
    ["a FIFO", (lock) => expect(spawnSync("mkfifo", [lock]).status).toBe(0), "is not a regular file (a FIFO, socket or device)"],
  ])("%s: refused at once, named, and left in place", (_kind, make, problem) => {
    const { project, output, lock } = pendingProject();
    make(lock, project);
    const kind = lstatSync(lock).mode;

    const result = generate(project);
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 2,
      stderr: `sit: cannot write generated/: generated/${LOCK_NAME} ${problem}, not a lock sit wrote; sit deletes only what it wrote: delete it if no one is using it\n`,
    });
    expect(lstatSync(lock).mode).toBe(kind);
    expect(temporaries(output)).toEqual([]);
  });

  it.each<[string, (lock: string) => void]>([
    ["a file of garbage", (lock) => writeFileSync(lock, "\u0000\u00ff garbage")],
    ["an empty file", (lock) => writeFileSync(lock, "")],
    ["a lock of a live run, dated in the future", (lock) => (writeFileSync(lock, lockText(process.pid)), utimesSync(lock, new Date(Date.now() + 3_600_000), new Date(Date.now() + 3_600_000)))],
  ])("%s, just written: waited for, up to the timeout only", (_kind, make) => {
    const { project, output, lock } = pendingProject();
    make(lock);

    const result = generate(project);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^sit: cannot write generated\/: the output folder is locked by another (sit )?run.*; waited 0 s; if no sit is running there, delete generated\/\.sit-generate\.lock$/m);
    expect(existsSync(lock)).toBe(true);
    expect(temporaries(output)).toEqual([]);
  });

  it.each<[string, (lock: string) => void]>([
    ["a file of garbage", (lock) => writeFileSync(lock, "{ not json")],
    ["an empty file", (lock) => writeFileSync(lock, "")],
    ["a file far larger than a lock", (lock) => writeFileSync(lock, "x".repeat(1024 * 1024))],
  ])("%s, a minute old: taken over as a killed run's", (_kind, make) => {
    const { project, output, lock } = pendingProject();
    make(lock);
    utimesSync(lock, minuteAgo(), minuteAgo());

    const result = generate(project);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: expect.stringContaining("generated/: 3 events; wrote") });
    expect(readdirSync(output).filter((name) => name.startsWith("."))).toEqual([]);
  });

  // Root reads every file whatever its mode: the case exists only for other users.
  const asOtherUser = process.getuid?.() === 0 ? it.skip : it;
  asOtherUser("an unreadable file: refused at once, named, and left in place", () => {
    const { project, lock } = pendingProject();
    writeFileSync(lock, lockText(process.pid));
    chmodSync(lock, 0o000);

    const result = generate(project);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`generated/${LOCK_NAME} cannot be read (permission denied), not a lock sit wrote`);
    expect(existsSync(lock)).toBe(true);
  });
});
