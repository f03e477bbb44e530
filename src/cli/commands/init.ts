import { join, resolve } from "node:path";
import { hasErrors } from "../../diagnostics/diagnostic";
import { functionNameOf } from "../../model/names";
import { applyInit, EXAMPLE_EVENT, INIT_LAYOUT, planInit, type InitPlan } from "../../scaffold/init-project";
import { problemLines } from "../../scaffold/refusal";
import { shownPath } from "../../scaffold/shown-path";
import { UndoneWriteError } from "../../write/all-or-nothing";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../exit-codes";
import { printDiagnostics, type Output } from "../report";

export interface InitCommandOptions {
  readonly force?: boolean;
}

/**
 * `sit init [dir]`: creates a working project (config, example definition, processor module,
 * .gitattributes line, package.json scripts), all or nothing, then generates its SDK once.
 */
export function runInit(dirArgument: string | undefined, options: InitCommandOptions, output: Output, cwd = process.cwd()): number {
  const dir = resolve(cwd, dirArgument ?? ".");
  const plan = planInit(dir, cwd);
  if (plan.refused) {
    for (const line of problemLines("init", plan)) output.err(line);
    return plan.kind === "findings" ? EXIT_FINDINGS : EXIT_USAGE;
  }
  if (plan.conflicts.length > 0 && options.force !== true) {
    output.err("sit init: nothing written, because these exist already (--force overwrites them):");
    for (const conflict of plan.conflicts) output.err(`  ${conflict}`);
    return EXIT_FINDINGS;
  }
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
  output.out(`wrote the SDK into ${shownPath(generated.outputDir, cwd)}/ (${generated.files.map((file) => file.path).join(", ")})`);
  output.out(nextSteps(plan, shownPath(dir, cwd)));
  return EXIT_OK;
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
  const steps = [
    `Point ${INIT_LAYOUT.processor} at your collector.`,
    `Add events with \`npx sit new <action>\` (or edit ${INIT_LAYOUT.definitions}/${EXAMPLE_EVENT.action}.yml), then \`${generateCommand}\`.`,
    `Track them: import { ${functionNameOf(EXAMPLE_EVENT.action)} } from "./${INIT_LAYOUT.output}/index.js";`,
    `In CI, \`${checkCommand}\` fails when ${INIT_LAYOUT.output}/ is out of date with the definitions.`,
  ];
  const dependency = plan.packageJson?.sitDependency;
  if (scripts && dependency !== "dependencies") {
    const move = dependency === "devDependencies" ? "move sit-tracking from devDependencies to dependencies" : "add sit-tracking to dependencies";
    steps.push(`${INIT_LAYOUT.processor} imports sit-tracking when the app runs: ${move} (\`npm install sit-tracking\`).`);
  }
  const lines = ["", "Next steps:", ...(projectFolder === "." ? [] : [`  cd ${projectFolder}`]), ...steps.map((step, index) => `  ${index + 1}. ${step}`)];
  return lines.join("\n");
}
