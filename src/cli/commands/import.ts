import { resolve } from "node:path";
import { planImport, type ImportPlan } from "../../import/import-plan";
import type { ImportSource } from "../../import/import-sources";
import { writeImport } from "../../import/write-import";
import { UndoneWriteError } from "../../write/all-or-nothing";
import { unifiedDiff } from "../../write/unified-diff";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../diagnostics/exit-codes";
import { printDiagnostics, summarize, type Output } from "../../diagnostics/report";

export interface ImportCommandOptions {
  readonly config?: string;
  readonly lossy?: boolean;
  readonly force?: boolean;
  readonly dryRun?: boolean;
}

/**
 * `sit import <source> <path>`: a tracking plan written for another tool becomes definitions (one
 * per event) and the rules the config needs, all or nothing. With --dry-run the files are printed
 * on stdout instead of written.
 */
export function runImport(source: ImportSource, path: string, options: ImportCommandOptions, output: Output, cwd = process.cwd()): number {
  const plan = planImport({ source, path: resolve(cwd, path), cwd, configPath: options.config, lossy: options.lossy === true, force: options.force === true });
  printDiagnostics(output, plan.diagnostics);
  if (!plan.ok) {
    if (plan.message !== undefined) output.err(`sit import: ${plan.message}`);
    else output.err(`${summarize(plan.diagnostics)}; nothing written`);
    return plan.usage ? EXIT_USAGE : EXIT_FINDINGS;
  }
  for (const definition of plan.definitions) {
    if (definition.renamedBecause !== undefined) {
      output.err(`${definition.displayPath}: "${definition.action}" is tracked with ${definition.functionName}() (function_name): ${definition.renamedBecause}`);
    }
  }
  const dryRun = options.dryRun === true;
  if (dryRun) printPlan(output, plan);
  else {
    try {
      writeImport(plan.definitions, plan.config);
    } catch (error) {
      if (!(error instanceof UndoneWriteError)) throw error;
      const outcome = error.leftBehind.length === 0 ? "nothing was changed" : `undoing what was written failed for ${error.leftBehind.join(", ")}`;
      output.err(`sit import: ${error.message}; ${outcome}`);
      return EXIT_USAGE;
    }
  }
  output.err(`${plan.format}: ${summary(plan, dryRun)}`);
  if (!dryRun && plan.definitions.length > 0) output.err("next: npx sit generate");
  return EXIT_OK;
}

/** `wrote 3 events into definitions/ (22 up to date), and set in sit.config.yaml: eventNames: any`. */
function summary(plan: ImportPlan & { ok: true }, dryRun: boolean): string {
  const count = (n: number): string => `${n} event${n === 1 ? "" : "s"}`;
  const folders = [...new Set(plan.definitions.map((definition) => definition.displayPath.slice(0, definition.displayPath.lastIndexOf("/") + 1) || "./"))];
  const written = plan.definitions.length === 0 ? "" : `${dryRun ? "would write" : "wrote"} ${count(plan.definitions.length)} into ${folders.join(", ")}`;
  const unchanged = plan.unchanged.length === 0 ? "" : written === "" ? `${count(plan.unchanged.length)} up to date` : ` (${plan.unchanged.length} up to date)`;
  const { config } = plan;
  const rules =
    config.kind === "unchanged"
      ? ""
      : `, and ${dryRun ? "would " : ""}${config.kind === "create" ? (dryRun ? "create" : "created") : "set in"} ${config.displayPath}${config.kind === "create" ? " with" : ""}: ${config.added.join(", ")}`;
  return `${written}${unchanged}${rules}${dryRun ? "; nothing written (--dry-run)" : ""}`;
}

/** What --dry-run shows: each new definition whole, each replaced file and the config as a diff. */
function printPlan(output: Output, plan: ImportPlan & { ok: true }): void {
  const sections: string[] = [];
  for (const definition of plan.definitions) {
    if (definition.previous === undefined) sections.push(`# ${definition.displayPath} (new)\n${definition.content.replace(/\n$/, "")}`);
    else sections.push(unifiedDiff(definition.displayPath, definition.displayPath, definition.previous.toString("utf8"), definition.content, Number.MAX_SAFE_INTEGER));
  }
  const config = plan.config;
  if (config.kind === "create") sections.push(`# ${config.displayPath} (new)\n${config.after.replace(/\n$/, "")}`);
  if (config.kind === "edit") sections.push(unifiedDiff(config.displayPath, config.displayPath, config.before!, config.after, Number.MAX_SAFE_INTEGER));
  output.out(sections.join("\n\n"));
}
