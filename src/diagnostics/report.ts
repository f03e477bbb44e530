import { hasErrors, type Diagnostic } from "./diagnostic";
import { terminalSafe, terminalSafeLines } from "../text/terminal-text";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "./exit-codes";

/**
 * `path:line:column: severity CODE: message`, then the hint indented on its own line. Every piece
 * is terminal-safe: a file name or a key holding a newline or an escape sequence cannot forge a
 * line of its own or drive the terminal.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const file = terminalSafe(diagnostic.file);
  const where = diagnostic.line > 0 ? `${file}:${diagnostic.line}:${diagnostic.column}` : file;
  const hint = diagnostic.hint === undefined ? "" : `\n  hint: ${terminalSafe(diagnostic.hint)}`;
  return `${where}: ${diagnostic.severity} ${diagnostic.code}: ${terminalSafe(diagnostic.message)}${hint}`;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  const warnings = diagnostics.length - errors.length;
  const files = new Set(diagnostics.map((diagnostic) => diagnostic.file)).size;
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (diagnostics.length === 0) return "no problems";
  return `${count(errors.length, "error")} and ${count(warnings, "warning")} in ${count(files, "file")}`;
}

/** No config to be found (SIT040, SIT043) is a usage error (2); every other error is a finding (1). */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): number {
  if (diagnostics.some((diagnostic) => diagnostic.code === "SIT040" || diagnostic.code === "SIT043")) return EXIT_USAGE;
  return hasErrors(diagnostics) ? EXIT_FINDINGS : EXIT_OK;
}

export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/**
 * `output` with every line made terminal-safe: whatever a command prints (a path, a glob, a ref,
 * a message of git or TypeScript) can neither drive the terminal nor hide or reorder text. JSON
 * stays JSON: what is escaped can only stand inside its strings, where the escape means the same.
 */
export const terminalSafeOutput = (output: Output): Output => ({
  out: (text) => output.out(terminalSafeLines(text)),
  err: (text) => output.err(terminalSafeLines(text)),
});

export function printDiagnostics(output: Output, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) output.err(formatDiagnostic(diagnostic));
}
