import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { displayPath } from "../files/display-path";
import { readTextFile } from "../load/read-text-file";
import { fileDiagnostic, SourceFile } from "../load/source-file";
import { parseYaml } from "../load/yaml";
import { nodeAtPath, type YamlNode } from "../load/yaml-tree";
import type { PathSegment } from "../validate/schema-diagnostics";
import { jsonSyntaxProblem } from "./json-config";

export const CONFIG_FILE_NAMES = ["sit.config.yaml", "sit.config.yml", "sit.config.json"] as const;

export const DEFAULT_DEFINITIONS = "definitions";
export const DEFAULT_OUTPUT = "generated";

export interface ConfigOptions {
  readonly cwd: string;
  /** An explicit `--config` path; without it sit looks for the nearest sit.config.* (see `findConfigFile`). */
  readonly configPath?: string | undefined;
}

/** The config file found, read and parsed, not yet validated (validate-config.ts does that). */
export interface ConfigSource {
  /** The config file's folder (the working directory when there is none): paths are relative to it. */
  readonly rootDir: string;
  readonly configFile: string | undefined;
  /** Diagnostics name files relative to this folder. */
  readonly cwd: string;
  /** The parsed file; `undefined` when there is none and every default applies. */
  readonly origin: { readonly root: YamlNode; readonly source: SourceFile } | undefined;
}

/**
 * The nearest sit.config.{yaml,yml,json} in `cwd` or a parent folder, stopping at the repository
 * root (the first folder holding `.git`), as prettier, eslint and tsc look for theirs.
 */
export function findConfigFile(cwd: string): string | undefined {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(folder, name);
      if (isFile(path)) return path;
    }
    if (existsSync(join(folder, ".git")) || dirname(folder) === folder) return undefined;
  }
}

export function readConfigSource(options: ConfigOptions): { source: ConfigSource | undefined; diagnostics: Diagnostic[] } {
  const configFile = options.configPath !== undefined ? resolve(options.cwd, options.configPath) : findConfigFile(options.cwd);
  if (configFile === undefined) {
    if (isDirectory(join(options.cwd, DEFAULT_DEFINITIONS))) {
      return { source: { rootDir: options.cwd, configFile, cwd: options.cwd, origin: undefined }, diagnostics: [] };
    }
    const message = `no sit.config.yaml in this folder or its parents up to the repository root, and no ${DEFAULT_DEFINITIONS}/ folder here`;
    const hint = "run `npx sit init` to start a tracking plan here, cd into the project, or pass --config path/to/sit.config.yaml";
    return { source: undefined, diagnostics: [fileDiagnostic(".", 0, 0, "error", "SIT043", message, hint)] };
  }
  const shownPath = displayPath(configFile, options.cwd);
  if (!existsSync(configFile)) {
    return { source: undefined, diagnostics: [fileDiagnostic(shownPath, 0, 0, "error", "SIT040", "config file not found")] };
  }
  const read = readTextFile(configFile);
  if (!read.ok) {
    // A file that cannot be read is a usage error (SIT040, exit 2); one that is read but is not text is an invalid config.
    const { line, column } = read.position ?? { line: 0, column: 0 };
    return { source: undefined, diagnostics: [fileDiagnostic(shownPath, line, column, "error", read.code === "SIT007" ? "SIT040" : "SIT041", read.message, read.hint)] };
  }
  const source = new SourceFile(shownPath, read.text);
  // JSON is YAML, but YAML accepts what JSON does not (comments, trailing commas): say so in JSON's terms.
  const jsonProblem = configFile.endsWith(".json") ? jsonSyntaxProblem(read.text) : undefined;
  if (jsonProblem !== undefined) {
    return { source: undefined, diagnostics: [source.diagnostic(jsonProblem.offset, "error", "SIT041", jsonProblem.message, jsonProblem.hint)] };
  }
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

export const configDiagnostic = (config: ConfigSource, path: readonly PathSegment[], code: Diagnostic["code"], message: string, hint?: string): Diagnostic => {
  const where = locateInConfig(config, path);
  return fileDiagnostic(where.file, where.line, where.column, "error", code, message, hint);
};

const isFile = (path: string): boolean => statOrUndefined(path)?.isFile() === true;
export const isDirectory = (path: string): boolean => statOrUndefined(path)?.isDirectory() === true;

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
