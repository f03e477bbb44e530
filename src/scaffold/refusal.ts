import type { Diagnostic } from "../diagnostics/diagnostic";

/** A reason to stop, at `where` (`file:line:column`, or a file) when a file is to blame. */
export interface Problem {
  readonly where?: string;
  readonly message: string;
}

/**
 * Why a scaffolding command stops without writing. `findings`: something in the project is in
 * the way (an existing file or action, an invalid result); `usage`: the command, its flags, the
 * config or the environment is wrong.
 */
export interface Refusal {
  readonly refused: true;
  readonly kind: "findings" | "usage";
  readonly problems: readonly Problem[];
  readonly diagnostics: readonly Diagnostic[];
}

export const refuse = (kind: Refusal["kind"], problems: readonly (Problem | string)[], diagnostics: readonly Diagnostic[] = []): Refusal => ({
  refused: true,
  kind,
  problems: problems.map((problem) => (typeof problem === "string" ? { message: problem } : problem)),
  diagnostics,
});

/** The refusal's problems as messages: `where: error: message`, or `sit <command>: message`. */
export const problemLines = (command: string, refusal: Refusal): string[] =>
  refusal.problems.map((problem) => (problem.where === undefined ? `sit ${command}: ${problem.message}` : `${problem.where}: error: ${problem.message}`));
