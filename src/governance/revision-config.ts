import { posix } from "node:path";
import { DEFAULT_DEFINITIONS } from "../config/config-source";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { decodeText } from "../load/read-text-file";
import { fileDiagnostic, SourceFile } from "../load/source-file";
import { parseYaml } from "../load/yaml";
import { isRecord, toPlainValue, type YamlEntry } from "../load/yaml-tree";
import { configSchema } from "../config/config-schema";
import { vocabularyOf } from "../config/validate-config";
import { DEFAULT_IDENTIFIER_TYPE } from "../validate/vocabulary";
import { GITLAB_VOCABULARY, type Vocabulary } from "../validate/vocabulary";

/** What `sit diff` needs of the config found at another revision. */
export interface RevisionConfig {
  /** The definitions folder, relative to the config's folder as written (`definitions` by default). */
  readonly definitions: string;
  /** `defaultProcessors` as written; `undefined` when absent or not a list of names. */
  readonly defaultProcessors: readonly string[] | undefined;
  /** What that revision's definitions may say, from its `identifiers:` and `rules:` (GitLab's words where they cannot be read). */
  readonly vocabulary: Vocabulary;
  /** Every identifier of the vocabulary, as that config declares it. */
  readonly identifiers: ReadonlyMap<string, DeclaredIdentifier>;
}

/** An identifier as a config declares it, in the terms a comparison of two configs needs. */
export interface DeclaredIdentifier {
  /** Its TypeScript type as written, `Store from ./src/models` when imported; the default type when none is given. */
  readonly type: string;
  /** Set once with `setTrackingContext` rather than passed to each call. */
  readonly fromContext: boolean;
}

/**
 * Reads a config file's bytes from another revision. Only the definitions folder and the default
 * processors are taken: the rest (module paths above all) describes code that may no longer exist.
 */
export function parseRevisionConfig(bytes: Buffer, displayPath: string): { config: RevisionConfig | undefined; diagnostics: Diagnostic[] } {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const { line, column } = decoded.position ?? { line: 0, column: 0 };
    return { config: undefined, diagnostics: [fileDiagnostic(displayPath, line, column, "error", "SIT041", decoded.message)] };
  }
  const source = new SourceFile(displayPath, decoded.text);
  const parsed = parseYaml(decoded.text, displayPath);
  const diagnostics = source.yamlDiagnostics(parsed.problems, "SIT041");
  if (!parsed.ok) return { config: undefined, diagnostics };
  const root = parsed.root;
  if (root === null || (root.kind === "scalar" && root.value === null)) {
    const config = { definitions: DEFAULT_DEFINITIONS, defaultProcessors: undefined, vocabulary: GITLAB_VOCABULARY, identifiers: declaredIdentifiers(undefined, GITLAB_VOCABULARY) };
    return { config, diagnostics };
  }
  if (root.kind !== "mapping") {
    return { config: undefined, diagnostics: [...diagnostics, source.diagnostic(root.start, "error", "SIT041", "the config must be a mapping of keys")] };
  }
  const entry = (key: string): YamlEntry | undefined => root.entries.find((candidate) => candidate.key === key);
  const definitions = entry("definitions");
  if (definitions !== undefined && (definitions.value.kind !== "scalar" || typeof definitions.value.value !== "string" || definitions.value.value === "")) {
    diagnostics.push(source.diagnostic(definitions.value.start, "error", "SIT041", "`definitions` must be the path of a folder"));
    return { config: undefined, diagnostics };
  }
  const processors = entry("defaultProcessors")?.value;
  const names = processors?.kind === "sequence" ? processors.items.map((item) => (item.kind === "scalar" ? item.value : undefined)) : undefined;
  const identifiers = entry("identifiers");
  const vocabulary = revisionVocabulary(identifiers, entry("rules"));
  return {
    config: {
      definitions: definitions?.value.kind === "scalar" ? String(definitions.value.value) : DEFAULT_DEFINITIONS,
      defaultProcessors: names?.every((name): name is string => typeof name === "string") === true ? names : undefined,
      vocabulary,
      identifiers: declaredIdentifiers(identifiers === undefined ? undefined : toPlainValue(identifiers.value), vocabulary),
    },
    diagnostics,
  };
}

/**
 * `folder` (relative to `base`, both relative to the repository's top folder) as a `/`-separated
 * path from the top folder, "" for the top itself; `undefined` when it leaves the repository.
 */
export function folderInRepository(base: string, folder: string): string | undefined {
  if (posix.isAbsolute(folder.replace(/\\/g, "/"))) return undefined;
  const joined = posix.normalize(posix.join(base, folder.replace(/\\/g, "/"))).replace(/\/+$/, "");
  if (joined === ".") return "";
  return joined === ".." || joined.startsWith("../") ? undefined : joined;
}

/** The vocabulary a config at another revision declares, read leniently: what cannot be read is GitLab's. */
function revisionVocabulary(identifiers: YamlEntry | undefined, rules: YamlEntry | undefined): Vocabulary {
  const names = identifiers === undefined ? {} : toPlainValue(identifiers.value);
  const parsedRules = configSchema.shape.rules.safeParse(rules === undefined ? undefined : toPlainValue(rules.value));
  return vocabularyOf(isRecord(names) ? Object.keys(names) : [], parsedRules.success ? parsedRules.data : {});
}

/**
 * Each identifier of `vocabulary` as the config's `identifiers:` (its plain value) declares it,
 * read leniently: what cannot be read is the default.
 */
export function declaredIdentifiers(identifiers: unknown, vocabulary: Vocabulary): ReadonlyMap<string, DeclaredIdentifier> {
  const declared = isRecord(identifiers) ? identifiers : {};
  return new Map(
    vocabulary.identifiers.map((name): [string, DeclaredIdentifier] => {
      const fields = Object.prototype.hasOwnProperty.call(declared, name) && isRecord(declared[name]) ? declared[name] : {};
      const type = typeof fields["type"] === "string" && fields["type"] !== "" ? fields["type"] : DEFAULT_IDENTIFIER_TYPE;
      const module = fields["module"];
      return [name, { type: typeof module === "string" ? `${type} from ${module}` : type, fromContext: fields["fromContext"] === true }];
    }),
  );
}
