import { compareDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic";
import { compareDefinitions } from "../../governance/compare-definitions";
import { isUsageProblem, loadCurrentConfig } from "../../governance/current-project";
import { readWorkingTreeFiles, snapshotOf } from "../../governance/definition-snapshot";
import { formatDiff, formatDiffFailureJson, summaryOf, type DiffFormat } from "../../governance/format-diff";
import { readRevisionDefinitions } from "../../governance/read-revision";
import { declaredIdentifiers } from "../../governance/revision-config";
import { isRecord, toPlainValue } from "../../load/yaml-tree";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../diagnostics/exit-codes";
import { printDiagnostics, summarize, type Output } from "../../diagnostics/report";

export interface DiffCommandOptions {
  readonly config?: string;
  readonly format?: DiffFormat;
  /** Same as `format: "json"`. */
  readonly json?: boolean;
  readonly allowBreaking?: boolean;
}

/**
 * `sit diff <ref>`: the definitions at `ref` (read through git, with the config found there)
 * against the working tree. Exit 1 on breaking changes (unless allowed) or invalid definitions
 * on either side, 2 when the revision or the repository cannot be read.
 */
export function runDiff(ref: string, options: DiffCommandOptions, output: Output, cwd = process.cwd()): number {
  const format: DiffFormat = options.json === true ? "json" : (options.format ?? "text");
  const fail = (diagnostics: readonly Diagnostic[], commit?: string): number => {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").sort(compareDiagnostics);
    if (format === "json") output.out(formatDiffFailureJson(ref, commit, errors));
    else printDiagnostics(output, errors);
    output.err(`sit diff: ${summarize(errors)}; nothing compared (\`sit validate\` lists every problem in the working tree)`);
    return errors.some(isUsageProblem) ? EXIT_USAGE : EXIT_FINDINGS;
  };

  const { config, source, diagnostics } = loadCurrentConfig(cwd, options.config);
  if (config === undefined) return fail(diagnostics);
  const root = source?.origin === undefined ? undefined : toPlainValue(source.origin.root);

  const revision = readRevisionDefinitions({ ref, rootDir: config.rootDir, configFile: config.configFile, definitionsDir: config.definitionsDir });
  if (!revision.ok) {
    output.err(`sit diff: ${revision.message}${revision.hint === undefined ? "" : `\n  hint: ${revision.hint}`}`);
    return EXIT_USAGE;
  }
  const working = readWorkingTreeFiles(config.definitionsDir, config.rootDir, cwd);
  const base = snapshotOf(revision.value.files, revision.value.vocabulary);
  const head = snapshotOf(working.files, config.vocabulary);
  const problems = [...revision.value.diagnostics, ...base.diagnostics, ...working.diagnostics, ...head.diagnostics];
  if (problems.some((diagnostic) => diagnostic.severity === "error")) return fail(problems, revision.value.commit);

  const changes = compareDefinitions({
    base: base.definitions,
    head: head.definitions,
    baseDefaultProcessors: revision.value.defaultProcessors,
    headDefaultProcessors: config.defaultProcessors,
    baseIdentifiers: revision.value.identifiers,
    headIdentifiers: declaredIdentifiers(isRecord(root) ? root["identifiers"] : undefined, config.vocabulary),
  });
  output.out(formatDiff({ ref, commit: revision.value.commit, changes }, format));
  const breaking = changes.filter((change) => change.breaking).length;
  if (breaking === 0) return EXIT_OK;
  if (options.allowBreaking === true) {
    if (format !== "json") output.err(`sit diff: ${summaryOf(changes)}; breaking changes allowed (--allow-breaking)`);
    return EXIT_OK;
  }
  output.err(`sit diff: ${summaryOf(changes)}; failing on breaking changes (pass --allow-breaking once they are intended and announced)`);
  return EXIT_FINDINGS;
}
