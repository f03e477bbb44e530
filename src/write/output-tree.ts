import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { contentHasher, headerHash, parseHeader, type ParsedHeader } from "./ownership-header";

/** Prefix of the temporary files a write creates beside their targets before renaming them. */
export const TEMP_PREFIX = ".sit-tmp-";

export interface ExistingFile {
  readonly path: string;
  /** Read on first use: the fast path needs only the header, and hashes the rest as it streams by. */
  readonly bytes: Buffer;
  /** The bytes as text, decoded on first use. */
  readonly content: string;
  /** Set when sit generated the file: only such files may be replaced or deleted. */
  readonly header: ParsedHeader | undefined;
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
  /** Temporary files an interrupted run left behind. */
  readonly leftovers: readonly string[];
}

/** Reads what is in the output folder now; sit only ever writes top-level `.ts` files there. */
export function readOutputTree(outputDir: string): OutputTree {
  let entries: Dirent[];
  try {
    entries = readdirSync(outputDir, { withFileTypes: true });
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return { exists: false, files: new Map(), obstacles: new Set(), leftovers: [] };
    throw error;
  }
  const files = new Map<string, ExistingFile>();
  const obstacles = new Set<string>();
  const leftovers: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const name = entry.name;
    // Only regular files can be sit's temporaries; a folder of that name is the user's.
    if (name.startsWith(TEMP_PREFIX)) {
      if (entry.isFile()) leftovers.push(name);
      continue;
    }
    if (!name.endsWith(".ts")) continue;
    // Reading a FIFO would block forever and a folder cannot be read: look before reading.
    if (!isRegularFile(join(outputDir, name), entry)) {
      obstacles.add(name);
      continue;
    }
    const path = join(outputDir, name);
    let header: ParsedHeader | undefined;
    try {
      header = readHeader(path);
    } catch (error) {
      // Deleted since the folder was listed: it is simply not there.
      if ((error as { code?: unknown }).code === "ENOENT") continue;
      throw error;
    }
    let bytes: Buffer | undefined;
    let content: string | undefined;
    files.set(name, {
      path: name,
      header,
      get bytes() {
        return (bytes ??= readFileSync(path));
      },
      get content() {
        return (content ??= this.bytes.toString("utf8"));
      },
    });
  }
  return { exists: true, files, obstacles, leftovers };
}

function isRegularFile(path: string, entry: Dirent): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** One buffer for every file read: a fresh 13 MB buffer per file cost ~60 ms in page faults alone. */
const READ_CHUNK = Buffer.allocUnsafe(1024 * 1024);

/** A file's header, its body hashed as it streams through `READ_CHUNK`. */
function readHeader(path: string): ParsedHeader | undefined {
  const descriptor = openSync(path, "r");
  try {
    const headLength = readSync(descriptor, READ_CHUNK, 0, READ_CHUNK.length, 0);
    const head = READ_CHUNK.subarray(0, headLength);
    return parseHeader(head, (bodyStart) => {
      const hash = contentHasher();
      if (bodyStart < headLength) hash.update(head.subarray(bodyStart));
      let position = Math.max(headLength, bodyStart);
      for (let read = headLength; read > 0; position += read) {
        read = readSync(descriptor, READ_CHUNK, 0, READ_CHUNK.length, position);
        hash.update(READ_CHUNK.subarray(0, read));
      }
      return headerHash(hash);
    });
  } finally {
    closeSync(descriptor);
  }
}
