import { join, resolve } from "node:path";
import { hasErrors } from "../../diagnostics/diagnostic";
import { functionNameOf } from "../../naming/names";
import { CLI_PACKAGE, RUNTIME_PACKAGE } from "../../naming/package-names";
import {
  applyInit,
  exampleDefinitionPath,
  INIT_LAYOUT,
  INIT_VARIANTS,
  planInit,
  type Conventions,
  type InitPlan,
} from "../../scaffold/init-project";
import { problemLines, type Refusal } from "../../scaffold/refusal";
import { displayPath } from "../../files/display-path";
import { UndoneWriteError } from "../../write/all-or-nothing";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../diagnostics/exit-codes";
import { printDiagnostics, type Output } from "../../diagnostics/report";
import { afterAsking, isInteractiveTerminal } from "../terminal";

export interface InitCommandOptions {
  readonly force?: boolean;
  /** Whose conventions the definitions follow; asked in a terminal when not given, else GitLab's. */
  readonly conventions?: Conventions;
}

/**
 * `sit init [dir]`: creates a working project (config, example definition, processor module,
 * .gitattributes line, package.json scripts), all or nothing, then generates its SDK once. Returns
 * the exit code, or a promise of it when it asks in the terminal whose conventions to follow.
 */
export function runInit(
  dirArgument: string | undefined,
  options: InitCommandOptions,
  output: Output,
  cwd = process.cwd(),
  terminal = isInteractiveTerminal(),
): number | Promise<number> {
  const dir = resolve(cwd, dirArgument ?? ".");
  if (options.conventions !== undefined || !terminal) return initProject(dir, options.conventions ?? "gitlab", options, output, cwd);

  // What stops init whatever the answer is said before the question, not after it.
  const plans = [planInit(dir, cwd, "gitlab"), planInit(dir, cwd, "own")];
  const refusal = plans.find((plan): plan is Refusal => plan.refused);
  if (refusal !== undefined) return reportRefusal(output, refusal);
  const [gitlab, own] = plans as InitPlan[];
  const inTheWay = gitlab!.conflicts.filter((conflict) => own!.conflicts.includes(conflict));
  if (inTheWay.length > 0 && options.force !== true) return reportConflicts(output, inTheWay);

  const { promptConventions } = require("../../scaffold/prompt-conventions") as typeof import("../../scaffold/prompt-conventions");
  return afterAsking("init", output, promptConventions, (conventions) => initProject(dir, conventions, options, output, cwd));
}

function initProject(dir: string, conventions: Conventions, options: InitCommandOptions, output: Output, cwd: string): number {
  const plan = planInit(dir, cwd, conventions);
  if (plan.refused) return reportRefusal(output, plan);
  if (plan.conflicts.length > 0 && options.force !== true) return reportConflicts(output, plan.conflicts);
  try {
    applyInit(plan, options.force === true);
  } catch (error) {
    if (!(error instanceof UndoneWriteError)) throw error;
    const outcome = error.leftBehind.length === 0 ? "nothing was changed" : `undoing what was written failed for ${error.leftBehind.join(", ")}`;
    output.err(`sit init: ${error.message}; ${outcome}`);
    return EXIT_USAGE;
  }
  reportChanges(output, plan);

  // Loaded here: the generator is needed only once the files are in place.
  const { generate, writeGenerated } = require("../../index") as typeof import("../../index");
  const generated = generate({ cwd, configPath: join(dir, INIT_LAYOUT.config) });
  printDiagnostics(output, generated.diagnostics);
  if (hasErrors(generated.diagnostics) || generated.outputDir === undefined) {
    output.err("sit init: the files are in place, but the first generate found errors: fix them, then run `npx sit generate`");
    return EXIT_FINDINGS;
  }
  try {
    writeGenerated(generated.outputDir, generated.files);
  } catch (error) {
    output.err(`sit init: the files are in place, but the SDK could not be written: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_USAGE;
  }
  output.out(`wrote the SDK into ${displayPath(generated.outputDir, cwd)}/ (${generated.files.map((file) => file.path).join(", ")})`);
  output.out(nextSteps(plan, displayPath(dir, cwd)));
  return EXIT_OK;
}

function reportRefusal(output: Output, refusal: Refusal): number {
  for (const line of problemLines("init", refusal)) output.err(line);
  return refusal.kind === "findings" ? EXIT_FINDINGS : EXIT_USAGE;
}

function reportConflicts(output: Output, conflicts: readonly string[]): number {
  output.err("sit init: nothing written, because these exist already (--force overwrites them):");
  for (const conflict of conflicts) output.err(`  ${conflict}`);
  return EXIT_FINDINGS;
}

function reportChanges(output: Output, plan: InitPlan): void {
  for (const file of plan.files) output.out(`${file.exists ? "overwrote" : "created"} ${file.displayPath}`);
  const { gitattributes, packageJson } = plan;
  if (gitattributes.change === "create") output.out(`created ${gitattributes.displayPath}`);
  if (gitattributes.change === "append") output.out(`added ${INIT_LAYOUT.output}/ as generated code to ${gitattributes.displayPath}`);
  if (packageJson === undefined) return;
  if (packageJson.edit.added.length > 0) output.out(`added the scripts ${packageJson.edit.added.join(" and ")} to ${packageJson.displayPath}`);
  for (const { name, command } of packageJson.edit.kept) {
    output.err(`sit init: warning: ${packageJson.displayPath} has a script "${name}" already ("${command}"); left as it is`);
  }
}

function nextSteps(plan: InitPlan, projectFolder: string): string {
  const scripts = plan.packageJson !== undefined;
  const generateCommand = scripts ? "npm run sit:generate" : "npx sit generate";
  const checkCommand = scripts ? "npm run sit:check" : "npx sit generate --check";
  const variant = INIT_VARIANTS[plan.conventions];
  const own = plan.conventions === "own";
  const steps = [
    `Point ${INIT_LAYOUT.processor} at your collector.`,
    ...(own ? [`Make the rules in ${INIT_LAYOUT.config} your plan's (tiers, the keys every definition must have), and declare your own identifiers there.`] : []),
    `Add events with \`npx sit new ${own ? '"<event name>"' : "<action>"}\` (or edit ${exampleDefinitionPath(variant)}), then \`${generateCommand}\`.`,
    `Track them: import { ${functionNameOf(variant.example.action)} } from "./${INIT_LAYOUT.output}/index.js";`,
    `In CI, \`${checkCommand}\` fails when ${INIT_LAYOUT.output}/ is out of date with the definitions.`,
  ];
  const listed = plan.packageJson?.listed;
  if (listed !== undefined && listed.runtime !== "dependencies") {
    const move = listed.runtime === "devDependencies" ? `move ${RUNTIME_PACKAGE} from devDependencies to dependencies` : `add ${RUNTIME_PACKAGE} to dependencies`;
    steps.push(`${INIT_LAYOUT.processor} imports ${RUNTIME_PACKAGE} when the app runs: ${move} (\`npm install ${RUNTIME_PACKAGE}\`).`);
  }
  if (listed?.cli === "dependencies") {
    steps.push(`${CLI_PACKAGE} only generates code: move it to devDependencies (\`npm install -D ${CLI_PACKAGE}\`), so production installs leave it out.`);
  }
  const lines = ["", "Next steps:", ...(projectFolder === "." ? [] : [`  cd ${projectFolder}`]), ...steps.map((step, index) => `  ${index + 1}. ${step}`)];
  return lines.join("\n");
}
