import { Command, CommanderError, Option } from "commander";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes";
import { processOutput, type Output } from "./report";
import { SIT_VERSION } from "../version";

/**
 * The command-line shell. Only commander is loaded up front; each command loads its own modules
 * (zod, the emitters) when it runs, so `sit --help` stays fast.
 */
export function buildProgram(output: Output, setExitCode: (code: number) => void, cwd: string): Command {
  const program = new Command("sit")
    .description("Typed TypeScript tracking SDKs from GitLab-format event definitions.")
    .version(SIT_VERSION, "-v, --version")
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (text) => output.out(text.replace(/\n$/, "")), writeErr: (text) => output.err(text.replace(/\n$/, "")) })
    .exitOverride();

  const configOption = () => new Option("-c, --config <path>", "config file (default: sit.config.yaml, sit.config.yml or sit.config.json here)");

  program
    .command("generate")
    .description("validate the definitions, then write the SDK into the output folder")
    .addOption(configOption())
    .option("--check", "write nothing; exit 1 and show what differs when the output is out of date")
    .option("--json", "print the result as JSON on stdout")
    .addHelpText(
      "after",
      `
Examples:
  $ npx sit generate                 write generated/ from definitions/
  $ npx sit generate --check         in CI: fail when generated/ has drifted
  $ npx sit generate -c app/sit.config.yaml

Exit codes: 0 written or up to date, 1 invalid definitions or drift, 2 usage or environment error.`,
    )
    .action((options: { config?: string; check?: boolean; json?: boolean }) => {
      const { runGenerate } = require("./commands/generate") as typeof import("./commands/generate");
      setExitCode(runGenerate(options, output, cwd));
    });

  program
    .command("validate")
    .description("report every problem in every definition and in the config")
    .addOption(configOption())
    .option("--strict", "treat warnings as errors")
    .option("--gitlab-strict", "also reject sit's extensions (type, enum, required) so files stay valid for GitLab")
    .option("--json", "print the diagnostics as JSON on stdout")
    .addHelpText(
      "after",
      `
Examples:
  $ npx sit validate
  $ npx sit validate --strict --json > diagnostics.json

Diagnostics are printed as path:line:column: severity CODE: message.
Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage error.`,
    )
    .action((options: { config?: string; strict?: boolean; gitlabStrict?: boolean; json?: boolean }) => {
      const { runValidate } = require("./commands/validate") as typeof import("./commands/validate");
      setExitCode(runValidate(options, output, cwd));
    });

  program.addHelpText(
    "after",
    `
Examples:
  $ npx sit generate
  $ npx sit validate
  $ npx sit generate --check

Run \`sit <command> --help\` for a command's options.`,
  );
  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export function main(argv: readonly string[], output: Output = processOutput, cwd = process.cwd()): number {
  let exitCode = EXIT_OK;
  const program = buildProgram(output, (code) => (exitCode = code), cwd);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_USAGE;
    }
    program.parse([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help" ? EXIT_OK : EXIT_USAGE;
    }
    const detail = process.env["SIT_DEBUG"] === "1" && error instanceof Error ? `\n${error.stack}` : "";
    output.err(
      `sit: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\n` +
        "This is a bug in sit, not in your definitions. Please report it with the command you ran (set SIT_DEBUG=1 for details).",
    );
    return EXIT_USAGE;
  }
}
