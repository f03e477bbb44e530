import { basename, dirname, join } from "node:path";
import { linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";

/**
 * Writes `content` to `path` (creating its folder) so that `path` is never seen half-written: the
 * text goes to a temporary file beside it first. With `overwrite` that file is renamed over
 * `path`; without, it is hard-linked to `path`, which fails with EEXIST if `path` exists, even
 * one created a moment ago by someone else, so nothing is ever replaced by mistake.
 */
export function createFile(path: string, content: string, options: { readonly overwrite: boolean }): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    // mkdir says EEXIST when part of the path is a file; callers read EEXIST as "the file exists".
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw Object.assign(new Error(`ENOTDIR: ${dirname(path)} is not a folder`), { code: "ENOTDIR" });
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.sit-tmp`);
  writeFileSync(temporary, content);
  try {
    if (options.overwrite) renameSync(temporary, path);
    else linkSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}
