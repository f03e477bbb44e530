import { relative, sep } from "node:path";
import { hasErrors, type Diagnostic } from "../../diagnostics/diagnostic";
import { SDK_FILES } from "../../emit/sdk-files";
import { analyze, emitFiles, readInputs } from "../../pipeline";
import { readOutputTree, type OutputTree } from "../../write/output-tree";
import { bodyOf } from "../../write/ownership-header";
import { foreignConflicts, planOutput, type FileChange } from "../../write/plan-output";
import { unifiedDiff } from "../../write/unified-diff";
import { applyPlan, describeWriteError, IncompleteRollbackError } from "../../write/write-output";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../exit-codes";
import { diagnosticsJson, printDiagnostics, summarize, type Output } from "../report";
import { exitCodeFor } from "./validate";

export interface GenerateCommandOptions {
  readonly config?: string;
  readonly check?: boolean;
  readonly json?: boolean;
}

/** Lines of diff shown per drifted file: enough to see what changed, bounded for CI logs. */
const DIFF_LINES_PER_FILE = 40;
/** A missing or stale file's diff is the whole file: its first lines say enough. */
const DIFF_LINES_WHOLE_FILE = 8;
/** Lines of diff shown in all: the list of files and the fix stay visible at the end of a CI log. */
const DIFF_LINES_TOTAL = 160;

type Status = "up-to-date" | "written" | "drift" | "invalid" | "conflict" | "error";

export function runGenerate(options: GenerateCommandOptions, output: Output, cwd = process.cwd()): number {
  const pipelineOptions = { cwd, configPath: options.config };
  const inputs = readInputs(pipelineOptions);
  const mode = options.check === true ? "check" : "generate";
  const shown = (path: string): string => relative(cwd, path).split(sep).join("/") || ".";
  const fix = `npx sit generate${options.config === undefined ? "" : ` --config ${shellWord(options.config)}`}`;
  const say = (status: Status, message: string, details: Partial<Report> = {}): void =>
    report(output, options, { mode, status, outputName: undefined, changes: [], diagnostics: inputs.diagnostics, conflicts: [], message, ...details });

  // The fast path: the files in place name these exact inputs and are intact, so neither
  // validating (the config included: it was valid when they were written) nor emitting could
  // change anything.
  let tree: OutputTree | undefined;
  if (inputs.outputDir !== undefined && inputs.inputsHash !== undefined && !hasErrors(inputs.diagnostics)) {
    tree = tryReadTree(inputs.outputDir);
    if (tree !== undefined && isUpToDate(tree, inputs.inputsHash)) {
      inputs.helper?.close();
      const outputName = shown(inputs.outputDir);
      say("up-to-date", `${outputName}/ is up to date`, { outputName });
      return EXIT_OK;
    }
  }

  const analysis = analyze(inputs, pipelineOptions);
  if (analysis.model === undefined || analysis.config === undefined || analysis.inputsHash === undefined) {
    say("invalid", `${summarize(analysis.diagnostics)}; nothing written`, { diagnostics: analysis.diagnostics });
    return exitCodeFor(analysis.diagnostics) === EXIT_OK ? EXIT_FINDINGS : exitCodeFor(analysis.diagnostics);
  }
  const outputDir = analysis.config.outputDir;
  const outputName = shown(outputDir);
  const files = emitFiles(analysis.model, analysis.inputsHash, analysis.helper);
  const details = { outputName, diagnostics: analysis.diagnostics };

  if (tree === undefined) {
    try {
      tree = readOutputTree(outputDir);
    } catch (error) {
      say("error", `sit: cannot use ${outputName}/ as the output folder: ${describeWriteError(error)}; nothing written`, details);
      return EXIT_USAGE;
    }
  }
  const conflicts = foreignConflicts(
    tree,
    files.map((file) => file.path),
  );
  if (conflicts.length > 0) {
    const them = conflicts.length === 1 ? "it" : "them";
    say("conflict", `sit will not overwrite files it did not generate: move ${them} out of ${outputName}/; nothing written`, { ...details, conflicts });
    return EXIT_FINDINGS;
  }
  const changes = planOutput(tree, files);

  if (mode === "check") {
    if (changes.length === 0) {
      say("up-to-date", `${outputName}/ is up to date`, details);
      return EXIT_OK;
    }
    const count = `${changes.length} file${changes.length === 1 ? "" : "s"}`;
    say("drift", `${outputName}/ is out of date with the definitions: ${count} differ${changes.length === 1 ? "s" : ""}`, {
      ...details,
      changes,
      fix: `run \`${fix}\` and commit ${outputName}/`,
    });
    return EXIT_FINDINGS;
  }

  if (changes.length > 0 || tree.leftovers.length > 0) {
    try {
      applyPlan(outputDir, tree, changes);
    } catch (error) {
      const outcome = error instanceof IncompleteRollbackError ? `run \`${fix}\` again once that is fixed` : "the previous output is unchanged";
      say("error", `sit: cannot write ${outputName}/: ${describeWriteError(error)}; ${outcome}`, details);
      return EXIT_USAGE;
    }
  }
  const unchanged = files.length - changes.filter((change) => change.kind !== "stale").length;
  say("written", `${outputName}/: ${analysis.model.events.length} events; ${describeChanges(changes)}, ${unchanged} unchanged`, { ...details, changes });
  return EXIT_OK;
}

/** A path as a shell word, so the printed fix can be pasted as it is. */
const shellWord = (word: string): string => (/^[\w./:@=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

function tryReadTree(outputDir: string): OutputTree | undefined {
  try {
    return readOutputTree(outputDir);
  } catch {
    return undefined;
  }
}

/**
 * The fast path's test: every file sit writes is there, names these inputs and is intact, no other
 * generated (so stale) file is there, and no interrupted run left temporaries to clean up.
 */
function isUpToDate(tree: OutputTree, inputsHash: string): boolean {
  if (tree.leftovers.length > 0) return false;
  for (const name of SDK_FILES) {
    const header = tree.files.get(name)?.header;
    if (header === undefined || header.inputsHash !== inputsHash || !header.intact) return false;
  }
  for (const file of tree.files.values()) {
    if (file.header !== undefined && !SDK_FILES.includes(file.path)) return false;
  }
  return true;
}

function describeChanges(changes: readonly FileChange[]): string {
  const written = changes.filter((change) => change.kind !== "stale").map((change) => change.path);
  const removed = changes.filter((change) => change.kind === "stale").map((change) => change.path);
  const parts = [`wrote ${written.length}${written.length > 0 ? ` (${written.join(", ")})` : ""}`];
  if (removed.length > 0) parts.push(`removed ${removed.length} (${removed.join(", ")})`);
  return parts.join(", ");
}

interface Report {
  readonly mode: "generate" | "check";
  readonly status: Status;
  /** The output folder as shown to the user, once the config is known. */
  readonly outputName: string | undefined;
  readonly changes: readonly FileChange[];
  readonly conflicts: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly message: string;
  readonly fix?: string;
}

const KIND_LABELS: Readonly<Record<FileChange["kind"], string>> = {
  new: "missing (would be created)",
  changed: "out of date",
  edited: "edited by hand",
  stale: "stale (would be deleted)",
};

/** A file's drift as a unified diff: `-` is what is on disk, `+` what sit would write. */
function diffOf(outputName: string, change: FileChange, maxLines: number): string {
  const path = `${outputName}/${change.path}`;
  const before = change.kind === "new" ? "/dev/null" : `${path} (on disk)`;
  const after = change.kind === "stale" ? "/dev/null" : `${path} (generated)`;
  const wholeFile = change.kind === "new" || change.kind === "stale";
  return unifiedDiff(before, after, change.before, change.after, wholeFile ? Math.min(maxLines, DIFF_LINES_WHOLE_FILE) : maxLines);
}

function report(output: Output, options: GenerateCommandOptions, result: Report): void {
  const outputName = result.outputName ?? ".";
  const drift = result.status === "drift";
  if (options.json === true) {
    const json = {
      mode: result.mode,
      status: result.status,
      outputDir: result.outputName ?? null,
      changes: result.changes.map((change) => ({
        path: change.path,
        kind: change.kind,
        ...(drift ? { diff: diffOf(outputName, change, DIFF_LINES_PER_FILE) } : {}),
      })),
      conflicts: result.conflicts,
      diagnostics: diagnosticsJson(result.diagnostics),
      message: result.message,
      fix: result.fix ?? null,
    };
    output.out(JSON.stringify(json, null, 2));
    return;
  }
  printDiagnostics(output, result.diagnostics);
  for (const path of result.conflicts) {
    output.err(`${outputName}/${path}: error: not generated by sit (no sit header), so sit will not overwrite it`);
  }
  if (drift) {
    for (const change of result.changes) {
      // Every header carries the inputs hash, so any input change touches every file: say which
      // files differ in that line alone, so the reader looks at the others.
      const headerOnly = change.kind === "changed" && bodyOf(change.before) === bodyOf(change.after);
      output.err(`${KIND_LABELS[change.kind]}${headerOnly ? " (only the inputs hash in its header)" : ""}: ${outputName}/${change.path}`);
    }
    let budget = DIFF_LINES_TOTAL;
    let shownDiffs = 0;
    for (const change of result.changes) {
      if (budget <= 0) break;
      const diff = diffOf(outputName, change, Math.min(DIFF_LINES_PER_FILE, budget));
      output.err(diff);
      budget -= diff.split("\n").length;
      shownDiffs++;
    }
    const hidden = result.changes.length - shownDiffs;
    if (hidden > 0) output.err(`(diffs of ${hidden} more file${hidden === 1 ? "" : "s"} not shown)`);
  }
  output.err(result.message);
  if (result.fix !== undefined) output.err(`To fix it, ${result.fix}.`);
}
