/**
 * sit's library API. `generate` and `validate` are pure with respect to the output: they read the
 * config and the definitions and return files and diagnostics; writing is `writeGenerated`.
 */
import type { ResolvedConfig } from "./config/load-config";
import type { Diagnostic } from "./diagnostics/diagnostic";
import type { ValidDefinition } from "./validate/validate-definition";
import { analyze, emitFiles, readInputs, type GeneratedFile, type PipelineOptions } from "./pipeline";
import { readOutputTree } from "./write/output-tree";
import { planOutput, type FileChange } from "./write/plan-output";
import { applyPlan } from "./write/write-output";

export type { Diagnostic, Severity } from "./diagnostics/diagnostic";
export { DIAGNOSTIC_CODES, type DiagnosticCode } from "./diagnostics/codes";
export type { GeneratedFile, PipelineOptions as GenerateOptions } from "./pipeline";
export type { FileChange, ChangeKind } from "./write/plan-output";
export type { ResolvedConfig } from "./config/load-config";
export type { ValidDefinition } from "./validate/validate-definition";

export interface GenerateResult {
  /** The SDK's files; empty when any diagnostic is an error. */
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** The output folder the config names (absolute), when the config could be read. */
  readonly outputDir: string | undefined;
}

export function generate(options: PipelineOptions = {}): GenerateResult {
  const analysis = analyze(readInputs(options), options);
  const files = analysis.model !== undefined && analysis.inputsHash !== undefined ? emitFiles(analysis.model, analysis.inputsHash, analysis.helper) : [];
  return { files, diagnostics: analysis.diagnostics, outputDir: analysis.config?.outputDir };
}

/** The config and every valid definition (legacy ones included), with every diagnostic: what commands other than `generate` build on. */
export function loadProject(options: PipelineOptions = {}): ProjectDefinitions {
  const analysis = analyze(readInputs(options), options, false);
  return { config: analysis.config, definitions: analysis.definitions, diagnostics: analysis.diagnostics };
}

export interface ProjectDefinitions {
  /** `undefined` when the config is invalid (the diagnostics say why). */
  readonly config: ResolvedConfig | undefined;
  /** The definitions that passed their own checks, in file order. */
  readonly definitions: readonly ValidDefinition[];
  readonly diagnostics: readonly Diagnostic[];
}

export function validate(options: PipelineOptions = {}): { readonly diagnostics: readonly Diagnostic[] } {
  return { diagnostics: analyze(readInputs(options), options, false).diagnostics };
}

/** The changes writing `files` into `outputDir` would make; nothing is written. */
export function diffGenerated(outputDir: string, files: readonly GeneratedFile[]): FileChange[] {
  return planOutput(readOutputTree(outputDir), files);
}

/** Writes `files` into `outputDir` atomically, deleting stale generated files; returns the changes. */
export function writeGenerated(outputDir: string, files: readonly GeneratedFile[]): FileChange[] {
  const tree = readOutputTree(outputDir);
  const changes = planOutput(tree, files);
  if (changes.length > 0 || tree.leftovers.length > 0 || !tree.exists) applyPlan(outputDir, tree, changes);
  return changes;
}
