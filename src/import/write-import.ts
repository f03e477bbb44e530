import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { createFile, replaceFile } from "../scaffold/create-file";
import type { ConfigEdit } from "./config-rules";
import type { PlannedDefinition } from "./import-plan";

/** A write of the import failed; what it had written is undone, except `leftBehind`. */
export class ImportWriteError extends Error {
  constructor(
    readonly displayPath: string,
    readonly failure: unknown,
    /** What could not be undone, as shown to the user. */
    readonly leftBehind: readonly string[],
  ) {
    super(`cannot write ${displayPath}`, { cause: failure });
  }
}

/**
 * Writes the definitions, then the config, each file atomically; a new file never replaces one
 * that appeared meanwhile. All or nothing: when a write fails, those before it are undone (new
 * files and the folders made for them removed, replaced files given back their bytes).
 */
export function writeImport(definitions: readonly PlannedDefinition[], config: ConfigEdit): void {
  const undo: { readonly displayPath: string; readonly run: () => void }[] = [];
  const step = (displayPath: string, write: () => () => void): void => {
    try {
      undo.push({ displayPath, run: write() });
    } catch (error) {
      const leftBehind: string[] = [];
      for (const done of undo.reverse()) {
        try {
          done.run();
        } catch {
          leftBehind.push(done.displayPath);
        }
      }
      throw new ImportWriteError(displayPath, error, leftBehind);
    }
  };
  const writeFile = (path: string, content: string, previous: Buffer | undefined): (() => void) => {
    if (previous !== undefined) {
      replaceFile(path, content);
      return () => replaceFile(path, previous);
    }
    const folders = createFolders(dirname(path));
    try {
      createFile(path, content, { overwrite: false });
    } catch (error) {
      removeEmptyFolders(folders);
      throw error;
    }
    return () => {
      rmSync(path, { force: true });
      removeEmptyFolders(folders);
    };
  };
  for (const definition of definitions) step(definition.displayPath, () => writeFile(definition.absolutePath, definition.content, definition.previous));
  if (config.kind === "create" || config.kind === "edit") {
    step(config.displayPath, () => writeFile(config.path, config.after, config.before === undefined ? undefined : readFileSync(config.path)));
  }
}

/** Creates `folder` and the missing folders above it; returns those it created, deepest first. */
function createFolders(folder: string): string[] {
  if (existsSync(folder)) return [];
  const first = mkdirSync(folder, { recursive: true });
  if (first === undefined) return [];
  const created: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    created.push(current);
    if (current === first || dirname(current) === current) return created;
  }
}

/** Removes folders the import created, deepest first, while they are empty. */
function removeEmptyFolders(folders: readonly string[]): void {
  for (const folder of folders) {
    try {
      rmdirSync(folder);
    } catch {
      return;
    }
  }
}
