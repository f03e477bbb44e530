import { existsSync, statSync } from "node:fs";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic";
import { realpathSync } from "node:fs";
import { displayPath } from "../files/display-path";
import { findDefinitions, parseDefinition, readDefinition, type DefinitionFile } from "../load/load-definitions";
import { fileDiagnostic } from "../load/source-file";
import { validateDefinition, type ValidDefinition } from "../validate/validate-definition";
import type { Vocabulary } from "../validate/vocabulary";

/** The definitions of one side of a comparison: those that passed their own checks, and every problem. */
export interface DefinitionSnapshot {
  /** In file order. */
  readonly definitions: readonly ValidDefinition[];
  /** Sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses and validates definition files one at a time (with sit's extensions allowed), then checks
 * that no two internal events share an action: the comparison keys events by action.
 */
export function snapshotOf(files: Iterable<DefinitionFile>, vocabulary: Vocabulary): DefinitionSnapshot {
  const definitions: ValidDefinition[] = [];
  const diagnostics: Diagnostic[] = [];
  const byAction = new Map<string, ValidDefinition>();
  for (const file of files) {
    const parsed = parseDefinition(file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.definition === undefined) continue;
    const validated = validateDefinition(parsed.definition, { gitlabStrict: false, vocabulary });
    diagnostics.push(...validated.diagnostics);
    const definition = validated.definition;
    if (definition === undefined) continue;
    const first = definition.internal ? byAction.get(definition.data.action) : undefined;
    if (first !== undefined) {
      const { line, column } = definition.actionPosition;
      const where = `${first.displayPath}:${first.actionPosition.line}:${first.actionPosition.column}`;
      diagnostics.push(
        fileDiagnostic(
          definition.displayPath,
          line,
          column,
          "error",
          "SIT015",
          `action "${definition.data.action}" is already defined by ${first.displayPath}`,
          `first defined at ${where}`,
        ),
      );
      continue;
    }
    if (definition.internal) byAction.set(definition.data.action, definition);
    definitions.push(definition);
  }
  return { definitions, diagnostics: diagnostics.sort(compareDiagnostics) };
}

/** Every definition file on disk under `definitionsDir`, untracked ones included, read. */
export function readWorkingTreeFiles(definitionsDir: string, rootDir: string, cwd: string): { files: DefinitionFile[]; diagnostics: Diagnostic[] } {
  if (!existsSync(definitionsDir) || !statSync(definitionsDir).isDirectory()) {
    return {
      files: [],
      diagnostics: [
        fileDiagnostic(displayPath(definitionsDir, cwd), 0, 0, "error", "SIT030", `definitions folder "${displayPath(definitionsDir, cwd)}" not found`),
      ],
    };
  }
  const found = findDefinitions({ definitionsDir, rootDir, realRootDir: realpathSync.native(rootDir), displayBase: cwd });
  return { files: found.refs.map(readDefinition), diagnostics: found.diagnostics };
}
