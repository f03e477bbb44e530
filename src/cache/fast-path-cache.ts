import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ConfigLayout } from "../config/config-layout";
import { realPath } from "../config/config-layout";
import { writeFileAtomically } from "../files/atomic-write";
import type { DefinitionFile } from "../load/load-definitions";
import { readOutputTree } from "../write/output-tree";
import { generatorIdentity } from "./generator-identity";

/**
 * What the fast path of `generate` remembers of an output folder: the inputs it was generated from
 * and the hash of each file written. It lives outside the repository (nothing volatile is
 * committed) and is only ever a shortcut: a missing, corrupt or foreign entry means a full run.
 */
interface CacheEntry {
  readonly format: 1;
  readonly generator: string;
  readonly inputs: string;
  readonly files: Readonly<Record<string, string>>;
}

/**
 * The cache folder of a project: `node_modules/.cache/sit/` in the nearest folder that has a
 * `node_modules` (the convention of babel-loader, eslint and terser), else one in the OS temp folder.
 */
export function cacheFolder(rootDir: string): string {
  for (let folder = rootDir; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "node_modules"))) return join(folder, "node_modules", ".cache", "sit");
    // Per user: a cache another user could write into must not vouch for this user's output.
    if (dirname(folder) === folder) return join(tmpdir(), `sit-cache-${process.getuid?.() ?? "user"}`);
  }
}

/** The hash of everything the output depends on: the generator, the config as written, every definition file. */
export function inputsHash(layout: ConfigLayout, files: readonly DefinitionFile[]): string {
  const hash = createHash("sha1").update(`${generatorIdentity()}\n${layout.fingerprint}\n`);
  for (const file of files) {
    hash.update(`${file.projectPath}\n`);
    if (file.read.ok) hash.update(`${file.read.bytes.length}\n`).update(file.read.bytes);
    else hash.update(`unreadable: ${file.read.message}\n`);
  }
  return hash.digest("hex");
}

/** The cache entry of an output folder, in the cache folder of its project. */
export const cacheEntryPath = ({ rootDir, outputDir }: Pick<ConfigLayout, "rootDir" | "outputDir">): string =>
  join(cacheFolder(rootDir), `${createHash("sha1").update(realPath(outputDir)).digest("hex").slice(0, 24)}.json`);

/**
 * Whether the output folder is exactly what sit wrote from these inputs: the cache names them, every
 * file it recorded is there with the same bytes, and nothing else of sit's is there.
 */
export function isUpToDate(layout: ConfigLayout, inputs: string): boolean {
  let entry: CacheEntry;
  try {
    entry = JSON.parse(readFileSync(cacheEntryPath(layout), "utf8")) as CacheEntry;
  } catch {
    return false;
  }
  if (entry?.format !== 1 || entry.generator !== generatorIdentity() || entry.inputs !== inputs || typeof entry.files !== "object" || entry.files === null) return false;
  let tree;
  try {
    tree = readOutputTree(layout.outputDir);
  } catch {
    return false;
  }
  if (tree.leftovers.length > 0 || tree.locked) return false;
  const recorded = Object.keys(entry.files);
  const generated = [...tree.files.values()].filter((file) => file.generatedBySit).map((file) => file.path);
  if (generated.length !== recorded.length || !generated.every((name) => Object.hasOwn(entry.files, name))) return false;
  return recorded.every((name) => hashFile(join(layout.outputDir, name)) === entry.files[name]);
}

/** Records that the output folder holds `files` for these inputs; a cache that cannot be written is skipped. */
export function recordOutput(layout: ConfigLayout, inputs: string, files: readonly { readonly path: string; readonly bytes: Buffer }[]): void {
  const entry: CacheEntry = {
    format: 1,
    generator: generatorIdentity(),
    inputs,
    files: Object.fromEntries(files.map((file) => [file.path, createHash("sha1").update(file.bytes).digest("hex")])),
  };
  const path = cacheEntryPath(layout);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomically(path, `${JSON.stringify(entry)}\n`);
  } catch {
    // A cache that cannot be written costs the next run its fast path, nothing else.
  }
}

/** One buffer for every file hashed: a fresh buffer per large file cost page faults alone. */
const READ_CHUNK = Buffer.allocUnsafe(1024 * 1024);

function hashFile(path: string): string | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, "r");
    const hash = createHash("sha1");
    for (let read = readSync(descriptor, READ_CHUNK, 0, READ_CHUNK.length, null); read > 0; read = readSync(descriptor, READ_CHUNK, 0, READ_CHUNK.length, null)) {
      hash.update(READ_CHUNK.subarray(0, read));
    }
    return hash.digest("hex");
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
