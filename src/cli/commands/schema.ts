import { relative, resolve, sep } from "node:path";
import { fileErrorReason, writeFilesAtomically } from "../../docs/write-files-atomically";
import { renderDefinitionJsonSchema } from "../../schema/definition-json-schema";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes";
import type { Output } from "../report";

export interface SchemaCommandOptions {
  /** Where to write the schema, relative to the working directory; stdout when absent. */
  readonly out?: string;
  /** Write each event's JSON Schema into this folder instead (`event-schemas.ts`). */
  readonly events?: string;
}

export function runSchema(options: SchemaCommandOptions, output: Output, cwd = process.cwd()): number {
  if (options.events !== undefined) return (require("./event-schemas") as typeof import("./event-schemas")).runEventSchemas(options.events, output, cwd);
  const text = renderDefinitionJsonSchema();
  if (options.out === undefined) {
    // `out` ends each text with a newline: the printed bytes are exactly the file's.
    output.out(text.slice(0, -1));
    return EXIT_OK;
  }
  const path = resolve(cwd, options.out);
  const fromCwd = relative(cwd, path);
  const shown = fromCwd.startsWith("..") ? path : fromCwd.split(sep).join("/");
  try {
    const written = writeFilesAtomically([{ path, content: text }]);
    output.err(written.length === 0 ? `${shown} is up to date` : `wrote ${shown}`);
    return EXIT_OK;
  } catch (error) {
    const reason = fileErrorReason(error);
    if (reason === undefined) throw error;
    output.err(`sit: cannot write ${shown}: ${reason}`);
    return EXIT_USAGE;
  }
}
