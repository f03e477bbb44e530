import { validateConfig, type ResolvedConfig } from "../config/validate-config";
import { WARNING_CODES, type WarningCode } from "../diagnostics/codes";
import { compareDiagnostics, hasErrors, type Diagnostic } from "../diagnostics/diagnostic";
import { emitSdk } from "../emit/emit-sdk";
import type { EventTextMemo } from "../emit/event-text-memo";
import type { Inputs } from "./read-inputs";
import { buildModel } from "../model/build-model";
import type { SdkModel } from "../model/event-model";
import { checkDefinitions, type CheckedDefinitions } from "../validate/check-definitions";
import { validateCatalog } from "../validate/validate-catalog";
import type { ValidDefinition } from "../validate/validate-definition";
import { headed, type GeneratedFile } from "../write/ownership-header";

/**
 * sit's pipeline after its inputs are read: validate the config → check each definition → check
 * across definitions → model → emit. Every command that needs more than the fast path runs it
 * through `runPipeline`; `generate --watch` runs `completePipeline` with what it keeps between runs
 * (the config validated, each file checked, the model). Nothing here writes or prints.
 */

export interface PipelineRun {
  /** The validated config, when it is valid. */
  readonly config: ResolvedConfig | undefined;
  /** The definitions that passed their own checks, legacy ones included, in file order. */
  readonly definitions: readonly ValidDefinition[];
  /** Every problem, sorted; warnings as the config sets their severity. */
  readonly diagnostics: readonly Diagnostic[];
  /** The SDK to emit, when there is no error and one was asked for. */
  readonly model: SdkModel | undefined;
  /** The SDK's files, when they were asked for and there is no error. */
  readonly files: readonly GeneratedFile[] | undefined;
}

export interface RunOptions {
  /** Hold definitions to GitLab's own schema (`--gitlab-strict`). */
  readonly gitlabStrict?: boolean | undefined;
  /** How far to go: checks only, or also the model, or also the SDK's files. */
  readonly until: "checks" | "model" | "files";
}

/** The whole pipeline on inputs `readInputs` read. */
export function runPipeline(inputs: Inputs, options: RunOptions): PipelineRun {
  const validated = inputs.configSource === undefined ? undefined : validateConfig(inputs.configSource, { layout: inputs.layout, diagnostics: inputs.layoutDiagnostics });
  const checked =
    validated === undefined || inputs.definitionFiles === undefined
      ? undefined
      : checkDefinitions(inputs.definitionFiles, { gitlabStrict: options.gitlabStrict === true, vocabulary: validated.declared.vocabulary });
  return completePipeline({ readDiagnostics: inputs.diagnostics, validated, checked }, { until: options.until, model: buildModel });
}

/** What the pipeline's later stages take, however they were reached. */
export interface CheckedProject {
  /** Problems found reading the config and listing the definitions. */
  readonly readDiagnostics: readonly Diagnostic[];
  readonly validated: ReturnType<typeof validateConfig> | undefined;
  /** Every definition checked on its own; `undefined` when there are none to check. */
  readonly checked: CheckedDefinitions | undefined;
}

/** The stages after each definition's own checks: across definitions, severities, model, files. */
export function completePipeline(
  project: CheckedProject,
  options: { readonly until: RunOptions["until"]; readonly model: (definitions: readonly ValidDefinition[], config: ResolvedConfig) => SdkModel; readonly memo?: EventTextMemo },
): PipelineRun {
  const { validated, checked } = project;
  const diagnostics = [...project.readDiagnostics, ...(validated?.diagnostics ?? [])];
  if (validated !== undefined && checked !== undefined) {
    diagnostics.push(...checked.diagnostics);
    diagnostics.push(...validateCatalog(checked.definitions, checked.trackerReferences, validated.declared));
  }
  const config = validated?.config;
  const reported = withConfiguredSeverities(diagnostics, config?.warningSeverities ?? new Map()).sort(compareDiagnostics);
  const definitions = checked?.definitions ?? [];
  const modelled = options.until !== "checks" && config !== undefined && checked !== undefined && !hasErrors(reported);
  const model = modelled ? options.model(definitions, config) : undefined;
  const files = options.until === "files" && model !== undefined ? emitFiles(model, options.memo) : undefined;
  return { config, definitions, diagnostics: reported, model, files };
}

/**
 * Warnings as the config's `warnings:` sets them: `off` drops them, `error` makes them errors; each
 * says in its hint which key changes it, so a team can act on the noise instead of reading past it.
 */
function withConfiguredSeverities(diagnostics: readonly Diagnostic[], severities: ReadonlyMap<WarningCode, string>): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (!(WARNING_CODES as readonly string[]).includes(diagnostic.code)) {
      result.push(diagnostic);
      continue;
    }
    const severity = severities.get(diagnostic.code as WarningCode) ?? "warning";
    if (severity === "off") continue;
    const setting = `\`warnings: { ${diagnostic.code}: off }\` in sit.config.yaml silences it`;
    result.push({ ...diagnostic, severity: severity === "error" ? "error" : "warning", hint: diagnostic.hint === undefined ? setting : `${diagnostic.hint}; ${setting}` });
  }
  return result;
}

/** model → the SDK's files, each with sit's header. */
export function emitFiles(model: SdkModel, memo?: EventTextMemo): GeneratedFile[] {
  return emitSdk(model, memo).map(({ path, body }) => headed(path, body));
}
