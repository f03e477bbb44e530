import { diagnosticsJson, type Diagnostic } from "../../diagnostics/diagnostic";
import { validate } from "../../index";
import { exitCodeFor, printDiagnostics, summarize, type Output } from "../../diagnostics/report";

export interface ValidateOptions {
  readonly config?: string;
  readonly strict?: boolean;
  readonly gitlabStrict?: boolean;
  readonly json?: boolean;
}

export function runValidate(files: readonly string[], options: ValidateOptions, output: Output, cwd = process.cwd()): number {
  const result = validate({ cwd, configPath: options.config, gitlabStrict: options.gitlabStrict === true, files });
  const diagnostics: Diagnostic[] = result.diagnostics.map((diagnostic) =>
    options.strict === true && diagnostic.severity === "warning" ? { ...diagnostic, severity: "error" } : diagnostic,
  );
  if (options.json === true) {
    output.out(JSON.stringify({ diagnostics: diagnosticsJson(diagnostics), summary: summarize(diagnostics) }, null, 2));
  } else {
    printDiagnostics(output, diagnostics);
    const count = result.definitionCount;
    output.err(`${summarize(diagnostics)} (${count} definition file${count === 1 ? "" : "s"} checked)`);
  }
  return exitCodeFor(diagnostics);
}
