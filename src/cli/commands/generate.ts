import { sep } from "node:path";
import { inputsHash, isUpToDate, recordOutput } from "../../cache/fast-path-cache";
import { diagnosticsJson, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic";
import { loadPipeline } from "../../lazy";
import { readInputs } from "../../pipeline/read-inputs";
import { fileDiagnostic } from "../../load/source-file";
import { shellWord } from "../../text/shell-word";
import { DEFAULT_LOCK_TIMEOUT_MS, describeHolder, LockTimeoutError, UnusableLockError, type LockHolder } from "../../write/output-lock";
import { LOCK_NAME, readOutputTree } from "../../write/output-tree";
import type { GeneratedFile } from "../../write/ownership-header";
import { foreignConflicts, planOutput, type FileChange } from "../../write/plan-output";
import { unifiedDiff } from "../../write/unified-diff";
import type { WatchOptions } from "../../watch/generate-runs";
import { describeWriteError, ForeignFileError, IncompleteRollbackError, WriteStepError, writeOutput } from "../../write/write-output";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../diagnostics/exit-codes";
import { exitCodeFor, printDiagnostics, summarize, type Output } from "../../diagnostics/report";
import { displayPath } from "../../files/display-path";

/** `sit generate`'s options: those `--watch` takes too, and `--check`. */
export interface GenerateCommandOptions extends WatchOptions {
  readonly check?: boolean | undefined;
  readonly watch?: boolean | undefined;
}

/** Lines of diff shown per drifted file: enough to see what changed, bounded for CI logs. */
const DIFF_LINES_PER_FILE = 40;
/** A missing or stale file's diff is the whole file: its first lines say enough. */
const DIFF_LINES_WHOLE_FILE = 8;
/** Lines of diff shown in all: the list of files and the fix stay visible at the end of a CI log. */
const DIFF_LINES_TOTAL = 160;

export type Status = "up-to-date" | "written" | "drift" | "invalid" | "conflict" | "error";

export function runGenerate(options: GenerateCommandOptions, output: Output, cwd = process.cwd()): number {
  const inputs = readInputs({ cwd, configPath: options.config });
  const mode = options.check === true ? "check" : "generate";
  const reporter = new GenerateReporter(options, output, cwd, mode);

  const { layout, definitionFiles } = inputs;
  const cacheKey =
    options.cache !== false && layout !== undefined && definitionFiles !== undefined && !hasErrors(inputs.diagnostics) ? inputsHash(layout, definitionFiles) : undefined;
  // The fast path: the cache says these exact inputs gave the files in place, and they are intact.
  if (layout !== undefined && cacheKey !== undefined && isUpToDate(layout, cacheKey)) {
    const outputName = reporter.shown(layout.outputDir);
    reporter.say("up-to-date", `${outputName}/ is up to date`, { outputName, diagnostics: inputs.diagnostics });
    return EXIT_OK;
  }

  const analysis = loadPipeline().runPipeline(inputs, { until: "files" });
  if (analysis.model === undefined || analysis.files === undefined || layout === undefined) return reporter.invalid(analysis.diagnostics);
  const { files } = analysis;
  const remember = (): void => {
    if (cacheKey !== undefined) recordOutput(layout, cacheKey, files);
  };
  if (mode === "generate") {
    const code = reporter.write(layout.outputDir, files, analysis.diagnostics, analysis.model.events.length);
    if (code === EXIT_OK) remember();
    return code;
  }

  const outputDir = layout.outputDir;
  const outputName = reporter.shown(outputDir);
  const details = { outputName, diagnostics: analysis.diagnostics };
  let changes: FileChange[];
  try {
    const tree = readOutputTree(outputDir);
    const foreign = foreignConflicts(
      tree,
      files.map((file) => file.path),
    );
    if (foreign.length > 0) return reporter.conflict(outputName, analysis.diagnostics, foreign);
    changes = planOutput(tree, files);
  } catch (error) {
    reporter.say("error", `sit: cannot read ${outputName}/: ${describeWriteError(error)}`, details);
    return EXIT_USAGE;
  }
  if (changes.length === 0) {
    remember();
    reporter.say("up-to-date", `${outputName}/ is up to date`, details);
    return EXIT_OK;
  }
  const count = `${changes.length} file${changes.length === 1 ? "" : "s"}`;
  reporter.say("drift", `${outputName}/ is out of date with the definitions: ${count} differ${changes.length === 1 ? "s" : ""}`, {
    ...details,
    changes,
    fix: `run \`${reporter.fix}\` and commit ${outputName}/`,
  });
  return EXIT_FINDINGS;
}

/**
 * How a run of `generate` names paths, writes the output and reports the outcome: as text on
 * stderr, or as JSON on stdout. `generate --watch` reports each of its runs through it too, with
 * one JSON object per line.
 */
export class GenerateReporter {
  /** The command that regenerates, as the user would type it. */
  readonly fix: string;

  constructor(
    private readonly options: GenerateCommandOptions,
    private readonly output: Output,
    private readonly cwd: string,
    private readonly mode: "generate" | "check",
    /** One JSON object per line (`--watch --json`) instead of one indented object. */
    private readonly jsonLines = false,
  ) {
    this.fix = `npx sit generate${options.config === undefined ? "" : ` --config ${shellWord(options.config)}`}`;
  }

  /** A path as the user sees it: relative to the working directory, `/`-separated. */
  shown(path: string): string {
    return displayPath(path, this.cwd);
  }

  say(status: Status, message: string, details: Partial<Report> = {}): void {
    report(this.output, this.options, { mode: this.mode, status, outputName: undefined, changes: [], diagnostics: [], message, ...details }, this.jsonLines);
  }

  /** Definitions or config with errors: nothing is written. */
  invalid(diagnostics: readonly Diagnostic[]): number {
    this.say("invalid", `${summarize(diagnostics)}; nothing written`, { diagnostics });
    return exitCodeFor(diagnostics) === EXIT_OK ? EXIT_FINDINGS : exitCodeFor(diagnostics);
  }

  conflict(outputName: string, diagnostics: readonly Diagnostic[], paths: readonly string[]): number {
    const conflicts = paths.map((path) =>
      fileDiagnostic(
        `${outputName}/${path}`,
        0,
        0,
        "error",
        "SIT044",
        "this file has the name of a generated file but not sit's header line, so sit will not overwrite it",
        `move it out of ${outputName}/; if sit generated it and its header line was removed, delete it and run \`${this.fix}\``,
      ),
    );
    this.say("conflict", `sit will not overwrite files it did not generate; nothing written`, { outputName, diagnostics: [...diagnostics, ...conflicts] });
    return EXIT_FINDINGS;
  }

  /**
   * Makes the output folder hold `files` (atomically, under its lock) and reports what changed, or
   * why nothing could be written; `note`, asked once the files are written, ends the summary line.
   * Returns the exit code.
   */
  write(outputDir: string, files: readonly GeneratedFile[], diagnostics: readonly Diagnostic[], eventCount: number, note = (): string => ""): number {
    const outputName = this.shown(outputDir);
    const details = { outputName, diagnostics };
    let changes: FileChange[];
    try {
      const timeoutMs = lockTimeoutMs() ?? DEFAULT_LOCK_TIMEOUT_MS;
      const onLockWait = (holder: LockHolder | undefined): void =>
        this.output.err(`sit: ${outputName}/ is locked by ${describeHolder(holder)}; waiting up to ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`);
      changes = writeOutput(outputDir, files, { lockTimeoutMs: timeoutMs, onLockWait });
    } catch (error) {
      if (error instanceof ForeignFileError) return this.conflict(outputName, diagnostics, error.paths);
      if (error instanceof LockTimeoutError) {
        this.say("error", `sit: cannot write ${outputName}/: ${error.message}; if no sit is running there, delete ${outputName}/${LOCK_NAME}`, details);
        return EXIT_USAGE;
      }
      if (error instanceof UnusableLockError) {
        this.say("error", `sit: cannot write ${outputName}/: ${outputName}/${LOCK_NAME} ${error.problem}, not a lock sit wrote; sit deletes only what it wrote: delete it if no one is using it`, details);
        return EXIT_USAGE;
      }
      const outcome = error instanceof IncompleteRollbackError ? `run \`${this.fix}\` again once that is fixed` : "the previous output is unchanged";
      // A failed step names its file; anything else failed on the folder as a whole.
      const what = error instanceof WriteStepError ? describeWriteError(error) : `cannot write ${outputName}/: ${describeWriteError(error)}`;
      this.say("error", `sit: ${what.replaceAll(`${outputDir}${sep}`, `${outputName}/`).replaceAll(outputDir, outputName)}; ${outcome}`, details);
      return EXIT_USAGE;
    }
    const unchanged = files.length - changes.filter((change) => change.kind !== "stale").length;
    this.say("written", `${outputName}/: ${eventCount} event${eventCount === 1 ? "" : "s"}; ${describeChanges(changes)}, ${unchanged} unchanged${note()}`, { ...details, changes });
    return EXIT_OK;
  }
}

/** How long `generate` waits for another run writing the same folder: SIT_LOCK_TIMEOUT_MS, for CI and tests. */
function lockTimeoutMs(): number | undefined {
  const setting = process.env["SIT_LOCK_TIMEOUT_MS"];
  const value = setting === undefined || setting.trim() === "" ? Number.NaN : Number(setting);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
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

function report(output: Output, options: GenerateCommandOptions, result: Report, jsonLines: boolean): void {
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
    output.out(jsonLines ? JSON.stringify(json) : JSON.stringify(json, null, 2));
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
