import { LineIndex, type Diagnostic, type Position, type Severity } from "../diagnostics/diagnostic";
import type { DiagnosticCode } from "../diagnostics/codes";
import type { YamlProblem } from "./yaml";

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

  position(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  /** `path:line:column` of an offset, for hints that point at another place. */
  location(offset: number): string {
    const { line, column } = this.lines.positionAt(offset);
    return `${this.displayPath}:${line}:${column}`;
  }

  /** Diagnostics for the problems the YAML parser found, under `code` or each problem's own code. */
  yamlDiagnostics(problems: readonly YamlProblem[], code?: DiagnosticCode): Diagnostic[] {
    return problems.map((problem) =>
      this.diagnostic(
        problem.offset,
        "error",
        code ?? problem.code,
        problem.message,
        problem.firstOffset === undefined ? problem.hint : `remove one of them; the first is at ${this.location(problem.firstOffset)}`,
      ),
    );
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
