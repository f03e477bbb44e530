import { EXIT_CANCELLED, EXIT_USAGE } from "../diagnostics/exit-codes";
import type { Output } from "../diagnostics/report";

/** Prompts need a person at a terminal: input to read keys from, output to draw on. */
export const isInteractiveTerminal = (): boolean => process.stdin.isTTY === true && process.stdout.isTTY === true;

/**
 * Asks in the terminal, then hands the answers to `use`, which returns the exit code. Ctrl-C at a
 * question ends the command with nothing written and exit 130.
 */
export async function afterAsking<Answers>(command: string, output: Output, ask: () => Promise<Answers>, use: (answers: Answers) => number): Promise<number> {
  let answers: Answers;
  try {
    answers = await ask();
  } catch (error) {
    if (error instanceof Error && error.name === "ExitPromptError") {
      output.err(`sit ${command}: cancelled; nothing written`);
      return EXIT_CANCELLED;
    }
    return internalError(output, error);
  }
  try {
    return use(answers);
  } catch (error) {
    return internalError(output, error);
  }
}

/** main() cannot catch what fails after it has returned, so this is its report of a bug. */
function internalError(output: Output, error: unknown): number {
  output.err(`sit: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in sit. Please report it with the command you ran.`);
  return EXIT_USAGE;
}
