/**
 * sit's library API. `generate`, `validate` and `loadProject` read the config and the definitions
 * and return files and diagnostics, writing nothing; `writeGenerated` writes.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { ResolvedConfig } from "./config/validate-config";
import type { Diagnostic } from "./diagnostics/diagnostic";
import { loadPipeline } from "./lazy";
import { displayPath } from "./files/display-path";
import { isDefinitionFileName } from "./load/find-definition-files";
import { readInputs, type ProjectLocation } from "./pipeline/read-inputs";
import { fileDiagnostic } from "./load/source-file";
import type { ValidDefinition } from "./validate/validate-definition";
import { readOutputTree } from "./write/output-tree";
import type { GeneratedFile } from "./write/ownership-header";
import { planOutput, type FileChange } from "./write/plan-output";
import { writeOutput, type WriteOptions } from "./write/write-output";
import { isWithin } from "./load/path-within";

export type { Diagnostic, Severity } from "./diagnostics/diagnostic";
export { DIAGNOSTIC_CODES, type DiagnosticCode } from "./diagnostics/codes";
export type { GeneratedFile } from "./write/ownership-header";
export type { FileChange, ChangeKind } from "./write/plan-output";
export type { ResolvedConfig } from "./config/validate-config";
export type { ValidDefinition } from "./validate/validate-definition";
export type { WriteOptions } from "./write/write-output";

export interface GenerateResult {
  /** The SDK's files; empty when any diagnostic is an error. */
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** The output folder the config names (absolute), when the config could be read. */
  readonly outputDir: string | undefined;
}

export interface GenerateOptions extends ProjectLocation {
  /** Hold definitions to GitLab's own format, with none of sit's extensions (`sit validate --gitlab-strict`). */
  readonly gitlabStrict?: boolean | undefined;
}

export function generate(options: GenerateOptions = {}): GenerateResult {
  const inputs = readInputs(options);
  const run = loadPipeline().runPipeline(inputs, { gitlabStrict: options.gitlabStrict, until: "files" });
  return { files: run.files ?? [], diagnostics: run.diagnostics, outputDir: inputs.layout?.outputDir };
}

export interface ValidateOptions extends GenerateOptions {
  /**
   * Definition files to report on (paths relative to `cwd`), for pre-commit hooks: their own problems
   * and the checks across files they take part in. All files are still read, for those checks.
   */
  readonly files?: readonly string[] | undefined;
}

export function validate(options: ValidateOptions = {}): { readonly diagnostics: readonly Diagnostic[]; readonly definitionCount: number } {
  const inputs = readInputs(options);
  const { diagnostics } = loadPipeline().runPipeline(inputs, { gitlabStrict: options.gitlabStrict, until: "checks" });
  const definitionCount = inputs.definitionFiles?.length ?? 0;
  if (options.files === undefined || options.files.length === 0) return { diagnostics, definitionCount };
  const cwd = inputs.cwd;
  const named = new Set<string>();
  const refused: Diagnostic[] = [];
  for (const file of options.files) {
    const absolute = resolve(cwd, file);
    const shown = displayPath(absolute, cwd);
    const problem = namedFileProblem(absolute, inputs.layout?.definitionsDir);
    if (problem === undefined) named.add(shown);
    else refused.push(fileDiagnostic(shown, 0, 0, "error", problem.code, problem.message));
  }
  // Problems of other definition files are left out; those of the config and the folder stay.
  const definitionFiles = new Set(inputs.definitionFiles?.map((file) => file.displayPath));
  const concerned = diagnostics.filter(
    (diagnostic) => !definitionFiles.has(diagnostic.file) || named.has(diagnostic.file) || diagnostic.related?.some((file) => named.has(file)) === true,
  );
  return { diagnostics: [...refused, ...concerned], definitionCount: named.size };
}

/** Why a file named on the command line is not one of the definitions sit reads. */
function namedFileProblem(absolute: string, definitionsDir: string | undefined): { code: "SIT007" | "SIT032"; message: string } | undefined {
  try {
    if (!statSync(absolute).isFile()) return { code: "SIT007", message: "cannot read file: not a regular file" };
  } catch {
    return { code: "SIT007", message: "cannot read file: no such file" };
  }
  if (!isDefinitionFileName(absolute)) return { code: "SIT032", message: "not a definition: definitions are .yml or .yaml files" };
  if (definitionsDir === undefined || !isWithin(absolute, definitionsDir, false)) {
    return { code: "SIT032", message: "not in the definitions folder, so sit does not read it as a definition" };
  }
  return undefined;
}

/** The config and every valid definition (legacy ones included), with every diagnostic: what commands other than `generate` build on. */
export function loadProject(options: GenerateOptions = {}): ProjectDefinitions {
  const analysis = loadPipeline().runPipeline(readInputs(options), { gitlabStrict: options.gitlabStrict, until: "checks" });
  return { config: analysis.config, definitions: analysis.definitions, diagnostics: analysis.diagnostics };
}

export interface ProjectDefinitions {
  /** `undefined` when the config is invalid (the diagnostics say why). */
  readonly config: ResolvedConfig | undefined;
  /** The definitions that passed their own checks, in file order. */
  readonly definitions: readonly ValidDefinition[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The changes writing `files` into `outputDir` would make; nothing is written. */
export function diffGenerated(outputDir: string, files: readonly GeneratedFile[]): FileChange[] {
  return planOutput(readOutputTree(outputDir), files);
}

/**
 * Makes `outputDir` hold exactly `files`, atomically and under the folder's lock, deleting stale
 * generated files and never a file sit did not generate; returns the changes.
 */
export function writeGenerated(outputDir: string, files: readonly GeneratedFile[], options: WriteOptions = {}): FileChange[] {
  return writeOutput(outputDir, files, options);
}
