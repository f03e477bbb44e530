import type { Diagnostic } from "../diagnostics/diagnostic";

/** `path:line:column: severity CODE: message`, then the hint indented on its own line. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.line > 0 ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}` : diagnostic.file;
  const hint = diagnostic.hint === undefined ? "" : `\n  hint: ${diagnostic.hint}`;
  return `${where}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}${hint}`;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  const warnings = diagnostics.length - errors.length;
  const files = new Set(diagnostics.map((diagnostic) => diagnostic.file)).size;
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (diagnostics.length === 0) return "no problems";
  return `${count(errors.length, "error")} and ${count(warnings, "warning")} in ${count(files, "file")}`;
}

export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export function printDiagnostics(output: Output, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) output.err(formatDiagnostic(diagnostic));
}

export const diagnosticsJson = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map(({ file, line, column, severity, code, message, hint }) => ({ file, line, column, severity, code, message, hint: hint ?? null }));
