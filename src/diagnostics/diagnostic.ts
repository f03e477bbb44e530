import type { DiagnosticCode } from "./codes";

export type Severity = "error" | "warning";

/** A problem in the user's input. Exceptions are reserved for bugs. */
export interface Diagnostic {
  /** Path as given to the user: relative to the working directory when possible. */
  readonly file: string;
  /** 1-based; 0 when the problem concerns the whole file or folder. */
  readonly line: number;
  /** 1-based; 0 when the problem concerns the whole file or folder. */
  readonly column: number;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint?: string;
  /** Other files the problem involves (the first definition of a duplicate action), as `file` names them. */
  readonly related?: readonly string[];
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Diagnostics as the `--json` documents list them: every field present, `hint` null when there is none. */
export const diagnosticsJson = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map(({ file, line, column, severity, code, message, hint }) => ({ file, line, column, severity, code, message, hint: hint ?? null }));

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((diagnostic) => diagnostic.severity === "error");

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Computes 1-based line and column of offsets in one text, building the line index once. */
export class LineIndex {
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  positionAt(offset: number): Position {
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1 };
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 10) starts.push(index + 1);
    else if (char === 13 && text.charCodeAt(index + 1) !== 10) starts.push(index + 1);
  }
  return starts;
}
