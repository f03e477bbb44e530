import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { compareDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic";
import { isUsageProblem, loadCurrentConfig } from "../../governance/current-project";
import { readWorkingTreeFiles, snapshotOf } from "../../governance/definition-snapshot";
import { formatUsage, summaryOf, type UsageFormat } from "../../governance/format-usage";
import { scanUsage } from "../../governance/scan-usage";
import { buildUsageReport, type DefinedEvent } from "../../governance/usage-report";
import { displayPath } from "../../files/display-path";
import { generatedNamesOf } from "../../naming/generated-names";
import { terminalSafe } from "../../text/terminal-text";
import type { Vocabulary } from "../../validate/vocabulary";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../diagnostics/exit-codes";
import { printDiagnostics, summarize, type Output } from "../../diagnostics/report";

export interface UsageCommandOptions {
  readonly config?: string;
  /** The tsconfig.json whose module resolution applies; default: tsconfig.json in the config's folder, if any. */
  readonly tsconfig?: string;
  readonly failOnUnused?: boolean;
  readonly format?: UsageFormat;
  /** Same as `format: "json"`. */
  readonly json?: boolean;
}

/** Scanned when no glob is given, relative to the config's folder. */
export const DEFAULT_USAGE_GLOBS: readonly string[] = ["src/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"];

/**
 * `sit usage [globs...]`: which events the application tracks. Exit 1 on calls to removed or
 * deleted events, on an SDK older than the definitions, or (with --fail-on-unused) on events
 * nothing tracks; 2 when it cannot scan as asked (no SDK, a tsconfig.json it cannot follow, a
 * glob leading out of the project).
 */
export function runUsage(globs: readonly string[], options: UsageCommandOptions, output: Output, cwd = process.cwd()): number {
  const format: UsageFormat = options.json === true ? "json" : (options.format ?? "text");
  const { config, diagnostics } = loadCurrentConfig(cwd, options.config);
  const defined = config === undefined ? undefined : definedEvents(config.definitionsDir, config.rootDir, cwd, config.vocabulary);
  const errors = [...diagnostics, ...(defined?.diagnostics ?? [])].filter((diagnostic) => diagnostic.severity === "error").sort(compareDiagnostics);
  if (config === undefined || defined === undefined || errors.length > 0) {
    printDiagnostics(output, errors);
    output.err(`sit usage: ${summarize(errors)}; nothing scanned`);
    return errors.some(isUsageProblem) ? EXIT_USAGE : EXIT_FINDINGS;
  }
  const { events } = defined;

  const shown = (path: string): string => displayPath(path, cwd);
  const printed = (path: string): string => terminalSafe(shown(path));
  const sdkEntry = join(config.outputDir, "index.ts");
  if (!existsSync(sdkEntry)) {
    output.err(`sit usage: ${printed(sdkEntry)} not found: run \`npx sit generate\` first`);
    return EXIT_USAGE;
  }
  const tsconfigPath = options.tsconfig === undefined ? join(config.rootDir, "tsconfig.json") : resolve(cwd, options.tsconfig);
  if (options.tsconfig !== undefined && !existsSync(tsconfigPath)) {
    output.err(`sit usage: ${printed(tsconfigPath)} not found (--tsconfig)`);
    return EXIT_USAGE;
  }

  const patterns = globs.length === 0 ? DEFAULT_USAGE_GLOBS : globs;
  const { scan, diagnostics: scanDiagnostics } = scanUsage({
    rootDir: config.rootDir,
    globs: patterns,
    tsconfigPath: existsSync(tsconfigPath) ? tsconfigPath : undefined,
    sdkEntry,
    outputDir: config.outputDir,
    functions: new Map(events.map((event) => [event.functionName, event.event])),
    shown,
  });
  const problems = [...scanDiagnostics].sort(compareDiagnostics);
  // A tsconfig.json that cannot be followed, or globs and links leading out of the project: nothing is scanned.
  if (scan === undefined) {
    printDiagnostics(output, problems);
    output.err(`sit usage: ${summarize(problems)}; nothing scanned`);
    return EXIT_USAGE;
  }
  if (scan.fileCount === 0 && problems.length === 0) {
    output.err(`sit usage: no source file matches ${patterns.map(terminalSafe).join(" ")} in ${terminalSafe(relative(cwd, config.rootDir) || ".")}`);
    return EXIT_USAGE;
  }

  const report = buildUsageReport(events, scan, shown);
  if (format !== "json") printDiagnostics(output, problems);
  output.out(formatUsage(report, format, problems));
  const failures = [
    ...(report.removedCalls.length > 0 ? ["calls to removed events"] : []),
    ...(report.deletedCalls.length > 0 ? ["calls to deleted events"] : []),
    ...(report.notGenerated.length > 0 ? ["the SDK is older than the definitions"] : []),
    ...(options.failOnUnused === true && report.unused.length > 0 ? ["events never tracked (--fail-on-unused)"] : []),
  ];
  if (failures.length === 0) return EXIT_OK;
  if (format === "json") output.err(`sit usage: ${summaryOf(report)}`);
  output.err(`sit usage: failing on ${failures.join(", ")}`);
  return EXIT_FINDINGS;
}

/** The internal events defined in the working tree; the definitions themselves are not kept (the scan needs the memory). */
function definedEvents(definitionsDir: string, rootDir: string, cwd: string, vocabulary: Vocabulary): { events: DefinedEvent[]; diagnostics: Diagnostic[] } {
  const working = readWorkingTreeFiles(definitionsDir, rootDir, cwd);
  const snapshot = snapshotOf(working.files, vocabulary);
  const events = snapshot.definitions
    .filter((definition) => definition.internal)
    .map((definition) => ({
      event: definition.data.action,
      functionName: generatedNamesOf(definition.data).functionName,
      status: definition.data.status ?? "active",
      file: definition.projectPath,
    }));
  return { events, diagnostics: [...working.diagnostics, ...snapshot.diagnostics] };
}
