import type { DefinitionFields } from "../../scaffold/definition-fields";
import type { FieldFlags } from "../../scaffold/field-flags";
import {
  fieldsToAsk,
  fieldsWithoutAsking,
  newProductGroupWarning,
  planNewDefinition,
  writeNewDefinition,
  templateWrites,
  type NewDefinitionPlan,
} from "../../scaffold/new-definition";
import { problemLines, type Refusal } from "../../scaffold/refusal";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../diagnostics/exit-codes";
import { printDiagnostics, type Output } from "../../diagnostics/report";
import { afterAsking, isInteractiveTerminal } from "../terminal";

export interface NewCommandOptions extends FieldFlags {
  readonly config?: string;
  /** Never ask: fields without a flag take their defaults. */
  readonly yes?: boolean;
}

/**
 * `sit new <action>`: writes `<definitions>/<action>.yml` (or the file of the action's words) from
 * the template. Returns the exit code, or a promise of it when it asks in the terminal for fields
 * the flags leave out.
 */
export function runNew(
  action: string,
  options: NewCommandOptions,
  output: Output,
  cwd = process.cwd(),
  terminal = isInteractiveTerminal(),
): number | Promise<number> {
  const plan = planNewDefinition({ cwd, configPath: options.config, action, flags: options });
  if (plan.refused) return reportRefusal(output, plan);
  for (const warning of plan.warnings) output.err(`sit new: warning: ${warning}`);
  if (plan.given.productGroup !== undefined) warnAboutNewGroup(output, plan, plan.given.productGroup);

  if (terminal && options.yes !== true && fieldsToAsk(plan).size > 0) return askThenWrite(plan, output, options);
  const { fields, missing } = fieldsWithoutAsking(plan);
  if (missing.length > 0) {
    const why = options.yes === true ? "with --yes" : "when sit new cannot ask (it is not run in a terminal)";
    output.err(`sit new: ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} required ${why}`);
    if (missing.includes("--function-name")) output.err(`sit new: --function-name names the event's function, because ${plan.functionNameNeed}`);
    return EXIT_USAGE;
  }
  if (plan.given.productGroup === undefined && fields.productGroup !== undefined && templateWrites(plan, "productGroup")) warnAboutNewGroup(output, plan, fields.productGroup);
  return write(plan, fields, output, options);
}

function askThenWrite(plan: NewDefinitionPlan, output: Output, options: NewCommandOptions): Promise<number> {
  const { promptFields } = require("../../scaffold/prompt-fields") as typeof import("../../scaffold/prompt-fields");
  return afterAsking("new", output, () => promptFields(plan), (fields) => write(plan, fields, output, options));
}

function warnAboutNewGroup(output: Output, plan: NewDefinitionPlan, group: string): void {
  const warning = newProductGroupWarning(group, plan.vocabulary);
  if (warning !== undefined) output.err(`sit new: warning: ${warning}`);
}

function write(plan: NewDefinitionPlan, fields: DefinitionFields, output: Output, options: NewCommandOptions): number {
  const written = writeNewDefinition(plan, fields);
  if (written.refused) return reportRefusal(output, written);
  printDiagnostics(output, written.diagnostics);
  const config = options.config === undefined ? "" : ` --config ${options.config}`;
  output.out(`created ${written.displayPath}`);
  output.out(`next: \`npx sit generate${config}\` adds it to the SDK`);
  return EXIT_OK;
}

function reportRefusal(output: Output, refusal: Refusal): number {
  printDiagnostics(output, refusal.diagnostics);
  for (const line of problemLines("new", refusal)) output.err(line);
  return refusal.kind === "findings" ? EXIT_FINDINGS : EXIT_USAGE;
}
