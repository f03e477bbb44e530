import { inputsHash, recordOutput } from "../cache/fast-path-cache";
import { EXIT_OK } from "../diagnostics/exit-codes";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { GeneratedFile } from "../write/ownership-header";
import { IdleTask } from "./idle-task";
import type { ProjectRuns } from "./watch-session";
import type { ConfigView, DefinitionChanges, WatchedProject } from "./watched-project";

/** How long after a run the fast path's cache is written, unless another run comes first. */
const CACHE_DELAY_MS = 1000;

/** The options of `sit generate` that `--watch` takes: declared once, here; generate's extend them. */
export interface WatchOptions {
  readonly config?: string | undefined;
  readonly json?: boolean | undefined;
  /** `false` with `--no-cache`: no fast path, no cache written. */
  readonly cache?: boolean | undefined;
}

/** How each run writes and reports, as `sit generate` does (its GenerateReporter). */
export interface RunReporter {
  /** Reports definitions or a config with errors; returns the exit code. */
  invalid(diagnostics: readonly Diagnostic[]): number;
  /** Writes the files atomically and reports what changed; `note` ends the summary. Returns the exit code. */
  write(outputDir: string, files: readonly GeneratedFile[], diagnostics: readonly Diagnostic[], eventCount: number, note: () => string): number;
  /** A path as the user sees it. */
  shown(path: string): string;
}

/**
 * The runs of `sit generate --watch`: each writes through the same atomic, locked writer as
 * `generate` and reports as `generate` does; invalid definitions are reported and nothing is written.
 */
export class GenerateRuns implements ProjectRuns {
  /** The fast path's cache is written once the changes pause, off the time from a save to the SDK. */
  private readonly cacheRecord = new IdleTask(CACHE_DELAY_MS);
  /** The last write failed: the next change tries again even when it changes nothing. */
  private writeFailed = false;

  constructor(
    private readonly options: WatchOptions,
    private readonly reporter: RunReporter,
  ) {}

  /** One run; returns its exit code as `generate` would (unchanged: 0). */
  run(project: WatchedProject, changes: DefinitionChanges, config: ConfigView, first: boolean): number {
    const started = performance.now();
    const result = project.regenerate(changes, { force: this.writeFailed });
    if (result.kind === "unchanged") return EXIT_OK;
    if (result.kind === "invalid") {
      this.writeFailed = false;
      return this.reporter.invalid(result.diagnostics);
    }
    const note = (): string => (first ? "" : ` (${describeTrigger(config, result)}; ${Math.round(performance.now() - started)} ms)`);
    this.cacheRecord.cancel();
    const code = this.reporter.write(result.layout.outputDir, result.files, result.diagnostics, result.eventCount, note);
    this.writeFailed = code !== EXIT_OK;
    if (code === EXIT_OK && this.options.cache !== false) {
      const { layout, files } = result;
      const definitions = project.definitionFiles();
      this.cacheRecord.schedule(() => recordOutput(layout, inputsHash(layout, definitions), files));
    }
    return code;
  }

  close(): void {
    this.cacheRecord.runNow();
  }

  shown(path: string): string {
    return this.reporter.shown(path);
  }
}

/** What made a run: the config, one definition, several, or the folder. */
export function describeTrigger(config: ConfigView, result: { readonly changedFiles: readonly string[] }): string {
  if (config.reloaded) return "config changed";
  const changed = result.changedFiles;
  if (changed.length === 0) return "the definitions folder changed";
  return changed.length === 1 ? `${changed[0]} changed` : `${changed.length} definitions changed`;
}
