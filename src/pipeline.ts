import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { configLayout, locateInConfig, readConfigSource, type ConfigSource } from "./config/config-source";
import type { ResolvedConfig } from "./config/load-config";
import { compareDiagnostics, hasErrors, type Diagnostic } from "./diagnostics/diagnostic";
import { displayPath, findDefinitions } from "./load/load-definitions";
import { fileDiagnostic } from "./load/source-file";
import type { EventModel, SdkModel } from "./model/event-model";
import type { ValidDefinition } from "./validate/validate-definition";
import { DefinitionSet } from "./parallel/definition-set";
import { HelperThread } from "./parallel/helper-thread";
import { generatorFingerprint } from "./generator-fingerprint";
import { headed } from "./write/ownership-header";

export interface PipelineOptions {
  /** Where relative paths start and diagnostics are named from; defaults to `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** An explicit config file; otherwise sit.config.{yaml,yml,json} in `cwd`, or the defaults. */
  readonly configPath?: string | undefined;
  /** Reject sit's extensions to the GitLab format. */
  readonly gitlabStrict?: boolean | undefined;
}

/** What reading the config and the definition files yields, before any validation. */
export interface Inputs {
  /** The config file as parsed, validated by `analyze`. */
  readonly configSource: ConfigSource | undefined;
  /** The output folder the config names, read before validating it: where the fast path looks. */
  readonly outputDir: string | undefined;
  /** The definition files, read; parsed and validated by `analyze`. */
  readonly definitionFiles: DefinitionSet | undefined;
  /** The second thread sharing the work of large runs; closed by `analyze` or `emitFiles`. */
  readonly helper: HelperThread | undefined;
  /** Hash of everything the output depends on: sit's code and version, the config and every definition file. */
  readonly inputsHash: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export function readInputs(options: PipelineOptions): Inputs {
  const cwd = options.cwd ?? process.cwd();
  const { source, diagnostics } = readConfigSource({ cwd, configPath: options.configPath });
  const layout = source === undefined ? undefined : configLayout(source);
  const unread = { configSource: source, outputDir: layout?.outputDir, definitionFiles: undefined, helper: undefined, inputsHash: undefined };
  // Without a layout the config is invalid; `analyze` says why.
  if (source === undefined || layout === undefined) return { ...unread, diagnostics };
  if (!existsSync(layout.definitionsDir) || !statSync(layout.definitionsDir).isDirectory()) {
    const where = locateInConfig(source, ["definitions"]);
    const shown = displayPath(layout.definitionsDir, cwd);
    const file = source.configFile === undefined ? shown : where.file;
    return { ...unread, diagnostics: [...diagnostics, fileDiagnostic(file, where.line, where.column, "error", "SIT030", `definitions folder "${shown}" not found`)] };
  }
  const found = findDefinitions({ definitionsDir: layout.definitionsDir, rootDir: source.rootDir, displayBase: cwd });
  const helper = HelperThread.forFiles(found.refs.length);
  const definitionFiles = DefinitionSet.open(found.refs, helper);
  const hash = createHash("sha256").update(`${generatorFingerprint()}\n${layout.fingerprint}\n`);
  found.refs.forEach((ref, index) => hash.update(`${ref.projectPath}\n${definitionFiles.hashes[index] ?? "unreadable"}\n`));
  return { ...unread, definitionFiles, helper, inputsHash: hash.digest("hex").slice(0, 32), diagnostics: [...diagnostics, ...found.diagnostics] };
}

export interface Analysis extends Inputs {
  /** The validated config, when it is valid. */
  readonly config: ResolvedConfig | undefined;
  /** Set when there is no error: the SDK to emit. */
  readonly model: SdkModel | undefined;
  readonly definitions: readonly ValidDefinition[];
}

/**
 * validate the config → load → validate the definitions → model: every diagnostic of every file,
 * and the model when all is well and `withModel` (validation alone does not need one).
 */
export function analyze(inputs: Inputs, options: PipelineOptions, withModel = true): Analysis {
  // Loaded here, not at the top: the fast path of `generate` reads inputs and never gets this far.
  const { validateConfig } = require("./config/load-config") as typeof import("./config/load-config");
  const { validateCatalog } = require("./validate/validate-catalog") as typeof import("./validate/validate-catalog");
  const { buildModel } = require("./model/build-model") as typeof import("./model/build-model");
  const diagnostics = [...inputs.diagnostics];
  const validated = inputs.configSource === undefined ? undefined : validateConfig(inputs.configSource);
  diagnostics.push(...(validated?.diagnostics ?? []));
  const config = validated?.config;
  let definitions: ValidDefinition[] = [];
  if (config !== undefined && inputs.definitionFiles !== undefined) {
    const checked = inputs.definitionFiles.check({ gitlabStrict: options.gitlabStrict === true });
    diagnostics.push(...checked.diagnostics);
    definitions = checked.definitions;
    diagnostics.push(...validateCatalog(definitions, config));
  }
  diagnostics.sort(compareDiagnostics);
  const model = withModel && config !== undefined && inputs.definitionFiles !== undefined && !hasErrors(diagnostics) ? buildModel(definitions, config) : undefined;
  if (model === undefined) inputs.helper?.close();
  return { ...inputs, config, diagnostics, definitions, model };
}

export interface GeneratedFile {
  /** Relative to the output folder, `/`-separated. */
  readonly path: string;
  /** The text (`generate` decodes it on first use: writing needs only the bytes). */
  readonly content: string;
  /** `content` as UTF-8, when its producer has it already (`generate` does): written as it is. */
  readonly bytes?: Buffer;
}

/** model → files, each headed with the inputs hash and its own content hash. Closes the helper. */
export function emitFiles(model: SdkModel, inputsHash: string, helper?: HelperThread): GeneratedFile[] {
  const { emitSdk } = require("./emit/emit-sdk") as typeof import("./emit/emit-sdk");
  const elsewhere =
    helper === undefined
      ? undefined
      : (events: readonly EventModel[], senders: ReadonlyMap<string, string>) => {
          helper.post({ task: "emit-functions", events, senders: [...senders] });
          return () => {
            const text = helper.reply("emit-functions")?.text;
            // Posted across threads, a Buffer arrives as a plain Uint8Array.
            return text?.map((chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          };
        };
  try {
    return emitSdk(model, elsewhere).map(({ path, body }) => headed(path, body, inputsHash));
  } finally {
    helper?.close();
  }
}
