import { DEFAULT_INSPECT_HOST, DEFAULT_INSPECT_PORT, DEFAULT_MAX_EVENTS } from "../../inspect/inspect-defaults";
import { Inspector } from "../../inspect/inspector";
import { InspectionRules } from "../../inspect/inspection-rules";
import { isLoopbackName, startInspectServer, type InspectServer } from "../../inspect/inspect-server";
import { LiveOutput } from "../../inspect/terminal-table";
import { eventCount } from "../../text/event-count";
import { describeTrigger } from "../../watch/generate-runs";
import { WatchSession, type ProjectRuns } from "../../watch/watch-session";
import type { ConfigView, DefinitionChanges, WatchedProject } from "../../watch/watched-project";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../diagnostics/exit-codes";
import { exitCodeFor, printDiagnostics, summarize, type Output } from "../../diagnostics/report";
import { displayPath } from "../../files/display-path";

export interface InspectCommandOptions {
  readonly config?: string | undefined;
  readonly port?: number | undefined;
  readonly host?: string | undefined;
  readonly json?: boolean | undefined;
  readonly failOnBad?: boolean | undefined;
  readonly maxEvents?: number | undefined;
}

/**
 * `sit inspect`: checks the definitions, starts the collector and prints its address on the first
 * line of stdout, then the live table (or JSON lines); reloads the definitions when they change.
 * Runs until Ctrl-C (SIGINT) or SIGTERM, then prints a summary and ends with 0, or 1 with
 * `--fail-on-bad` when a bad event arrived. Returns at once, with the exit code, when it cannot
 * start (invalid definitions, a port in use), else a promise of it.
 */
export function runInspect(options: InspectCommandOptions, output: Output, cwd = process.cwd()): number | Promise<number> {
  let server: InspectServer | undefined;
  let inspector: Inspector | undefined;
  let stopping = false;
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const end = (code: number): void => {
    if (stopping) return;
    stopping = true;
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    session.close();
    const closing = server?.close() ?? Promise.resolve();
    void closing.then(() => finish(inspector === undefined ? code : reportTotals(inspector, output, options, code)));
  };
  const interrupted = (): void => end(EXIT_OK);
  // Listening before the first run: a Ctrl-C during start-up ends it cleanly too.
  process.on("SIGINT", interrupted);
  process.on("SIGTERM", interrupted);

  const runs = new InspectRuns(output, cwd);
  const session = new WatchSession({ config: options.config, announce: false }, runs, output, cwd, end);
  const early = session.start();
  const rules = runs.rules;
  if (early !== undefined || rules === undefined) {
    const code = early ?? runs.lastCode;
    end(code);
    if (early === undefined) output.err("sit inspect checks events against valid definitions: fix the errors above, then start it again.");
    return code;
  }

  const host = options.host ?? DEFAULT_INSPECT_HOST;
  const started = new Inspector(rules, options.maxEvents ?? DEFAULT_MAX_EVENTS);
  runs.onRules = (next) => started.setRules(next);
  const live = new LiveOutput((text) => output.out(text), options.json === true);
  startInspectServer(started, { host, port: options.port ?? DEFAULT_INSPECT_PORT }).then(
    (listening) => {
      server = listening;
      inspector = started;
      if (stopping) {
        void listening.close();
        return;
      }
      output.out(listening.url);
      live.start();
      started.listen(live);
      if (!isLoopbackName(host)) output.err(`warning: listening on ${host}, not only on this machine: whoever reaches this address can send events and read those received.`);
      output.err(`Checking events against ${eventCount(rules.eventCount)} of ${session.watchedNames()}, reloaded when they change; the page is at ${listening.url}/. Press Ctrl-C to stop.`);
    },
    (error: NodeJS.ErrnoException) => {
      output.err(`sit: cannot listen on ${host}:${options.port ?? DEFAULT_INSPECT_PORT}: ${listenProblem(error)}`);
      end(EXIT_USAGE);
    },
  );
  return finished;
}

/** The totals since the start, and the exit code they make with `--fail-on-bad`. */
function reportTotals(inspector: Inspector, output: Output, options: InspectCommandOptions, code: number): number {
  const { received, good, bad } = inspector.totals();
  output.err(`sit inspect: ${eventCount(received)} received, ${good} good, ${bad} bad.`);
  if (code !== EXIT_OK || options.failOnBad !== true || bad === 0) return code;
  output.err(`Exit code 1 (--fail-on-bad): ${bad === 1 ? "an event was" : `${bad} events were`} bad.`);
  return EXIT_FINDINGS;
}

function listenProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "EADDRINUSE":
      return "the port is in use (by another sit inspect?): pick another with --port, or --port 0 for a free one";
    case "EADDRNOTAVAIL":
      return "this machine has no such address (--host)";
    case "EACCES":
      return "not allowed to listen there (ports under 1024 need privileges)";
    default:
      return error.message;
  }
}

/**
 * The runs of `sit inspect` over the watched project: each change of the definitions or the config
 * gives new rules, which events are checked against from then on. Definitions with errors are
 * reported, and the rules of the last valid ones stay.
 */
class InspectRuns implements ProjectRuns {
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
    return displayPath(path, this.cwd);
  }
}
