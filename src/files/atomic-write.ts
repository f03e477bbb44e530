import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * The name of every temporary file sit writes: its process id and 64 random bits make it a name
 * no user chooses, so only such files are ever removed as leftovers; `.tmp`, not `.ts`, so that
 * compilers and watchers globbing the folder never pick up a half-written copy.
 */
export const temporaryName = (purpose: string): string => `.sit-tmp-${process.pid}-${randomBytes(8).toString("hex")}-${purpose}.tmp`;

/** What `temporaryName` gives, and nothing a user would name a file. */
export const TEMPORARY_NAME = /^\.sit-tmp-[0-9]+-[0-9a-f]{16}-[A-Za-z0-9._-]+\.tmp$/;

/** A temporary file beside `path`, on the same file system, so renaming it over `path` is atomic. */
const temporaryBeside = (path: string): string => join(dirname(path), temporaryName(basename(path).replace(/[^A-Za-z0-9._-]/g, "_")));

/**
 * Replaces (or creates) the file at `path` so that it is never seen half-written: the bytes go to
 * a temporary file beside it, renamed over it. `mode`, when given, is the new file's permissions.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array, mode?: number): void {
  const temporary = temporaryBeside(path);
  try {
    writeFileSync(temporary, content);
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Writes `content` to `path` (creating its folder) so that `path` is never seen half-written. With
 * `overwrite` it replaces what is there; without, the temporary file is hard-linked to `path`,
 * which fails with EEXIST if `path` exists, even one created a moment ago by someone else, so
 * nothing is ever replaced by mistake.
 */
export function createFile(path: string, content: string | Uint8Array, options: { readonly overwrite: boolean }): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    // mkdir says EEXIST when part of the path is a file; callers read EEXIST as "the file exists".
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw Object.assign(new Error(`ENOTDIR: ${dirname(path)} is not a folder`), { code: "ENOTDIR" });
  }
  if (options.overwrite) {
    writeFileAtomically(path, content);
    return;
  }
  const temporary = temporaryBeside(path);
  try {
    writeFileSync(temporary, content);
    linkSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Replaces the content of the file at `path`, which exists, atomically and keeping what it is: a
 * symbolic link stays a link (the file it leads to is replaced), and the file keeps its mode.
 */
export function replaceFile(path: string, content: string | Uint8Array): void {
  const target = realpathSync(path);
  writeFileAtomically(target, content, statSync(target).mode & 0o7777);
}

export interface TextFile {
  /** Absolute. */
  readonly path: string;
  readonly content: string;
}

/**
 * Writes every file to a temporary file beside it, then renames them all into place, so each file
 * is wholly old or wholly new even if the process dies. Parent folders are created; a file that
 * already holds these bytes is left alone, so its mtime stays and watchers stay quiet.
 * Returns the files written.
 */
export function writeFilesAtomically(files: readonly TextFile[]): TextFile[] {
  const pending = files.filter((file) => !holds(file.path, file.content));
  // Found before anything is written: renaming onto a folder would fail after other files were replaced.
  const folder = pending.find((file) => statSync(file.path, { throwIfNoEntry: false })?.isDirectory() === true);
  if (folder !== undefined) throw Object.assign(new Error(`${folder.path} is a folder`), { code: "EISDIR" });
  const temporaries: { readonly temporary: string; readonly path: string }[] = [];
  try {
    for (const file of pending) {
      mkdirSync(dirname(file.path), { recursive: true });
      const temporary = temporaryBeside(file.path);
      temporaries.push({ temporary, path: file.path });
      writeFileSync(temporary, file.content);
    }
    for (const { temporary, path } of temporaries) renameSync(temporary, path);
  } catch (error) {
    for (const { temporary } of temporaries) rmSync(temporary, { force: true });
    throw error;
  }
  return pending;
}

function holds(path: string, content: string): boolean {
  try {
    return readFileSync(path).equals(Buffer.from(content));
  } catch {
    // Missing or unreadable: writing it will succeed or say why.
    return false;
  }
}
