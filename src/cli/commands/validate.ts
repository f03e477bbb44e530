import { hasErrors, type Diagnostic } from "../../diagnostics/diagnostic";
import { analyze, readInputs } from "../../pipeline";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../exit-codes";
import { diagnosticsJson, printDiagnostics, summarize, type Output } from "../report";

export interface ValidateOptions {
  readonly config?: string;
  readonly strict?: boolean;
  readonly gitlabStrict?: boolean;
  readonly json?: boolean;
}

export function runValidate(options: ValidateOptions, output: Output, cwd = process.cwd()): number {
  const pipelineOptions = { cwd, configPath: options.config, gitlabStrict: options.gitlabStrict === true };
  const analysis = analyze(readInputs(pipelineOptions), pipelineOptions, false);
  const diagnostics: Diagnostic[] = analysis.diagnostics.map((diagnostic) =>
    options.strict === true && diagnostic.severity === "warning" ? { ...diagnostic, severity: "error" } : diagnostic,
  );
  if (options.json === true) {
    output.out(JSON.stringify({ diagnostics: diagnosticsJson(diagnostics), summary: summarize(diagnostics) }, null, 2));
  } else {
    printDiagnostics(output, diagnostics);
    const definitionCount = analysis.definitionFiles?.hashes.length ?? 0;
    output.err(`${summarize(diagnostics)} (${definitionCount} definition file${definitionCount === 1 ? "" : "s"} checked)`);
  }
  return exitCodeFor(diagnostics);
}

/** A config file that cannot be found is a usage error (2); every other error is a finding (1). */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): number {
  if (diagnostics.some((diagnostic) => diagnostic.code === "SIT040")) return EXIT_USAGE;
  return hasErrors(diagnostics) ? EXIT_FINDINGS : EXIT_OK;
}
