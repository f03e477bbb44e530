import { basename, dirname, join } from "node:path";
import { chmodSync, linkSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";

/**
 * Writes `content` to `path` (creating its folder) so that `path` is never seen half-written: the
 * text goes to a temporary file beside it first. With `overwrite` that file is renamed over
 * `path`; without, it is hard-linked to `path`, which fails with EEXIST if `path` exists, even
 * one created a moment ago by someone else, so nothing is ever replaced by mistake.
 */
export function createFile(path: string, content: string | Uint8Array, options: { readonly overwrite: boolean }): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    // mkdir says EEXIST when part of the path is a file; callers read EEXIST as "the file exists".
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw Object.assign(new Error(`ENOTDIR: ${dirname(path)} is not a folder`), { code: "ENOTDIR" });
  }
  const temporary = temporaryPath(path);
  writeFileSync(temporary, content);
  try {
    if (options.overwrite) renameSync(temporary, path);
    else linkSync(temporary, path);
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
  const { mode } = statSync(target);
  const temporary = temporaryPath(target);
  try {
    writeFileSync(temporary, content);
    chmodSync(temporary, mode & 0o7777);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}

const temporaryPath = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.sit-tmp`);
