import { GenerateRuns, type WatchOptions } from "../../watch/generate-runs";
import { WatchSession } from "../../watch/watch-session";
import { EXIT_OK } from "../../diagnostics/exit-codes";
import type { Output } from "../../diagnostics/report";
import { GenerateReporter } from "./generate";

/**
 * `sit generate --watch`: runs until Ctrl-C (SIGINT) or SIGTERM, which end it with exit code 0
 * between two runs (a run never stops half-way, so no temporary file or lock is left behind).
 * Returns the exit code at once when there is nothing to watch, else a promise of it.
 */
export function runWatch(options: WatchOptions, output: Output, cwd = process.cwd()): number | Promise<number> {
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const end = (code: number): void => {
    session.close();
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    finish(code);
  };
  const interrupted = (): void => end(EXIT_OK);
  const reporter = new GenerateReporter({ ...options, check: false }, output, cwd, "generate", options.json === true);
  const session = new WatchSession({ config: options.config, announce: options.json !== true }, new GenerateRuns(options, reporter), output, cwd, end);
  // Listening before the first run: a Ctrl-C during it takes effect once it is complete.
  process.on("SIGINT", interrupted);
  process.on("SIGTERM", interrupted);
  const code = session.start();
  if (code === undefined) return finished;
  end(code);
  return code;
}
