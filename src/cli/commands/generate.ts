import { relative, sep } from "node:path";
import { inputsHash, isUpToDate, recordOutput } from "../../cache/fast-path-cache";
import { hasErrors, type Diagnostic } from "../../diagnostics/diagnostic";
import { loadFullPipeline } from "../../lazy";
import { readInputs } from "../../load/read-inputs";
import { fileDiagnostic } from "../../load/source-file";
import { LockTimeoutError } from "../../write/output-lock";
import { LOCK_NAME, readOutputTree } from "../../write/output-tree";
import { foreignConflicts, planOutput, type FileChange } from "../../write/plan-output";
import { unifiedDiff } from "../../write/unified-diff";
import { describeWriteError, ForeignFileError, IncompleteRollbackError, WriteStepError, writeOutput } from "../../write/write-output";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../exit-codes";
import { diagnosticsJson, exitCodeFor, printDiagnostics, summarize, type Output } from "../report";

export interface GenerateCommandOptions {
  readonly config?: string;
  readonly check?: boolean;
  readonly json?: boolean;
  /** `false` with `--no-cache`: no fast path, no cache written. */
  readonly cache?: boolean;
}

/** Lines of diff shown per drifted file: enough to see what changed, bounded for CI logs. */
const DIFF_LINES_PER_FILE = 40;
/** A missing or stale file's diff is the whole file: its first lines say enough. */
const DIFF_LINES_WHOLE_FILE = 8;
/** Lines of diff shown in all: the list of files and the fix stay visible at the end of a CI log. */
const DIFF_LINES_TOTAL = 160;

type Status = "up-to-date" | "written" | "drift" | "invalid" | "conflict" | "error";

export function runGenerate(options: GenerateCommandOptions, output: Output, cwd = process.cwd()): number {
  const inputs = readInputs({ cwd, configPath: options.config });
  const mode = options.check === true ? "check" : "generate";
  const shown = (path: string): string => relative(cwd, path).split(sep).join("/") || ".";
  const fix = `npx sit generate${options.config === undefined ? "" : ` --config ${shellWord(options.config)}`}`;
  const say = (status: Status, message: string, details: Partial<Report> = {}): void =>
    report(output, options, { mode, status, outputName: undefined, changes: [], diagnostics: inputs.diagnostics, message, ...details });

  const { layout, definitionFiles } = inputs;
  const cacheKey =
    options.cache !== false && layout !== undefined && definitionFiles !== undefined && !hasErrors(inputs.diagnostics) ? inputsHash(layout, definitionFiles) : undefined;
  // The fast path: the cache says these exact inputs gave the files in place, and they are intact.
  if (layout !== undefined && cacheKey !== undefined && isUpToDate(layout, cacheKey)) {
    const outputName = shown(layout.outputDir);
    say("up-to-date", `${outputName}/ is up to date`, { outputName });
    return EXIT_OK;
  }

  const { analyze, emitFiles } = loadFullPipeline();
  const analysis = analyze(inputs, { withModel: true });
  if (analysis.model === undefined || layout === undefined) {
    say("invalid", `${summarize(analysis.diagnostics)}; nothing written`, { diagnostics: analysis.diagnostics });
    return exitCodeFor(analysis.diagnostics) === EXIT_OK ? EXIT_FINDINGS : exitCodeFor(analysis.diagnostics);
  }
  const outputDir = layout.outputDir;
  const outputName = shown(outputDir);
  const files = emitFiles(analysis.model);
  const details = { outputName, diagnostics: analysis.diagnostics };
  const remember = (): void => {
    if (cacheKey !== undefined) recordOutput(layout, cacheKey, files);
  };
  const conflict = (paths: readonly string[]): number => {
    const conflicts = paths.map((path) =>
      fileDiagnostic(
        `${outputName}/${path}`,
        0,
        0,
        "error",
        "SIT044",
        "this file has the name of a generated file but not sit's header line, so sit will not overwrite it",
        `move it out of ${outputName}/; if sit generated it and its header line was removed, delete it and run \`${fix}\``,
      ),
    );
    say("conflict", `sit will not overwrite files it did not generate; nothing written`, { ...details, diagnostics: [...analysis.diagnostics, ...conflicts] });
    return EXIT_FINDINGS;
  };

  if (mode === "check") {
    let changes: FileChange[];
    try {
      const tree = readOutputTree(outputDir);
      const foreign = foreignConflicts(
        tree,
        files.map((file) => file.path),
      );
      if (foreign.length > 0) return conflict(foreign);
      changes = planOutput(tree, files);
    } catch (error) {
      say("error", `sit: cannot read ${outputName}/: ${describeWriteError(error)}`, details);
      return EXIT_USAGE;
    }
    if (changes.length === 0) {
      remember();
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

  let changes: FileChange[];
  try {
    changes = writeOutput(outputDir, files, { lockTimeoutMs: lockTimeoutMs() });
  } catch (error) {
    if (error instanceof ForeignFileError) return conflict(error.paths);
    if (error instanceof LockTimeoutError) {
      say("error", `sit: cannot write ${outputName}/: ${error.message}; if no sit is running there, delete ${outputName}/${LOCK_NAME}`, details);
      return EXIT_USAGE;
    }
    const outcome = error instanceof IncompleteRollbackError ? `run \`${fix}\` again once that is fixed` : "the previous output is unchanged";
    // A failed step names its file; anything else failed on the folder as a whole.
    const what = error instanceof WriteStepError ? describeWriteError(error) : `cannot write ${outputName}/: ${describeWriteError(error)}`;
    say("error", `sit: ${what.replaceAll(`${outputDir}${sep}`, `${outputName}/`).replaceAll(outputDir, outputName)}; ${outcome}`, details);
    return EXIT_USAGE;
  }
  remember();
  const unchanged = files.length - changes.filter((change) => change.kind !== "stale").length;
  say("written", `${outputName}/: ${analysis.model.events.length} events; ${describeChanges(changes)}, ${unchanged} unchanged`, { ...details, changes });
  return EXIT_OK;
}

/** How long `generate` waits for another run writing the same folder: SIT_LOCK_TIMEOUT_MS, for CI and tests. */
function lockTimeoutMs(): number | undefined {
  const value = Number(process.env["SIT_LOCK_TIMEOUT_MS"]);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** A path as a shell word, so the printed fix can be pasted as it is. */
const shellWord = (word: string): string => (/^[\w./:@=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

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
  readonly diagnostics: readonly Diagnostic[];
  readonly message: string;
  readonly fix?: string;
}

const KIND_LABELS: Readonly<Record<FileChange["kind"], string>> = {
  new: "missing (would be created)",
  changed: "differs from what sit generates (out of date or edited by hand)",
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
      diagnostics: diagnosticsJson(result.diagnostics),
      message: result.message,
      fix: result.fix ?? null,
    };
    output.out(JSON.stringify(json, null, 2));
    return;
  }
  printDiagnostics(output, result.diagnostics);
  if (drift) {
    for (const change of result.changes) output.err(`${KIND_LABELS[change.kind]}: ${outputName}/${change.path}`);
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
