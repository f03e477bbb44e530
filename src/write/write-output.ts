import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { TEMP_PREFIX, type OutputTree } from "./output-tree";
import type { FileChange } from "./plan-output";

/**
 * Applies a plan so that no reader ever sees a torn file: every new content is first written and
 * flushed to a temporary file in the output folder (same file system), and only when all of them
 * are written are they renamed over their targets, each rename atomic. A failure before the
 * renames removes the temporary files and leaves the folder as it was. Stale generated files are
 * deleted last. Leftovers of an interrupted run are removed first.
 */
export function applyPlan(outputDir: string, tree: OutputTree, changes: readonly FileChange[]): void {
  mkdirSync(outputDir, { recursive: true });
  for (const leftover of tree.leftovers) rmSync(join(outputDir, leftover), { force: true });

  const writes = changes.filter((change) => change.kind !== "stale");
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const change of writes) {
      const temp = join(outputDir, `${TEMP_PREFIX}${process.pid}-${staged.length}-${change.path}`);
      staged.push({ temp, target: join(outputDir, change.path) });
      writeDurably(temp, change.after);
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  for (const change of changes) if (change.kind === "stale") unlinkSync(join(outputDir, change.path));
  syncFolder(outputDir);
}

function writeDurably(path: string, content: string): void {
  const descriptor = openSync(path, "wx", 0o644);
  try {
    const bytes = Buffer.from(content, "utf8");
    for (let written = 0; written < bytes.length; ) written += writeSync(descriptor, bytes, written, bytes.length - written);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** Makes the renames themselves durable; not every platform can open a folder, which is fine. */
function syncFolder(folder: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(folder, "r");
    fsyncSync(descriptor);
  } catch {
    // Best effort only: the renames are already atomic.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
