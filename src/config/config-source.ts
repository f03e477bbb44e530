import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { displayPath } from "../load/load-definitions";
import { readTextFile } from "../load/read-text-file";
import { fileDiagnostic, SourceFile } from "../load/source-file";
import { nodeAtPath, parseYaml, toPlainValue, type YamlNode } from "../load/yaml";
import type { PathSegment } from "../validate/schema-diagnostics";
import { importSpecifier } from "./resolve-import";

export const CONFIG_FILE_NAMES = ["sit.config.yaml", "sit.config.yml", "sit.config.json"] as const;

export const DEFAULT_DEFINITIONS = "definitions";
export const DEFAULT_OUTPUT = "generated";

export interface ConfigOptions {
  readonly cwd: string;
  /** An explicit `--config` path; without it sit looks for sit.config.{yaml,yml,json} in `cwd`. */
  readonly configPath?: string | undefined;
}

/** The config file found, read and parsed, not yet validated (load-config.ts does that). */
export interface ConfigSource {
  /** The config file's folder (the working directory when there is none): paths are relative to it. */
  readonly rootDir: string;
  readonly configFile: string | undefined;
  /** Diagnostics name files relative to this folder. */
  readonly cwd: string;
  /** The parsed file; `undefined` when there is none and every default applies. */
  readonly origin: { readonly root: YamlNode; readonly source: SourceFile } | undefined;
}

export function readConfigSource(options: ConfigOptions): { source: ConfigSource | undefined; diagnostics: Diagnostic[] } {
  const configFile =
    options.configPath !== undefined
      ? resolve(options.cwd, options.configPath)
      : CONFIG_FILE_NAMES.map((name) => resolve(options.cwd, name)).find((path) => existsSync(path));
  if (configFile === undefined) return { source: { rootDir: options.cwd, configFile, cwd: options.cwd, origin: undefined }, diagnostics: [] };
  const shownPath = displayPath(configFile, options.cwd);
  if (!existsSync(configFile)) {
    return { source: undefined, diagnostics: [fileDiagnostic(shownPath, 0, 0, "error", "SIT040", "config file not found")] };
  }
  const read = readTextFile(configFile);
  if (!read.ok) {
    // A file that cannot be read is a usage error (SIT040, exit 2); one that is read but is not text is an invalid config.
    const { line, column } = read.position ?? { line: 0, column: 0 };
    return { source: undefined, diagnostics: [fileDiagnostic(shownPath, line, column, "error", read.code === "SIT007" ? "SIT040" : "SIT041", read.message)] };
  }
  const source = new SourceFile(shownPath, read.text);
  const parsed = parseYaml(read.text, shownPath);
  const problems = source.yamlDiagnostics(parsed.problems, "SIT041");
  if (!parsed.ok) return { source: undefined, diagnostics: problems };
  const root: YamlNode = parsed.root ?? { kind: "mapping", start: 0, entries: [] };
  if (root.kind !== "mapping" && !(root.kind === "scalar" && root.value === null)) {
    return { source: undefined, diagnostics: [...problems, source.diagnostic(root.start, "error", "SIT041", "the config must be a mapping of keys")] };
  }
  return { source: { rootDir: dirname(configFile), configFile, cwd: options.cwd, origin: { root, source } }, diagnostics: problems };
}

/** Where a part of the config is written, for diagnostics that concern it. */
export function locateInConfig(config: ConfigSource, path: readonly PathSegment[]): Pick<Diagnostic, "file" | "line" | "column"> {
  if (config.origin === undefined) return { file: config.configFile === undefined ? "sit.config.yaml" : displayPath(config.configFile, config.cwd), line: 0, column: 0 };
  const { line, column } = config.origin.source.position(nodeAtPath(config.origin.root, path).node.start);
  return { file: config.origin.source.displayPath, line, column };
}

/** What `generate` needs before the config is validated. */
export interface ConfigLayout {
  readonly definitionsDir: string;
  readonly outputDir: string;
  /** Everything in the config that shapes the output, for the inputs hash. */
  readonly fingerprint: string;
}

/**
 * Where the definitions and the output are, and the config's fingerprint, read straight from the
 * parsed file, so the fast path of `generate` needs no validator (zod alone takes ~90 ms to load).
 * The fingerprint is the config's data as written, plus what each module path resolves to now:
 * a config that fails validation is hashed as it is, so it never matches output that sit wrote
 * from a valid one. `undefined` when the folders themselves are not plain paths.
 */
export function configLayout(config: ConfigSource): ConfigLayout | undefined {
  const data: unknown = config.origin === undefined || config.origin.root.kind !== "mapping" ? {} : toPlainValue(config.origin.root);
  const fields = isRecord(data) ? data : {};
  const definitions = fields["definitions"] ?? DEFAULT_DEFINITIONS;
  const output = fields["output"] ?? DEFAULT_OUTPUT;
  if (typeof definitions !== "string" || typeof output !== "string" || definitions === "" || output === "") return undefined;
  const outputDir = resolve(config.rootDir, output);
  const modules: [string, string, string | null][] = [];
  for (const section of ["processors", "identifiers"]) {
    const entries = fields[section];
    if (!isRecord(entries)) continue;
    for (const [name, entry] of Object.entries(entries)) {
      const module = isRecord(entry) ? entry["module"] : undefined;
      if (typeof module === "string" && module !== "") modules.push([section, name, importSpecifier(module, config.rootDir, outputDir) ?? null]);
    }
  }
  return {
    definitionsDir: resolve(config.rootDir, definitions),
    outputDir,
    // JSON has no Infinity or NaN; marked so, they cannot pass for a null or a string.
    fingerprint: JSON.stringify({ config: data, modules }, (_, value: unknown) =>
      typeof value === "number" && !Number.isFinite(value) ? { nonFinite: String(value) } : value,
    ),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
