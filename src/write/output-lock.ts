import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { LOCK_NAME, temporaryName } from "./output-tree";
import { removeFile, removeFileQuietly } from "./remove-file";

/** How long a run waits for another to finish before giving up. */
export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;
/** A lock older than this is stale whatever it says: no run of sit holds its lock that long. */
const STALE_AFTER_MS = 10 * 60_000;
/** A lock whose holder cannot be read, older than this, was not written by sit: it is taken over. */
const UNREADABLE_AFTER_MS = 5_000;
const POLL_MS = 50;

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
    const who = holder === undefined ? "another run" : `another sit run (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
    super(`the output folder is locked by ${who}; waited ${Math.round(waitedMs / 1000)} s`);
    this.name = "LockTimeoutError";
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
 * The temporary files it uses are named as sit's, so a killed run's are removed as leftovers.
 */
export class OutputLock {
  private constructor(
    private readonly path: string,
    private readonly token: string,
  ) {}

  static acquire(outputDir: string, timeoutMs = DEFAULT_LOCK_TIMEOUT_MS): OutputLock {
    const path = join(outputDir, LOCK_NAME);
    const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString("hex") };
    const started = Date.now();
    for (;;) {
      if (tryCreate(outputDir, path, holder)) return new OutputLock(path, holder.token);
      const current = readLock(path);
      if (current === undefined) continue;
      if (isStale(current)) {
        takeAside(outputDir, path, current.raw);
        continue;
      }
      const waited = Date.now() - started;
      if (waited >= timeoutMs) throw new LockTimeoutError(path, current.holder, waited);
      sleep(Math.min(POLL_MS, timeoutMs - waited));
    }
  }

  /** Throws unless this run still holds the lock: checked before anything is replaced. */
  assertHeld(): void {
    if (readLock(this.path)?.holder?.token !== this.token) throw new LockLostError();
  }

  release(): void {
    if (readLock(this.path)?.holder?.token === this.token) removeFile(this.path);
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

interface LockState {
  readonly raw: string;
  readonly holder: LockHolder | undefined;
  readonly ageMs: number;
}

/** The lock as it is now, or `undefined` when it vanished meanwhile. */
function readLock(path: string): LockState | undefined {
  try {
    const ageMs = Date.now() - statSync(path).mtimeMs;
    const raw = readFileSync(path, "utf8");
    return { raw, holder: parseHolder(raw), ageMs };
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
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

function isStale(lock: LockState): boolean {
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
 * Moves a stale lock out of the way. If what moved is not the stale lock judged (another run took
 * the lock in between), it is put back, unless yet another run holds the place by then.
 */
function takeAside(outputDir: string, path: string, staleRaw: string): void {
  const aside = join(outputDir, temporaryName("stale-lock"));
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return;
    throw error;
  }
  try {
    if (readFileSync(aside, "utf8") !== staleRaw) linkSync(aside, path);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "EEXIST") throw error;
  } finally {
    removeFile(aside);
  }
}

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/** Waits without spinning: the pipeline is synchronous, so the library API stays synchronous. */
function sleep(ms: number): void {
  Atomics.wait(SLEEPER, 0, 0, ms);
}
