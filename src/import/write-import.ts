import { readFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { createFile, replaceFile } from "../files/atomic-write";
import { AllOrNothing, createFolders, removeEmptyFolders } from "../write/all-or-nothing";
import type { ConfigEdit } from "./config-rules";
import type { PlannedDefinition } from "./import-plan";

/**
 * Writes the definitions, then the config, each file atomically; a new file never replaces one
 * that appeared meanwhile. All or nothing: when a write fails, those before it are undone (new
 * files and the folders made for them removed, replaced files given back their bytes) and
 * UndoneWriteError is thrown.
 */
export function writeImport(definitions: readonly PlannedDefinition[], config: ConfigEdit): void {
  const writes = new AllOrNothing();
  for (const definition of definitions) writes.write(definition.displayPath, () => writeFile(definition.absolutePath, definition.content, definition.previous));
  if (config.kind === "create" || config.kind === "edit") {
    writes.write(config.displayPath, () => writeFile(config.path, config.after, config.kind === "edit" ? readFileSync(config.path) : undefined));
  }
}

/** Replaces a file that was there (`previous`), or creates one that was not; returns how to undo it. */
function writeFile(path: string, content: string, previous: Buffer | undefined): () => void {
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
}
