import { byCodeUnits } from "../text/code-units";
import type { OutputTree } from "./output-tree";
import type { GeneratedFile } from "./ownership-header";

/** `new`: missing on disk; `changed`: its bytes differ from what sit writes now; `stale`: generated, no longer wanted. */
export type ChangeKind = "new" | "changed" | "stale";

export interface FileChange {
  readonly path: string;
  readonly kind: ChangeKind;
  /** The bytes on disk (empty for a new file): what a rollback restores. */
  readonly beforeBytes: Buffer;
  /** The bytes sit would write (empty for a stale file it would delete). */
  readonly afterBytes: Buffer;
  /** `beforeBytes` and `afterBytes` as text, for diffs. */
  readonly before: string;
  readonly after: string;
}

const NO_BYTES = Buffer.alloc(0);

function fileChange(path: string, kind: ChangeKind, beforeBytes: Buffer, afterBytes: Buffer): FileChange {
  return {
    path,
    kind,
    beforeBytes,
    afterBytes,
    get before() {
      return beforeBytes.toString("utf8");
    },
    get after() {
      return afterBytes.toString("utf8");
    },
  };
}

/**
 * What turning the tree into `files` takes, by content alone: files that are missing or whose bytes
 * differ (out of date or edited by hand) to write, generated files no longer wanted to delete.
 * Files without sit's header are never deleted; call `foreignConflicts` first: a plan that would
 * overwrite one is refused when applied.
 */
export function planOutput(tree: OutputTree, files: readonly GeneratedFile[]): FileChange[] {
  const changes: FileChange[] = [];
  const wanted = new Set(files.map((file) => file.path));
  for (const file of files) {
    const existing = tree.files.get(file.path);
    if (existing === undefined) {
      changes.push(fileChange(file.path, "new", NO_BYTES, file.bytes));
      continue;
    }
    const bytes = existing.read();
    if (!bytes.equals(file.bytes)) changes.push(fileChange(file.path, "changed", bytes, file.bytes));
  }
  for (const existing of tree.files.values()) {
    if (!wanted.has(existing.path) && existing.generatedBySit) changes.push(fileChange(existing.path, "stale", existing.read(), NO_BYTES));
  }
  return changes.sort(byCodeUnits((change) => change.path));
}

/** Names sit would write that are taken by something it did not generate: it refuses to replace them. */
export function foreignConflicts(tree: OutputTree, paths: readonly string[]): string[] {
  return paths.filter((path) => tree.obstacles.has(path) || tree.files.get(path)?.generatedBySit === false);
}
