import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { definition, makeProject } from "../helpers/project";

export const SDK_FILES = ["catalog.ts", "index.ts", "runtime.ts", "validation.ts"];

export const CONFIG = `definitions: definitions
output: generated
processors:
  InternalEvents: { module: ./src/internal-events, export: InternalEvents }
defaultProcessors: [InternalEvents]
`;

/** The same project with a second default processor: a config change that changes the SDK. */
export const CONFIG_WITH_AUDIT = `definitions: definitions
output: generated
processors:
  InternalEvents: { module: ./src/internal-events, export: InternalEvents }
  Audit: { module: ./src/audit, export: Audit }
defaultProcessors: [InternalEvents, Audit]
`;

/** A small valid project, not generated yet. */
export function makeSdkProject(extra: Readonly<Record<string, string>> = {}): string {
  return makeProject({
    "sit.config.yaml": CONFIG,
    "src/internal-events.ts": "export const InternalEvents = { trackEvent(): void {} };\n",
    "src/audit.ts": "export const Audit = { trackEvent(): void {} };\n",
    "definitions/create_snippet.yml": definition("create_snippet"),
    "definitions/open_help.yml": definition("open_help"),
    ...extra,
  });
}

export interface EntryState {
  readonly bytes: Buffer | undefined;
  readonly kind: "file" | "directory" | "other";
  readonly ino: bigint;
  readonly mtimeNs: bigint;
}

/**
 * Everything observable about a folder's top-level entries: bytes, inode (a rename-over changes
 * it) and mtime in nanoseconds. Equal snapshots mean nothing was written, replaced or removed.
 */
export function snapshotFolder(folder: string): Record<string, EntryState> {
  const entries: Record<string, EntryState> = {};
  for (const name of readdirSync(folder).sort()) {
    const stats = lstatSync(join(folder, name), { bigint: true });
    const kind = stats.isFile() ? "file" : stats.isDirectory() ? "directory" : "other";
    entries[name] = { bytes: kind === "file" ? readFileSync(join(folder, name)) : undefined, kind, ino: stats.ino, mtimeNs: stats.mtimeNs };
  }
  return entries;
}

/** The names whose entry was written, replaced, created or removed between two snapshots. */
export function touchedEntries(before: Record<string, EntryState>, after: Record<string, EntryState>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => {
      const a = before[name];
      const b = after[name];
      return a === undefined || b === undefined || a.ino !== b.ino || a.mtimeNs !== b.mtimeNs || !equalBytes(a.bytes, b.bytes);
    })
    .sort();
}

const equalBytes = (a: Buffer | undefined, b: Buffer | undefined): boolean => (a === undefined ? b === undefined : b !== undefined && a.equals(b));

export const readText = (folder: string, name: string): string => readFileSync(join(folder, name), "utf8");
