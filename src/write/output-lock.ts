import { randomBytes } from "node:crypto";
import { closeSync, constants, fstatSync, fsyncSync, linkSync, lstatSync, openSync, readSync, renameSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describeFileError } from "../files/file-error";
import { temporaryName } from "../files/atomic-write";
import { LOCK_NAME } from "./output-tree";
import { removeFile, removeFileQuietly } from "./remove-file";

/** How long a run waits for another to finish before giving up. */
export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;
/** A lock older than this is stale whatever it says: no run of sit holds its lock that long. */
const STALE_AFTER_MS = 10 * 60_000;
/** A lock whose holder cannot be read, older than this, was not written by sit: it is taken over. */
const UNREADABLE_AFTER_MS = 5_000;
const POLL_MS = 50;
/**
 * Times in a row a freed lock (gone, or stale and moved aside) is retried at once; past that, other
 * runs keep taking it first, and this run waits its turn like any other, timeout included.
 */
const IMMEDIATE_RETRIES = 3;
/** A lock sit writes is one short line of JSON: more is not read (the lock may be anything). */
const MAX_LOCK_BYTES = 4096;

/** Who holds a lock, as its file records it. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  readonly token: string;
}

/** Another run held the lock for longer than this run would wait. */
export class LockTimeoutError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockHolder | undefined,
    readonly waitedMs: number,
  ) {
    super(`the output folder is locked by ${describeHolder(holder)}; waited ${Math.round(waitedMs / 1000)} s`);
    this.name = "LockTimeoutError";
  }
}

/** Who holds a lock, in words. */
export const describeHolder = (holder: LockHolder | undefined): string =>
  holder === undefined ? "another run" : `another sit run (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;

/**
 * The lock's place holds something sit never writes there (a symbolic link, a folder, a FIFO) or
 * a file it cannot read: no run of sit holds it, and sit does not delete what it did not write.
 */
export class UnusableLockError extends Error {
  constructor(
    readonly lockPath: string,
    /** What is there instead of a lock, as a phrase: "is a symbolic link", "cannot be read (permission denied)". */
    readonly problem: string,
  ) {
    super(`${lockPath} ${problem}, not a lock sit wrote; sit deletes only what it wrote: delete it if no one is using it`);
    this.name = "UnusableLockError";
  }
}

/** The lock was broken by another run that took it for stale: this run must not write. */
export class LockLostError extends Error {
  constructor() {
    super("another run took over the output folder's lock while this one was writing");
    this.name = "LockLostError";
  }
}

/**
 * An exclusive lock on an output folder, held for the whole write phase: a second run waits (up to
 * `timeoutMs`), then gives up naming the holder. A lock whose process is gone (same host), that
 * is older than any run, or whose holder cannot be read is stale and taken over; taking over moves the
 * lock aside and checks it moved the stale one, so two runs recovering at once cannot both win.
 * Anything else in the lock's place (a symbolic link, a folder, a FIFO, a file sit cannot read)
 * is refused at once: no run of sit made it, so there is nothing to wait for.
 * The temporary files it uses are named as sit's, so a killed run's are removed as leftovers.
 */
export class OutputLock {
  private constructor(
    private readonly path: string,
    private readonly token: string,
  ) {}

  /**
   * Takes the lock, waiting for a live holder up to `timeoutMs` (whatever the lock's place holds,
   * this never waits longer); `onWait` is told once, when this run starts to wait.
   */
  static acquire(outputDir: string, timeoutMs = DEFAULT_LOCK_TIMEOUT_MS, onWait?: (holder: LockHolder | undefined) => void): OutputLock {
    const path = join(outputDir, LOCK_NAME);
    const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString("hex") };
    const started = Date.now();
    let immediateRetries = 0;
    let waiting = false;
    for (;;) {
      if (tryCreate(outputDir, path, holder)) return new OutputLock(path, holder.token);
      const current = readLock(path);
      if (current.kind === "unusable") throw new UnusableLockError(path, current.problem);
      const freed = current.kind === "absent" || (isStale(current) && takeAside(outputDir, path, current.raw));
      if (freed && immediateRetries < IMMEDIATE_RETRIES) {
        immediateRetries++;
        continue;
      }
      const lockHolder = current.kind === "held" ? current.holder : undefined;
      const waited = Date.now() - started;
      if (waited >= timeoutMs) throw new LockTimeoutError(path, lockHolder, waited);
      if (!waiting) onWait?.(lockHolder);
      waiting = true;
      immediateRetries = 0;
      sleep(Math.min(POLL_MS, timeoutMs - waited));
    }
  }

  /** Throws unless this run still holds the lock: checked before anything is replaced. */
  assertHeld(): void {
    if (!this.isHeld()) throw new LockLostError();
  }

  release(): void {
    if (this.isHeld()) removeFile(this.path);
  }

  private isHeld(): boolean {
    const current = readLock(this.path);
    return current.kind === "held" && current.holder?.token === this.token;
  }
}

/**
 * Creates the lock with its holder already in it: written to a temporary file, then linked into
 * place, which fails if a lock exists. A reader never sees a lock without its holder.
 */
function tryCreate(outputDir: string, path: string, holder: LockHolder): boolean {
  const temp = join(outputDir, temporaryName("lock"));
  const descriptor = openSync(temp, "wx", 0o644);
  try {
    writeSync(descriptor, `${JSON.stringify(holder)}\n`);
    fsyncSync(descriptor);
  } catch (error) {
    closeSync(descriptor);
    removeFileQuietly(temp);
    throw error;
  }
  closeSync(descriptor);
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    // ENOENT: the holder removed our temporary file as a leftover meanwhile; try again.
    const code = (error as { code?: unknown }).code;
    if (code === "EEXIST" || code === "ENOENT") return false;
    throw error;
  } finally {
    removeFileQuietly(temp);
  }
}

type LockState =
  | { readonly kind: "absent" }
  /** A regular file: sit's lock, or garbage (`holder` undefined) that is taken over once old enough. */
  | { readonly kind: "held"; readonly raw: string; readonly holder: LockHolder | undefined; readonly ageMs: number }
  | { readonly kind: "unusable"; readonly problem: string };

/**
 * What the lock's place holds now. Opened without following a symbolic link and without blocking
 * on a FIFO, then checked on the open descriptor, so what is judged is what is read.
 */
function readLock(path: string): LockState {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT") return { kind: "absent" };
    // ELOOP: O_NOFOLLOW met a symbolic link (dangling or not).
    if (code === "ELOOP" || isSymbolicLink(path)) return { kind: "unusable", problem: "is a symbolic link" };
    return { kind: "unusable", problem: `cannot be read (${describeFileError(error)})` };
  }
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) return { kind: "unusable", problem: "is a folder" };
    if (!stats.isFile()) return { kind: "unusable", problem: "is not a regular file (a FIFO, socket or device)" };
    const buffer = Buffer.alloc(MAX_LOCK_BYTES);
    const raw = buffer.toString("utf8", 0, readSync(descriptor, buffer, 0, MAX_LOCK_BYTES, 0));
    return { kind: "held", raw, holder: parseHolder(raw), ageMs: Date.now() - stats.mtimeMs };
  } catch (error) {
    return { kind: "unusable", problem: `cannot be read (${describeFileError(error)})` };
  } finally {
    closeSync(descriptor);
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function parseHolder(raw: string): LockHolder | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return undefined;
    const { pid, host, since, token } = value as Record<string, unknown>;
    return typeof pid === "number" && typeof host === "string" && typeof since === "string" && typeof token === "string" ? { pid, host, since, token } : undefined;
  } catch {
    return undefined;
  }
}

function isStale(lock: Extract<LockState, { kind: "held" }>): boolean {
  if (lock.ageMs > STALE_AFTER_MS) return true;
  if (lock.holder === undefined) return lock.ageMs > UNREADABLE_AFTER_MS;
  return lock.holder.host === hostname() && !isRunning(lock.holder.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as { code?: unknown }).code === "EPERM";
  }
}

/**
 * Moves a stale lock out of the way; true when the place is free. If what moved is not the stale
 * lock judged (another run took the lock in between), it is put back, unless yet another run holds
 * the place by then.
 */
function takeAside(outputDir: string, path: string, staleRaw: string): boolean {
  const aside = join(outputDir, temporaryName("stale-lock"));
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return true;
    throw error;
  }
  try {
    const moved = readLock(aside);
    if (moved.kind === "held" && moved.raw === staleRaw) return true;
    linkSync(aside, path);
    return false;
  } catch (error) {
    if ((error as { code?: unknown }).code !== "EEXIST") throw error;
    return false;
  } finally {
    removeFile(aside);
  }
}

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/** Waits without spinning: the pipeline is synchronous, so the library API stays synchronous. */
function sleep(ms: number): void {
  Atomics.wait(SLEEPER, 0, 0, ms);
}
