import { copyFileSync, cpSync, lstatSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { definition, makeProject, REPO_ROOT } from "../helpers/project";

export const SDK_FILES = ["catalog.ts", "checks.ts", "core.ts", "index.ts", "runtime.ts", "validation.ts"];

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

/**
 * A private copy of the built CLI: other work rebuilding dist/ meanwhile cannot change the
 * expected output half-way through a test that runs for seconds.
 */
export function frozenCli(): string {
  const root = makeProject({});
  cpSync(join(REPO_ROOT, "dist"), join(root, "dist"), { recursive: true });
  cpSync(join(REPO_ROOT, "bin"), join(root, "bin"), { recursive: true });
  copyFileSync(join(REPO_ROOT, "package.json"), join(root, "package.json"));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return join(root, "bin", "sit.js");
}

export type Version = "old" | "new";

function versionedDefinition(index: number, version: Version): string {
  const property = version === "new" ? "additional_properties:\n  label:\n    description: where it happened\n" : "";
  return `description: Event ${index} happened${version === "new" ? " again" : ""}
internal_events: true
action: event_${index}
identifiers: [user]
${property}product_group: analytics_instrumentation
milestone: '18.0'
introduced_by_url: null
tiers: [free]
`;
}

/**
 * A project with two sets of `events` definitions, each with its own config (`sit.old.yaml`,
 * `sit.new.yaml`) writing the same output folder: switching versions is passing another --config.
 */
export function twoVersionProject(events: number): string {
  const files: Record<string, string> = {
    "src/internal-events.ts": "export const InternalEvents = { trackEvent(): void {} };\n",
  };
  for (const version of ["old", "new"] as const) {
    files[`sit.${version}.yaml`] = CONFIG.replace("definitions: definitions", `definitions: definitions-${version}`);
    for (let index = 0; index < events; index++) files[`definitions-${version}/event_${index}.yml`] = versionedDefinition(index, version);
  }
  return makeProject(files);
}
