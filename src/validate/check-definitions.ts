import type { Diagnostic } from "../diagnostics/diagnostic";
import { parseDefinition, type DefinitionFile } from "../load/load-definitions";
import { validateDefinition, type DefinitionCheckOptions, type FileTrackerReferences, type ValidDefinition } from "./validate-definition";

export interface CheckedDefinitions {
  readonly diagnostics: readonly Diagnostic[];
  /** The definitions that passed their own checks, in file order. */
  readonly definitions: readonly ValidDefinition[];
  /** The tracking classes every internal event names, valid or not, for the checks against the config. */
  readonly trackerReferences: readonly FileTrackerReferences[];
}

/**
 * load (parse) → validate, file by file: each file's text and YAML tree are garbage before the
 * next file is decoded, so a run never holds all of them at once.
 */
export function checkDefinitions(files: readonly DefinitionFile[], options: DefinitionCheckOptions): CheckedDefinitions {
  const diagnostics: Diagnostic[] = [];
  const definitions: ValidDefinition[] = [];
  const trackerReferences: FileTrackerReferences[] = [];
  for (const file of files) {
    const parsed = parseDefinition(file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.definition === undefined) continue;
    const checked = validateDefinition(parsed.definition, options);
    diagnostics.push(...checked.diagnostics);
    if (checked.definition !== undefined) definitions.push(checked.definition);
    const { references, identifiers } = checked.trackerReferences;
    if (references.length > 0 || identifiers.length > 0) trackerReferences.push(checked.trackerReferences);
  }
  return { diagnostics, definitions, trackerReferences };
}
