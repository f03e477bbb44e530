import { join, relative, resolve } from "node:path";
import { hasErrors } from "../../diagnostics/diagnostic";
import { displayPath } from "../../files/display-path";
import { writeFilesAtomically } from "../../files/atomic-write";
import { describeFileError, isFileSystemError } from "../../files/file-error";
import { loadProject } from "../../index";
import { renderEventJsonSchema } from "../../schema/event-json-schema";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../../diagnostics/exit-codes";
import { printDiagnostics, summarize, type Output } from "../../diagnostics/report";

/**
 * `sit schema --events <dir>`: each internal event's JSON Schema, at the definition's path with
 * `.json` (`definitions/shop/order_completed.yml` → `<dir>/shop/order_completed.json`), so the
 * names never collide; what `sit import json-schema <dir>` reads back as the same definitions.
 */
export function runEventSchemas(options: { readonly config?: string; readonly gitlabStrict?: boolean }, folderArgument: string, output: Output, cwd: string): number {
  const project = loadProject({ cwd, configPath: options.config, gitlabStrict: options.gitlabStrict });
  printDiagnostics(output, project.diagnostics);
  if (project.config === undefined || hasErrors(project.diagnostics)) {
    output.err(`${summarize(project.diagnostics)}; nothing written`);
    return project.diagnostics.some((diagnostic) => diagnostic.code === "SIT040" || diagnostic.code === "SIT043") ? EXIT_USAGE : EXIT_FINDINGS;
  }
  const folder = resolve(cwd, folderArgument);
  const { definitionsDir, rootDir } = project.config;
  const files = project.definitions
    .filter((definition) => definition.internal)
    .map((definition) => {
      const relativePath = relative(definitionsDir, join(rootDir, definition.projectPath)).replace(/\.ya?ml$/, ".json");
      return { path: join(folder, relativePath), content: renderEventJsonSchema(definition.data) };
    });
  const shown = (path: string): string => displayPath(path, cwd);
  try {
    const written = writeFilesAtomically(files);
    output.err(`${shown(folder)}/: ${files.length} event schema${files.length === 1 ? "" : "s"}; ${written.length === 0 ? "up to date" : `wrote ${written.length}`}`);
    return EXIT_OK;
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    const reason = describeFileError(error);
    output.err(`sit: cannot write the event schemas into ${shown(folder)}/: ${reason}; nothing written`);
    return EXIT_USAGE;
  }
}
