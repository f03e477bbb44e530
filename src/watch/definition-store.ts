import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { readDefinition, type DefinitionFile, type DefinitionRef } from "../load/load-definitions";
import { compareCodeUnits } from "../text/code-units";
import { checkDefinitions, type CheckedDefinitions } from "../validate/check-definitions";
import type { DefinitionCheckOptions, FileTrackerReferences, ValidDefinition } from "../validate/validate-definition";

/**
 * A file whose modification time is this close to when sit read it may have been written again in
 * the same tick of the file system's clock, keeping its size and time: it is read again rather than
 * trusted (git calls such entries "racily clean").
 */
const RACY_MS = 2000;

/** What tells a file's bytes apart: its size and time, cheap to look at, and the hash of the bytes as read. */
interface FileIdentity {
  readonly size: bigint;
  readonly mtimeNs: bigint;
  /** When sit looked at the file, in milliseconds since the epoch. */
  readonly seenAtMs: number;
  readonly hash: string;
}

interface StoredDefinition {
  /** Kept with its bytes: the fast path's cache hashes every definition's bytes. */
  readonly file: DefinitionFile;
  readonly identity: FileIdentity | undefined;
  /** What parsing and checking the file on its own gave. */
  readonly checked: CheckedDefinitions;
}

/**
 * Every definition file, parsed and checked on its own, kept between runs by path. A file is read
 * again only when its size or time changed (or when the watcher names it), and parsed again only
 * when its bytes changed: a file touched without a change costs a read and a hash, not a parse, and
 * keeps its `ValidDefinition` object, which tells the later stages it is unchanged.
 */
export class DefinitionStore {
  private readonly entries = new Map<string, StoredDefinition>();
  /** Relative paths in code-unit order, as findDefinitions lists them; rebuilt after additions and removals. */
  private order: string[] | undefined;

  constructor(private readonly options: DefinitionCheckOptions) {}

  /**
   * Makes the store hold exactly the files a full listing found, reading those whose size or time
   * changed. Adds to `changed` the display path of each file parsed again or forgotten.
   */
  sync(refs: readonly DefinitionRef[], changed: string[]): void {
    const listed = new Set(refs.map((ref) => ref.relativePath));
    for (const relativePath of [...this.entries.keys()]) {
      if (!listed.has(relativePath)) this.remove(relativePath, changed);
    }
    for (const ref of refs) this.look(ref, true, changed);
  }

  /** Reads a file the watcher named, whatever its size and time say, or forgets it when it is gone. */
  refresh(ref: DefinitionRef, exists: boolean, changed: string[]): void {
    if (exists) this.look(ref, false, changed);
    else this.remove(ref.relativePath, changed);
  }

  /** What checking every file gave, in file order, as `checkDefinitions` gives it for all of them. */
  checked(): CheckedDefinitions {
    const diagnostics: Diagnostic[] = [];
    const definitions: ValidDefinition[] = [];
    const trackerReferences: FileTrackerReferences[] = [];
    for (const relativePath of this.sortedPaths()) {
      const { checked } = this.entries.get(relativePath)!;
      for (const diagnostic of checked.diagnostics) diagnostics.push(diagnostic);
      for (const definition of checked.definitions) definitions.push(definition);
      for (const references of checked.trackerReferences) trackerReferences.push(references);
    }
    return { diagnostics, definitions, trackerReferences };
  }

  /** Every file with the bytes last read, in file order. */
  files(): DefinitionFile[] {
    return this.sortedPaths().map((relativePath) => this.entries.get(relativePath)!.file);
  }

  private look(ref: DefinitionRef, trustTimes: boolean, changed: string[]): void {
    const prior = this.entries.get(ref.relativePath);
    // Looked at before the read: a write in between is seen as a change next time, never missed.
    const seenAtMs = Date.now();
    const stats = fileTimes(ref.absolutePath);
    if (trustTimes && prior?.identity !== undefined && stats !== undefined && sameTimes(prior.identity, stats) && !isRacy(prior.identity)) return;

    const file = readDefinition(ref);
    const hash = file.read.ok ? createHash("sha1").update(file.read.bytes).digest("hex") : `unreadable: ${file.read.code} ${file.read.message}`;
    const identity = stats === undefined ? undefined : { ...stats, seenAtMs, hash };
    if (prior !== undefined && prior.identity?.hash === hash && prior.file.displayPath === ref.displayPath) {
      this.entries.set(ref.relativePath, { ...prior, identity });
      return;
    }
    changed.push(ref.displayPath);
    this.entries.set(ref.relativePath, { file, identity, checked: checkDefinitions([file], this.options) });
    if (prior === undefined) this.order = undefined;
  }

  private remove(relativePath: string, changed: string[]): void {
    const entry = this.entries.get(relativePath);
    if (entry === undefined) return;
    this.entries.delete(relativePath);
    this.order = undefined;
    changed.push(entry.file.displayPath);
  }

  private sortedPaths(): string[] {
    return (this.order ??= [...this.entries.keys()].sort(compareCodeUnits));
  }
}

/** A file's size and modification time; `undefined` when it cannot be looked at (the read then says why). */
function fileTimes(path: string): { size: bigint; mtimeNs: bigint } | undefined {
  try {
    const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
    return stats === undefined ? undefined : { size: stats.size, mtimeNs: stats.mtimeNs };
  } catch {
    return undefined;
  }
}

const sameTimes = (identity: FileIdentity, stats: { size: bigint; mtimeNs: bigint }): boolean => identity.size === stats.size && identity.mtimeNs === stats.mtimeNs;

const isRacy = (identity: FileIdentity): boolean => identity.seenAtMs - Number(identity.mtimeNs / 1_000_000n) < RACY_MS;
