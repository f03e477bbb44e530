import { mkdirSync, rmdirSync } from "node:fs";
import { dirname } from "node:path";
import { describeWriteError } from "./write-output";

/** A write failed; the writes before it were undone, except `leftBehind`. */
export class UndoneWriteError extends Error {
  constructor(
    /** The file whose write failed, as shown to the user. */
    readonly displayPath: string,
    readonly failure: unknown,
    /** What could not be undone, as shown to the user. */
    readonly leftBehind: readonly string[],
  ) {
    super(`cannot write ${displayPath}: ${describeWriteError(failure)}`, { cause: failure });
  }
}

/**
 * Writes that land together or not at all (`sit init`, `sit import`): each write returns how to
 * undo it; when one fails, those before it are undone, last first, and UndoneWriteError says
 * which file failed and what could not be undone.
 */
export class AllOrNothing {
  private readonly done: { readonly displayPath: string; readonly undo: () => void }[] = [];

  write(displayPath: string, write: () => () => void): void {
    try {
      this.done.push({ displayPath, undo: write() });
    } catch (error) {
      const leftBehind: string[] = [];
      for (const { displayPath: written, undo } of this.done.reverse()) {
        try {
          undo();
        } catch {
          leftBehind.push(written);
        }
      }
      throw new UndoneWriteError(displayPath, error, leftBehind);
    }
  }
}

/** Creates `folder` and the missing folders above it; returns those it created, deepest first. */
export function createFolders(folder: string): string[] {
  const first = mkdirSync(folder, { recursive: true });
  if (first === undefined) return [];
  const created: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    created.push(current);
    if (current === first || dirname(current) === current) return created;
  }
}

/** Removes folders a write created, deepest first, as long as they are empty: nothing of anyone else's goes. */
export function removeEmptyFolders(folders: readonly string[]): void {
  for (const folder of folders) {
    try {
      rmdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") return;
    }
  }
}
