import { relative, sep } from "node:path";
import { EXIT_FINDINGS, EXIT_OK } from "../cli/exit-codes";
import { exitCodeFor, printDiagnostics, summarize, type Output } from "../cli/report";
import { eventCount } from "../processors/event-count";
import { describeTrigger } from "../watch/generate-runs";
import type { ProjectRuns } from "../watch/watch-session";
import type { ConfigView, DefinitionChanges, WatchedProject } from "../watch/watched-project";
import { InspectionRules } from "./inspection-rules";

/**
 * The runs of `sit inspect` over the watched project: each change of the definitions or the config
 * gives new rules, which events are checked against from then on. Definitions with errors are
 * reported, and the rules of the last valid ones stay.
 */
export class InspectRuns implements ProjectRuns {
  /** The rules of the last valid definitions; `undefined` until there were some. */
  rules: InspectionRules | undefined;
  /** The exit code of the last run that changed something, as `generate` would give it. */
  lastCode = EXIT_OK;
  /** Hears of each new set of rules. */
  onRules: (rules: InspectionRules) => void = () => undefined;

  constructor(
    private readonly output: Output,
    private readonly cwd: string,
  ) {}

  run(project: WatchedProject, changes: DefinitionChanges, config: ConfigView, first: boolean): number {
    const result = project.update(changes);
    if (result.kind === "unchanged") return EXIT_OK;
    printDiagnostics(this.output, result.diagnostics);
    if (result.kind === "invalid") {
      const still = this.rules === undefined ? "" : "; events are still checked against the definitions as they were before";
      this.output.err(`${summarize(result.diagnostics)}${still}`);
      const code = exitCodeFor(result.diagnostics);
      this.lastCode = code === EXIT_OK ? EXIT_FINDINGS : code;
      return this.lastCode;
    }
    this.lastCode = EXIT_OK;
    this.rules = new InspectionRules(result.model);
    this.onRules(this.rules);
    if (!first) this.output.err(`Definitions reloaded (${describeTrigger(config, result)}): ${eventCount(this.rules.eventCount)}.`);
    return EXIT_OK;
  }

  close(): void {}

  shown(path: string): string {
    return relative(this.cwd, path).split(sep).join("/") || ".";
  }
}
