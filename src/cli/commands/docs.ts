import { join, resolve } from "node:path";
import { hasErrors } from "../../diagnostics/diagnostic";
import { isForeignFile } from "../../docs/docs-header";
import { renderEventsDictionary } from "../../docs/events-dictionary";
import { displayPath } from "../../files/display-path";
import { writeFilesAtomically } from "../../files/atomic-write";
import { describeFileError, isFileSystemError } from "../../files/file-error";
import { loadProject } from "../../index";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../diagnostics/exit-codes";
import { printDiagnostics, summarize, type Output } from "../../diagnostics/report";

export interface DocsCommandOptions {
  readonly config?: string;
  /** The folder to write into, relative to the working directory; `docs/events` beside the config by default. */
  readonly out?: string;
}

/** The default output folder, relative to the config's folder. */
export const DEFAULT_DOCS_FOLDER = join("docs", "events");

export function runDocs(options: DocsCommandOptions, output: Output, cwd = process.cwd()): number {
  const project = loadProject({ cwd, configPath: options.config });
  printDiagnostics(output, project.diagnostics);
  if (project.config === undefined || hasErrors(project.diagnostics)) {
    output.err(`${summarize(project.diagnostics)}; nothing written`);
    // A config file that cannot be found is a usage error; every other error is a finding.
    return project.diagnostics.some((diagnostic) => diagnostic.code === "SIT040") ? EXIT_USAGE : EXIT_FINDINGS;
  }

  const folder = options.out === undefined ? join(project.config.rootDir, DEFAULT_DOCS_FOLDER) : resolve(cwd, options.out);
  const shown = (path: string): string => displayPath(path, cwd);
  const files = renderEventsDictionary(project.definitions, project.config).map((file) => ({ path: join(folder, file.path), content: file.content }));

  const foreign = files.filter((file) => isForeignFile(file.path));
  if (foreign.length > 0) {
    for (const file of foreign) output.err(`${shown(file.path)}: error: not written by sit docs (no sit header), so sit will not replace it`);
    output.err("move or delete it, or choose another folder with --out; nothing written");
    return EXIT_FINDINGS;
  }
  try {
    const written = writeFilesAtomically(files);
    const events = `${project.definitions.length} event${project.definitions.length === 1 ? "" : "s"}`;
    const what = written.length === 0 ? "up to date" : `wrote ${written.map((file) => shown(file.path)).join(", ")}`;
    output.err(`${shown(folder)}/: ${events}; ${what}`);
    return EXIT_OK;
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    const reason = describeFileError(error);
    output.err(`sit: cannot write the events dictionary into ${shown(folder)}/: ${reason}; nothing written`);
    return EXIT_USAGE;
  }
}
