import { validateConfig, type ResolvedConfig } from "./config/validate-config";
import { WARNING_CODES, type WarningCode } from "./diagnostics/codes";
import { compareDiagnostics, hasErrors, type Diagnostic } from "./diagnostics/diagnostic";
import { emitSdk } from "./emit/emit-sdk";
import type { EventTextMemo } from "./emit/event-text-memo";
import type { Inputs } from "./load/read-inputs";
import { buildModel } from "./model/build-model";
import type { SdkModel } from "./model/event-model";
import { checkDefinitions } from "./validate/check-definitions";
import { validateCatalog } from "./validate/validate-catalog";
import type { ValidDefinition } from "./validate/validate-definition";
import { headed, type GeneratedFile } from "./write/ownership-header";

/**
 * The stages after load, loaded on demand (see lazy.ts): validate the config → validate each
 * definition → validate across definitions → model → emit.
 */

export interface Analysis {
  /** The validated config, when it is valid. */
  readonly config: ResolvedConfig | undefined;
  /** The definitions that passed their own checks, legacy ones included, in file order. */
  readonly definitions: readonly ValidDefinition[];
  /** Every problem, sorted; warnings as the config sets their severity. */
  readonly diagnostics: readonly Diagnostic[];
  /** Set when there is no error and a model was asked for: the SDK to emit. */
  readonly model: SdkModel | undefined;
}

export interface AnalyzeOptions {
  readonly gitlabStrict?: boolean | undefined;
  /** Build the model too (`generate`); validation alone does not need it. */
  readonly withModel?: boolean;
}

export function analyze(inputs: Inputs, options: AnalyzeOptions = {}): Analysis {
  const diagnostics = [...inputs.diagnostics];
  const validated = inputs.configSource === undefined ? undefined : validateConfig(inputs.configSource, { layout: inputs.layout, diagnostics: inputs.layoutDiagnostics });
  diagnostics.push(...(validated?.diagnostics ?? []));
  const config = validated?.config;
  let definitions: readonly ValidDefinition[] = [];
  if (validated !== undefined && inputs.definitionFiles !== undefined) {
    const checked = checkDefinitions(inputs.definitionFiles, { gitlabStrict: options.gitlabStrict === true, vocabulary: validated.declared.vocabulary });
    diagnostics.push(...checked.diagnostics);
    definitions = checked.definitions;
    diagnostics.push(...validateCatalog(definitions, checked.trackerReferences, validated.declared));
  }
  const reported = withConfiguredSeverities(diagnostics, config?.warningSeverities ?? new Map()).sort(compareDiagnostics);
  const model =
    options.withModel === true && config !== undefined && inputs.definitionFiles !== undefined && !hasErrors(reported) ? buildModel(definitions, config) : undefined;
  return { config, definitions, diagnostics: reported, model };
}

/**
 * Warnings as the config's `warnings:` sets them: `off` drops them, `error` makes them errors; each
 * says in its hint which key changes it, so a team can act on the noise instead of reading past it.
 */
export function withConfiguredSeverities(diagnostics: readonly Diagnostic[], severities: ReadonlyMap<WarningCode, string>): Diagnostic[] {
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
