import { LineIndex, type Diagnostic, type Severity } from "../diagnostics/diagnostic";
import type { DiagnosticCode } from "../diagnostics/codes";

/** A file's text and the name diagnostics use for it, turning offsets into positions on demand. */
export class SourceFile {
  private readonly lines: LineIndex;

  constructor(
    readonly displayPath: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  diagnostic(offset: number, severity: Severity, code: DiagnosticCode, message: string, hint?: string): Diagnostic {
    const { line, column } = this.lines.positionAt(offset);
    return fileDiagnostic(this.displayPath, line, column, severity, code, message, hint);
  }
}

export function fileDiagnostic(
  file: string,
  line: number,
  column: number,
  severity: Severity,
  code: DiagnosticCode,
  message: string,
  hint?: string,
): Diagnostic {
  return hint === undefined ? { file, line, column, severity, code, message } : { file, line, column, severity, code, message, hint };
}
