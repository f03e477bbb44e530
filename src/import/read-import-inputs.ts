import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { displayPath } from "../files/display-path";
import { describeFileError } from "../files/file-error";
import { decodeText } from "../load/read-text-file";
import { fileDiagnostic, SourceFile } from "../load/source-file";
import { compareCodeUnits } from "../text/code-units";
import { parseJson } from "./json-document";
import { readEventJsonSchema } from "./json-schema-event";
import type { PlanInput, PlanReading } from "./plan-event";
import type { ImportSource } from "./import-sources";
import { readTypewriterPlan } from "./typewriter-plan";

/** Far beyond any tracking plan (Segment's largest are a few megabytes), and small enough to read at once. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;

export type ImportInputs =
  | { readonly ok: true; readonly readings: readonly PlanReading[]; readonly diagnostics: readonly Diagnostic[] }
  /** The path names nothing that can be read: a usage error. */
  | { readonly ok: false; readonly message: string };

/**
 * Reads what the user named: a Typewriter plan (one file), or JSON Schemas of events (a file, or
 * every `*.json` under a folder, in code-unit order of their paths).
 */
export function readImportInputs(source: ImportSource, path: string, cwd: string): ImportInputs {
  const shown = displayPath(path, cwd);
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    return { ok: false, message: `cannot read ${shown}: ${describeFileError(error)}` };
  }
  if (stats.isDirectory()) {
    if (source === "typewriter") return { ok: false, message: `${shown} is a folder: name Typewriter's plan.json (or a local tracking-plan.json)` };
    let files: string[];
    try {
      files = jsonFilesUnder(path);
    } catch (error) {
      return { ok: false, message: `cannot read the folder ${shown}: ${describeFileError(error)}` };
    }
    if (files.length === 0) {
      return { ok: true, readings: [], diagnostics: [fileDiagnostic(shown, 0, 0, "error", "SIT072", "the folder holds no .json file: nothing to import", "name a folder of JSON Schemas, one per event")] };
    }
    const readings: PlanReading[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const file of files) {
      const input = readJsonInput(file, cwd);
      if ("diagnostic" in input) diagnostics.push(input.diagnostic);
      else readings.push(readEventJsonSchema(input, file));
    }
    return { ok: true, readings, diagnostics };
  }
  if (!stats.isFile()) return { ok: false, message: `cannot read ${shown}: not a regular file` };
  const input = readJsonInput(path, cwd);
  if ("diagnostic" in input) return { ok: true, readings: [], diagnostics: [input.diagnostic] };
  return { ok: true, readings: [source === "typewriter" ? readTypewriterPlan(input) : readEventJsonSchema(input, path)], diagnostics: [] };
}

/** A JSON file parsed with positions, or why it cannot be. */
function readJsonInput(path: string, cwd: string): PlanInput | { diagnostic: Diagnostic } {
  const shown = displayPath(path, cwd);
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_PLAN_BYTES) return { diagnostic: fileDiagnostic(shown, 0, 0, "error", "SIT075", `the file is ${size} bytes, over sit import's limit of ${MAX_PLAN_BYTES} bytes (64 MiB)`) };
    bytes = readFileSync(path);
  } catch (error) {
    return { diagnostic: fileDiagnostic(shown, 0, 0, "error", "SIT070", `cannot read the file: ${describeFileError(error)}`) };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const { line, column } = decoded.position ?? { line: 0, column: 0 };
    return { diagnostic: fileDiagnostic(shown, line, column, "error", "SIT070", decoded.message.replace("binary, not YAML text", "binary, not JSON"), decoded.hint) };
  }
  const source = new SourceFile(shown, decoded.text);
  const parsed = parseJson(decoded.text);
  if (!parsed.ok) {
    const { problem } = parsed;
    return { diagnostic: source.diagnostic(problem.offset, "error", problem.tooDeep === true ? "SIT075" : "SIT070", problem.tooDeep === true ? problem.message : `not JSON: ${problem.message}`, problem.hint) };
  }
  return { source, root: parsed.root };
}

/** Every `*.json` file under `folder`, sorted by path; links to folders are not followed (no loops). */
function jsonFilesUnder(folder: string): string[] {
  const files: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (/\.json$/i.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFile(path)))) files.push(path);
    }
  }
  return files.sort(compareCodeUnits);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
