import type { Diagnostic } from "../diagnostics/diagnostic";
import { parseDefinition, readDefinition, type DefinitionFile, type DefinitionRef } from "../load/load-definitions";
import type { DefinitionCheckOptions, ValidDefinition } from "../validate/validate-definition";
import { contentHasher } from "../write/ownership-header";

/** The work on one share of the definition files, the same in the main thread and in a worker. */

export interface ReadShare {
  readonly files: readonly DefinitionFile[];
  /** Per file, the hash of its bytes, or `undefined` when it could not be read. */
  readonly hashes: readonly (string | undefined)[];
}

export interface CheckedShare {
  readonly diagnostics: Diagnostic[];
  /** In file order. */
  readonly definitions: ValidDefinition[];
}

export function readShare(refs: readonly DefinitionRef[]): ReadShare {
  const files = refs.map(readDefinition);
  const hashes = files.map((file) => (file.read.ok ? contentHasher().update(file.read.bytes).digest("hex") : undefined));
  return { files, hashes };
}

/**
 * load (parse) → validate, file by file: each file's text and YAML tree are garbage before the
 * next file is decoded, so a run never holds all of them at once.
 */
export function checkShare(files: readonly DefinitionFile[], options: DefinitionCheckOptions): CheckedShare {
  // Loaded on first use: a run whose output is up to date reads and hashes files, nothing more.
  const { validateDefinition } = require("../validate/validate-definition") as typeof import("../validate/validate-definition");
  const diagnostics: Diagnostic[] = [];
  const definitions: ValidDefinition[] = [];
  for (const file of files) {
    const parsed = parseDefinition(file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.definition === undefined) continue;
    const checked = validateDefinition(parsed.definition, options);
    diagnostics.push(...checked.diagnostics);
    if (checked.definition !== undefined) definitions.push(checked.definition);
  }
  return { diagnostics, definitions };
}
