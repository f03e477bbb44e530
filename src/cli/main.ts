import { Argument, Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { DEFAULT_INSPECT_HOST, DEFAULT_INSPECT_PORT, DEFAULT_MAX_EVENTS } from "../inspect/inspect-defaults";
import { EXIT_OK, EXIT_USAGE } from "../diagnostics/exit-codes";
import { processOutput } from "./process-output";
import { terminalSafeOutput, type Output } from "../diagnostics/report";

export { endQuietlyWhenOutputCloses } from "./process-output";
import { SIT_VERSION } from "../version";
import { IMPORT_SOURCES, type ImportSource } from "../import/import-sources";

/**
 * The command-line shell. Only commander is loaded up front; each command loads its own modules
 * (zod, the emitters) when it runs, so `sit --help` stays fast.
 */
export function buildProgram(output: Output, setExitCode: (code: number) => void, cwd: string): Command {
  const program = new Command("sit")
    .description("Typed TypeScript tracking SDKs from YAML event definitions: GitLab's format, or your own plan.")
    .version(SIT_VERSION, "-v, --version")
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (text) => output.out(text.replace(/\n$/, "")), writeErr: (text) => output.err(text.replace(/\n$/, "")) })
    .exitOverride();

  const configOption = () =>
    new Option("-c, --config <path>", "config file (default: the nearest sit.config.yaml, .yml or .json here or in a parent folder, up to the repository root)");

  program
    .command("generate")
    .description("validate the definitions, then write the SDK into the output folder")
    .addOption(configOption())
    .option("--check", "write nothing; exit 1 and show what differs when the output is out of date")
    .option("--json", "print the result as JSON on stdout")
    .option("--no-cache", "compare and write by content without the fast path's cache (node_modules/.cache/sit/)")
    .addOption(new Option("-w, --watch", "generate, then again after every change of a definition or the config, until Ctrl-C").conflicts("check"))
    .addHelpText(
      "after",
      `
Examples:
  $ npx sit generate                 write generated/ from definitions/
  $ npx sit generate --check         in CI: fail when generated/ has drifted
  $ npx sit generate --watch         while editing definitions: regenerate on every save
  $ npx sit generate -c app/sit.config.yaml

Only files whose content changes are written. Another generate writing the same
folder is waited for (SIT_LOCK_TIMEOUT_MS, default 30000).
With --watch, invalid definitions are reported and nothing is written until they are
fixed; with --json, each run prints one JSON object on a line of its own.
Exit codes: 0 written or up to date (or --watch ended with Ctrl-C), 1 invalid definitions or
drift, 2 usage or environment error.`,
    )
    .action((options: import("./commands/generate").GenerateCommandOptions) => {
      if (options.watch === true) {
        const { runWatch } = require("./commands/watch") as typeof import("./commands/watch");
        settle(runWatch(options, output, cwd), setExitCode);
        return;
      }
      const { runGenerate } = require("./commands/generate") as typeof import("./commands/generate");
      setExitCode(runGenerate(options, output, cwd));
    });

  program
    .command("validate")
    .description("report every problem in every definition and in the config")
    .argument("[files...]", "report on these definition files only (and the checks across files they take part in)")
    .addOption(configOption())
    .option("--strict", "treat warnings as errors")
    .option("--gitlab-strict", "hold files to GitLab's own format (its identifiers, tiers and names; no types, constraints or function_name)")
    .option("--json", "print the diagnostics as JSON on stdout")
    .addHelpText(
      "after",
      `
Examples:
  $ npx sit validate
  $ npx sit validate --strict --json > diagnostics.json
  $ npx sit validate definitions/create_snippet.yml     in a pre-commit hook or lint-staged

Diagnostics are printed as path:line:column: severity CODE: message.
Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage error.`,
    )
    .action((files: string[], options: import("./commands/validate").ValidateOptions) => {
      const { runValidate } = require("./commands/validate") as typeof import("./commands/validate");
      setExitCode(runValidate(files, options, output, cwd));
    });

  program
    .command("diff")
    .description("compare the definitions at another git revision with the working tree; fail on breaking changes")
    .argument("<git-ref>", "branch, tag or commit to compare with (read through git, not checked out); <ref>... for where HEAD forked from it")
    .addOption(configOption())
    .addOption(new Option("--format <format>", "report as text, markdown (for a merge-request comment) or json").choices(["text", "markdown", "json"]).default("text"))
    .option("--json", "same as --format json")
    .option("--allow-breaking", "report breaking changes but exit 0")
    .addHelpText(
      "after",
      `
Examples:
  $ npx sit diff origin/main...                       in CI: what this branch changes since it forked
  $ npx sit diff HEAD~1 --format markdown > comment.md
  $ npx sit diff v2.0.0 --json --allow-breaking

Breaking: an event deleted or renamed, its function renamed (function_name), an identifier added
or removed, a property (or a key of an object property, at any depth) removed, narrowed (number
-> integer, an enum added or shrunk, null dropped, a tighter minimum, maximum or length, a
pattern added or changed), newly required or moved into a tracker's protected properties, a
tracker or default processor removed; in the config, an identifier's type changed, or an
identifier no longer from the tracking context.
Exit codes: 0 no breaking change (or --allow-breaking), 1 breaking changes or invalid definitions,
2 not a git repository, unknown revision or usage error.`,
    )
    .action((ref: string, options: import("./commands/diff").DiffCommandOptions) => {
      const { runDiff } = require("./commands/diff") as typeof import("./commands/diff");
      setExitCode(runDiff(ref, options, output, cwd));
    });

  program
    .command("usage")
    .description("scan the application for uses of the SDK: events never tracked, calls to removed or deleted events, dynamic calls")
    .argument("[globs...]", "source files to scan, relative to the config's folder (default: src/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs})")
    .addOption(configOption())
    .option("--tsconfig <path>", "tsconfig.json whose module resolution (paths aliases) applies (default: tsconfig.json beside the config)")
    .option("--fail-on-unused", "exit 1 when an active event is never tracked")
    .addOption(new Option("--format <format>", "report as text or json").choices(["text", "json"]).default("text"))
    .option("--json", "same as --format json")
    .addHelpText(
      "after",
      `
Imports of the generated SDK are followed with TypeScript's module resolution (renamed and
namespace imports, barrels, paths aliases, require); trackEvent("name") counts for that event.
A comment, a string or a local function with an event's name never counts; a function passed
along rather than called does. A removed event that nothing calls is expected, not unused. An
event function no definition defines any more is a call to a deleted event. Nothing outside the
config's folder is scanned.

Examples:
  $ npx sit usage
  $ npx sit usage "app/**/*.tsx" "!app/**/*.test.tsx" --fail-on-unused
  $ npx sit usage --json > usage.json

Exit codes: 0 no call to a removed or deleted event (unused events allowed), 1 calls to removed or
deleted events, an SDK older than the definitions, or (with --fail-on-unused) events never tracked,
2 usage or environment error (no generated SDK, no matching file, a glob leading out of the
project, a tsconfig.json that cannot be followed).`,
    )
    .action((globs: string[], options: import("./commands/usage").UsageCommandOptions) => {
      const { runUsage } = require("./commands/usage") as typeof import("./commands/usage");
      setExitCode(runUsage(globs, options, output, cwd));
    });

  program
    .command("init")
    .description("scaffold a project: config, example event, processor, scripts")
    .argument("[dir]", "the project folder, created if needed (default: the current folder)")
    .addOption(
      new Option("--conventions <whose>", "whose conventions the definitions follow: gitlab (its names, identifiers, tiers and keys) or own (yours)").choices(
        ["gitlab", "own"] satisfies import("../scaffold/init-project").Conventions[],
      ),
    )
    .option("--force", "overwrite the files init creates when they exist already")
    .addHelpText(
      "after",
      `
Creates sit.config.yaml, an example definition, src/tracking/internal-events.ts (sit's HTTP
processor) and .gitattributes (or adds its line), adds the scripts sit:generate and sit:check to
package.json when there is one, and runs generate. When any file it would create exists, it
writes nothing and lists them.

In a terminal, init asks whose conventions the definitions follow; elsewhere, without
--conventions, they are GitLab's. With --conventions own, the config has rules: (any event and
property names, your tiers, the keys every definition must have), commented examples of your own
identifiers (one set from the tracking context), and the example is definitions/home_page_viewed.yml
(action "Home Page Viewed", typed properties); with gitlab, it is definitions/view_home_page.yml.

Examples:
  $ npx sit init
  $ npx sit init --conventions own
  $ npx sit init packages/web --conventions gitlab --force

Exit codes: 0 created, 1 files exist already (nothing written) or the first generate failed,
2 usage or environment error, 130 cancelled with Ctrl-C.`,
    )
    .action((dir: string | undefined, options: import("./commands/init").InitCommandOptions) => {
      const { runInit } = require("./commands/init") as typeof import("./commands/init");
      settle(runInit(dir, options, output, cwd), setExitCode);
    });

  program
    .command("new")
    .description("write a new event definition; in a terminal, asks for the fields no flag gives")
    .argument("<action>", "the event's name: snake_case, or any name under the config's rules: { eventNames: any } (quote it)")
    .addOption(configOption())
    .option("--description <text>", "what happened, as one sentence")
    .option("--identifiers <list>", "comma-separated, from the config's identifiers and GitLab's: project, namespace, user, feature_enabled_by_namespace_ids")
    .option("--property <spec>", "name:description[:type], or name: { YAML as in a definition } (repeatable; see below)", (value: string, previous: string[] = []) => [
      ...previous,
      value,
    ])
    .option("--function-name <name>", "the event's function (trackSomething), for an action whose words give none or a taken one")
    .option("--product-group <group>", "the owning product group")
    .option("--tiers <list>", "comma-separated, from the config's tiers (default: the config's defaults, else all)")
    .option("--tracker <class>", "an extra tracking class from the config's processors (repeatable, in call order)", (value: string, previous: string[] = []) => [
      ...previous,
      value,
    ])
    .option("--milestone <version>", "the milestone that introduces the event, like 18.0")
    .option("--url <url>", "introduced_by_url: the merge request that adds the event")
    .option("-y, --yes", "never ask: fields without a flag take their defaults")
    .addHelpText(
      "after",
      `
In a terminal, sit asks for every field the flags leave out, offering the product groups,
identifiers and trackers the project uses; for each property its type, whether it is required or
may be null, its allowed values, its bounds or pattern, and an array's items or an object's
properties. Elsewhere (CI, scripts) --description and --product-group are required and the other
fields take the config's defaults: or none. Keys the config's rules do not require (description,
product_group, milestone, introduced_by_url, tiers) are neither asked for, required nor written,
unless a flag or the config's defaults: give them. An action whose words give no function name,
or a taken one, needs --function-name.

--property takes a short form, name:description[:type], where the name ends at the first colon
and type is string, integer, number, boolean or any, or a union such as string|null; or the
property as a definition declares it, name: { … } in YAML (or JSON), for required, enum,
minimum, maximum, minLength, maxLength, pattern, an array's items and an object's properties.

Examples:
  $ npx sit new create_merge_request
  $ npx sit new create_merge_request --description "A merge request is created" \\
      --product-group code_review --identifiers project,user \\
      --property "label:source of the merge request: web or api" \\
      --property "commits:number of commits:integer" --tiers free,premium --milestone 18.0
  $ npx sit new "Order Completed" --description "An order is paid" --identifiers user \\
      --property "coupon:the coupon code:string|null" \\
      --property "quantity: { description: units bought, type: integer, minimum: 1, required: true }" \\
      --property "products: { description: what was bought, type: array, items: { type: object,
        properties: { sku: { description: stock keeping unit, type: string, required: true } } } }"

Exit codes: 0 written, 1 the action or its file exists already or the definition would be invalid,
2 usage error (missing or invalid flag, unknown tracker, bad template), 130 cancelled with Ctrl-C.`,
    )
    .action((action: string, options: import("./commands/new").NewCommandOptions) => {
      const { runNew } = require("./commands/new") as typeof import("./commands/new");
      settle(runNew(action, options, output, cwd), setExitCode);
    });

  program
    .command("import")
    .description("turn a tracking plan of Typewriter (Segment Protocols), Ampli or Avo into definitions, one per event")
    .addArgument(new Argument("<source>", "what the plan is").choices(IMPORT_SOURCES))
    .argument("<path>", "typewriter: plan.json (or a local tracking-plan.json); json-schema: one event's JSON Schema, or a folder of them")
    .addOption(configOption())
    .option("--lossy", "import what sit cannot express as the nearest type it has, and say what was widened")
    .option("--force", "replace definition files that exist already")
    .option("--dry-run", "write nothing; print the files the import would write")
    .addHelpText(
      "after",
      `
Writes one definition per event into the definitions folder, names and property names kept as the
plan writes them, and adds the rules such a plan needs to sit.config.yaml (created when there is
none), keeping the rest of the file. Two events whose function names collide keep both: the second
gets a function_name. Reads every layout Typewriter has written: plan.json of Typewriter 8 and
later (rules[]), of Typewriter 7 (rules.events[]) and a local tracking-plan.json (events[]).
A JSON Schema is named after its title, else after its file. What sit cannot express (oneOf of
overlapping shapes, formats, additionalProperties…) is reported at its JSON pointer, and nothing is
written unless --lossy. Nothing is written when there is any error, and an existing definition is
replaced only with --force. \`sit schema --events <dir>\` writes the plan back as JSON Schema.

Examples:
  $ npx sit import typewriter plan.json
  $ npx sit import typewriter tracking-plan.json --dry-run
  $ npx sit import json-schema ampli/schemas --lossy
  $ npx sit import typewriter plan.json --force        after the plan changed: replace the definitions

Exit codes: 0 imported (or, with --dry-run, importable), 1 a problem in the plan, an existing
definition or a conflicting config rule (nothing written), 2 usage error or a file that cannot be
read or written.`,
    )
    .action((source: ImportSource, path: string, options: import("./commands/import").ImportCommandOptions) => {
      const { runImport } = require("./commands/import") as typeof import("./commands/import");
      setExitCode(runImport(source, path, options, output, cwd));
    });

  program
    .command("schema")
    .description("print the JSON Schema of the project's event definitions, for editors (yaml-language-server) and other tools")
    .addOption(configOption())
    .addOption(new Option("--gitlab-strict", "GitLab's own format instead, with none of sit's extensions: what `sit validate --gitlab-strict` accepts").conflicts("config"))
    .option("-o, --out <file>", "write the schema into this file instead of printing it (folders are created)")
    .option("--events <dir>", "instead, write each event's JSON Schema (its properties) into this folder, as `sit import json-schema` reads them; exit 1 and nothing written when a definition is invalid")
    .addHelpText(
      "after",
      `
The schema holds the project's own words: the identifiers, tiers, required keys and naming rules
of its sit.config.yaml (GitLab's without one), and sit's extensions (function_name; type, enum,
constraints, items and properties of properties, at every depth). With --gitlab-strict it is
GitLab's own format whatever the config says, for definitions that must stay valid for GitLab.

It is JSON Schema draft 2020-12 that draft-07 validators read alike. Point an editor at it with a
first line such as
  # yaml-language-server: $schema=../sit-definition.schema.json

Examples:
  $ npx sit schema > sit-definition.schema.json
  $ npx sit schema --out .vscode/sit-definition.schema.json
  $ npx sit schema --gitlab-strict --out .vscode/gitlab-definition.schema.json

Exit codes: 0 printed or written, 1 invalid config (nothing written), 2 usage error, no config
where --config points, or the file cannot be written.`,
    )
    .action((options: import("./commands/schema").SchemaCommandOptions) => {
      const { runSchema } = require("./commands/schema") as typeof import("./commands/schema");
      setExitCode(runSchema(options, output, cwd));
    });

  program
    .command("docs")
    .description("write the events dictionary: events.md and a self-contained index.html with search and filters")
    .addOption(configOption())
    .option("-o, --out <dir>", "the folder to write into (default: docs/events beside the config)")
    .addHelpText(
      "after",
      `
Lists every event (legacy definitions marked) with its description, identifiers, typed properties,
trackers in call order, product group, tiers, milestone, status and source file. Nothing is
written when a definition has an error, and files sit did not write are never replaced.

Examples:
  $ npx sit docs                       write docs/events/index.html and docs/events/events.md
  $ npx sit docs --out public/events

Exit codes: 0 written or up to date, 1 invalid definitions or a file sit did not write is in the way
(nothing written), 2 usage error or the folder cannot be written.`,
    )
    .action((options: import("./commands/docs").DocsCommandOptions) => {
      const { runDocs } = require("./commands/docs") as typeof import("./commands/docs");
      setExitCode(runDocs(options, output, cwd));
    });

  program
    .command("inspect")
    .description("a local collector that checks every event your app sends against the definitions, live")
    .addOption(configOption())
    .option("-p, --port <port>", `the port to listen on; 0 picks a free one (default: ${DEFAULT_INSPECT_PORT})`, wholeNumber("--port", 0, 65535))
    .option("--host <address>", `the address to listen on (default: ${DEFAULT_INSPECT_HOST}, this machine only)`)
    .option("--json", "print one JSON line per event on stdout instead of the table")
    .option("--fail-on-bad", "exit 1 when stopped if any bad event arrived (for end-to-end jobs in CI)")
    .option("--max-events <count>", `events kept for GET /sit/events and the page; older ones make room (default: ${DEFAULT_MAX_EVENTS})`, wholeNumber("--max-events", 1, 10_000_000))
    .addHelpText(
      "after",
      `
Receives the events of sit's HTTP processor (POST /v1/events) and of its Snowplow processor
(POST /com.snowplowanalytics.snowplow/tp2, GET /i), checks each against the definitions (reloaded
when they change) and shows it: a table here, a live page at the address, GET /sit/events for
tests (?status=good|bad&event=name) and DELETE /sit/events to start over. The address is the
first line printed.

Examples:
  $ npx sit inspect                     then point the app's processor at http://127.0.0.1:${DEFAULT_INSPECT_PORT}/v1/events
  $ npx sit inspect --port 0 --json     a free port; one JSON line per event for tools
  $ node_modules/.bin/sit inspect --fail-on-bad &
                                        in CI: run the end-to-end tests, then \`kill $!; wait $!\`

Exit codes: 0 stopped with Ctrl-C or SIGTERM, 1 invalid definitions, or (with --fail-on-bad) a bad
event arrived, 2 usage error or the port cannot be used.`,
    )
    .action((options: import("./commands/inspect").InspectCommandOptions) => {
      const { runInspect } = require("./commands/inspect") as typeof import("./commands/inspect");
      settle(runInspect(options, output, cwd), setExitCode);
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

/** A command that watches, serves or asks ends after main() has returned: the exit code is set when it does. */
function settle(exit: number | Promise<number>, setExitCode: (code: number) => void): void {
  if (typeof exit === "number") setExitCode(exit);
  else void exit.then((code) => (process.exitCode = code));
}

/** An option's value as a whole number from `min` to `max`, or commander's usage error. */
function wholeNumber(option: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= min && number <= max)) throw new InvalidArgumentError(`${option} takes a whole number from ${min} to ${max}.`);
    return number;
  };
}

/** Runs the CLI and returns the exit code; never throws. */
export function main(argv: readonly string[], printer: Output = processOutput, cwd = process.cwd()): number {
  const output = terminalSafeOutput(printer);
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
