import { resolve } from "node:path";
import { findConfigFile } from "../../config/config-source";
import { compareDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic";
import { displayPath } from "../../files/display-path";
import { writeFilesAtomically } from "../../files/atomic-write";
import { describeFileError, isFileSystemError } from "../../files/file-error";
import { isUsageProblem, loadCurrentConfig } from "../../governance/current-project";
import { renderDefinitionJsonSchema } from "../../schema/definition-json-schema";
import { GITLAB_VOCABULARY, type Vocabulary } from "../../validate/vocabulary";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../diagnostics/exit-codes";
import { printDiagnostics, summarize, type Output } from "../../diagnostics/report";

export interface SchemaCommandOptions {
  /** Where to write the schema, relative to the working directory; stdout when absent. */
  readonly out?: string;
  readonly config?: string;
  /** GitLab's own format, none of sit's extensions, whatever the config says. */
  readonly gitlabStrict?: boolean;
  /** Write each event's JSON Schema into this folder instead (`event-schemas.ts`). */
  readonly events?: string;
}

export function runSchema(options: SchemaCommandOptions, output: Output, cwd = process.cwd()): number {
  if (options.events !== undefined) return (require("./event-schemas") as typeof import("./event-schemas")).runEventSchemas(options, options.events, output, cwd);
  const gitlabStrict = options.gitlabStrict === true;
  const { vocabulary, diagnostics } = gitlabStrict ? { vocabulary: GITLAB_VOCABULARY, diagnostics: [] } : projectVocabulary(options.config, cwd);
  if (vocabulary === undefined) {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").sort(compareDiagnostics);
    printDiagnostics(output, errors);
    output.err(`sit schema: ${summarize(errors)}; nothing written`);
    return errors.some(isUsageProblem) ? EXIT_USAGE : EXIT_FINDINGS;
  }
  const text = renderDefinitionJsonSchema({ vocabulary, gitlabStrict });
  if (options.out === undefined) {
    // `out` ends each text with a newline: the printed bytes are exactly the file's.
    output.out(text.slice(0, -1));
    return EXIT_OK;
  }
  const path = resolve(cwd, options.out);
  const shown = displayPath(path, cwd);
  try {
    const written = writeFilesAtomically([{ path, content: text }]);
    output.err(written.length === 0 ? `${shown} is up to date` : `wrote ${shown}`);
    return EXIT_OK;
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    const reason = describeFileError(error);
    output.err(`sit: cannot write ${shown}: ${reason}`);
    return EXIT_USAGE;
  }
}

/**
 * What the project's definitions may say: its config's vocabulary, the config found as every
 * command finds it; GitLab's where there is no config, which is no project's error here (an editor
 * may want the schema anywhere). `undefined` when the config is invalid.
 */
function projectVocabulary(configPath: string | undefined, cwd: string): { vocabulary: Vocabulary | undefined; diagnostics: readonly Diagnostic[] } {
  if (configPath === undefined && findConfigFile(cwd) === undefined) return { vocabulary: GITLAB_VOCABULARY, diagnostics: [] };
  const { config, diagnostics } = loadCurrentConfig(cwd, configPath);
  return { vocabulary: config?.vocabulary, diagnostics };
}
