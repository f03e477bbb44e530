import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

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
      const temporary = join(dirname(file.path), `.${basename(file.path)}.sit-tmp-${process.pid}`);
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

/** A file-system error as a short reason for the user, or undefined when it is not one (a bug). */
export function fileErrorReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return undefined;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
    case "EEXIST":
      return "a file stands where a folder is needed";
    case "ENOSPC":
      return "no space left on the device";
    case "EROFS":
      return "the file system is read-only";
    default:
      return error instanceof Error ? error.message : code;
  }
}
