import type { GeneratedFile } from "../pipeline";
import type { OutputTree } from "./output-tree";

export type ChangeKind = "new" | "changed" | "edited" | "stale";

export interface FileChange {
  readonly path: string;
  readonly kind: ChangeKind;
  /** The text now on disk ("" for a new file). */
  readonly before: string;
  /** The text sit would write ("" for a stale file it would delete). */
  readonly after: string;
  /** `before` and `after` as bytes: what a write and its rollback put on disk. */
  readonly beforeBytes: Buffer;
  readonly afterBytes: Buffer;
}

const NO_BYTES = Buffer.alloc(0);

/** A file's text, taken only when asked for: a write needs only the bytes. */
interface Side {
  readonly bytes: Buffer;
  readonly content: string;
}

const NOTHING: Side = { bytes: NO_BYTES, content: "" };

function fileChange(path: string, kind: ChangeKind, before: Side, after: Side): FileChange {
  return {
    path,
    kind,
    beforeBytes: before.bytes,
    afterBytes: after.bytes,
    get before() {
      return before.content;
    },
    get after() {
      return after.content;
    },
  };
}

/**
 * What turning the tree into `files` takes: new and changed files to write, stale generated files
 * to delete. Files without sit's header are never deleted. A generated file whose body no longer
 * matches its header's hash was edited by hand. Call `foreignConflicts` first: a plan that would
 * overwrite a file sit does not own is refused when applied.
 */
export function planOutput(tree: OutputTree, files: readonly GeneratedFile[]): FileChange[] {
  const changes: FileChange[] = [];
  const wanted = new Set(files.map((file) => file.path));
  for (const file of files) {
    const existing = tree.files.get(file.path);
    const bytes = file.bytes ?? Buffer.from(file.content, "utf8");
    const after: Side = {
      bytes,
      get content() {
        return file.content;
      },
    };
    if (existing === undefined) changes.push(fileChange(file.path, "new", NOTHING, after));
    else if (!existing.bytes.equals(bytes)) {
      changes.push(fileChange(file.path, existing.header !== undefined && !existing.header.intact ? "edited" : "changed", existing, after));
    }
  }
  for (const existing of tree.files.values()) {
    if (!wanted.has(existing.path) && existing.header !== undefined) changes.push(fileChange(existing.path, "stale", existing, NOTHING));
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Names sit would write that are taken by something it did not generate: it refuses to replace them. */
export function foreignConflicts(tree: OutputTree, paths: readonly string[]): string[] {
  return paths.filter((path) => tree.obstacles.has(path) || (tree.files.has(path) && tree.files.get(path)!.header === undefined));
}
