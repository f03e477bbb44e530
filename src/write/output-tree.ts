import { closeSync, openSync, readdirSync, readFileSync, readSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { TEMPORARY_NAME } from "../files/atomic-write";
import { isRegularFile } from "../load/regular-file";
import { byCodeUnits } from "../text/code-units";
import { isGeneratedBySit, OWNERSHIP_MARK } from "./ownership-header";

/** The lock file in the output folder: one `generate` writes there at a time (see output-lock.ts). */
export const LOCK_NAME = ".sit-generate.lock";

export interface ExistingFile {
  readonly path: string;
  /** The file starts with sit's header: only such files may be replaced or deleted. */
  readonly generatedBySit: boolean;
  /** Reads the file's bytes now. */
  read(): Buffer;
}

export interface OutputTree {
  readonly exists: boolean;
  /** Top-level `*.ts` regular files (or links to one), by name. */
  readonly files: ReadonlyMap<string, ExistingFile>;
  /**
   * Top-level `*.ts` names that are not files (a folder, a broken link, a socket…): sit cannot
   * replace them, so a generated file of that name is a conflict, never a failed rename half-way.
   */
  readonly obstacles: ReadonlySet<string>;
  /** Temporary files an interrupted run left behind (removed only under the output lock). */
  readonly leftovers: readonly string[];
  /** Another run's lock is there: a live one to wait for, or a killed run's to recover and remove. */
  readonly locked: boolean;
}

/** Reads what is in the output folder now; sit only ever writes top-level `.ts` files there. */
export function readOutputTree(outputDir: string): OutputTree {
  let entries: Dirent[];
  try {
    entries = readdirSync(outputDir, { withFileTypes: true });
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return { exists: false, files: new Map(), obstacles: new Set(), leftovers: [], locked: false };
    throw error;
  }
  const files = new Map<string, ExistingFile>();
  const obstacles = new Set<string>();
  const leftovers: string[] = [];
  let locked = false;
  for (const entry of entries.sort(byCodeUnits((candidate) => candidate.name))) {
    const name = entry.name;
    const path = join(outputDir, name);
    if (name === LOCK_NAME) {
      locked = true;
      continue;
    }
    if (TEMPORARY_NAME.test(name)) {
      // Only regular files can be sit's temporaries; a folder of that name is the user's.
      if (entry.isFile()) leftovers.push(name);
      continue;
    }
    if (!name.endsWith(".ts")) continue;
    // Reading a FIFO would block forever and a folder cannot be read: look before reading.
    if (!isRegularFile(path, entry)) {
      obstacles.add(name);
      continue;
    }
    let head: Buffer;
    try {
      head = readHead(path);
    } catch (error) {
      // Deleted since the folder was listed: it is simply not there.
      if ((error as { code?: unknown }).code === "ENOENT") continue;
      throw error;
    }
    files.set(name, { path: name, generatedBySit: isGeneratedBySit(head), read: () => readFileSync(path) });
  }
  return { exists: true, files, obstacles, leftovers, locked };
}

function readHead(path: string): Buffer {
  const head = Buffer.alloc(OWNERSHIP_MARK.length);
  const descriptor = openSync(path, "r");
  try {
    return head.subarray(0, readSync(descriptor, head, 0, head.length, 0));
  } finally {
    closeSync(descriptor);
  }
}
