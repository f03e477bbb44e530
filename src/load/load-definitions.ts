import { basename, relative, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { findDefinitionFiles } from "./find-definition-files";
import { readTextFile, type TextFileResult } from "./read-text-file";
import { fileDiagnostic, SourceFile } from "./source-file";
import { parseYaml, type YamlMapping } from "./yaml";

/** A definition file's bytes as read, before parsing: enough to hash the inputs. */
export interface DefinitionFile {
  /** Relative to the definitions folder, `/`-separated. */
  readonly relativePath: string;
  /** Relative to the project root (the config file's folder), `/`-separated: stable across machines. */
  readonly projectPath: string;
  /** As diagnostics name it: relative to the working directory. */
  readonly displayPath: string;
  readonly read: TextFileResult;
}

/** A definition file parsed as a YAML mapping; not yet checked against the format. */
export interface LoadedDefinition {
  readonly relativePath: string;
  readonly projectPath: string;
  readonly source: SourceFile;
  readonly root: YamlMapping;
}

export interface LoadOptions {
  readonly definitionsDir: string;
  readonly rootDir: string;
  /** Diagnostics name files relative to this folder (normally the working directory). */
  readonly displayBase: string;
}

export function displayPath(path: string, base: string): string {
  const relativePath = relative(base, path);
  return (relativePath === "" ? basename(path) : relativePath).split(sep).join("/");
}

/** `folder` relative to `base`, `/`-separated with a trailing slash ("" for the same folder). */
function folderPrefix(base: string, folder: string): string {
  const path = relative(base, folder).split(sep).join("/");
  return path === "" ? "" : `${path}/`;
}

/** A definition file found on disk, not read yet. */
export interface DefinitionRef {
  readonly absolutePath: string;
  readonly relativePath: string;
  readonly projectPath: string;
  readonly displayPath: string;
}

/** Finds every definition file; unreadable folders and files become diagnostics. */
export function findDefinitions(options: LoadOptions): { refs: DefinitionRef[]; diagnostics: Diagnostic[] } {
  const found = findDefinitionFiles(options.definitionsDir, (path) => displayPath(path, options.displayBase));
  const diagnostics = found.problems.map((problem) =>
    fileDiagnostic(displayPath(problem.absolutePath, options.displayBase), 0, 0, "error", "SIT007", problem.message),
  );
  const projectPrefix = folderPrefix(options.rootDir, options.definitionsDir);
  const displayPrefix = folderPrefix(options.displayBase, options.definitionsDir);
  const refs = found.files.map((file) => ({
    absolutePath: file.absolutePath,
    relativePath: file.relativePath,
    projectPath: projectPrefix + file.relativePath,
    displayPath: displayPrefix + file.relativePath,
  }));
  return { refs, diagnostics };
}

export function readDefinition(ref: DefinitionRef): DefinitionFile {
  return { relativePath: ref.relativePath, projectPath: ref.projectPath, displayPath: ref.displayPath, read: readTextFile(ref.absolutePath) };
}

/** Parses each readable file; reports unreadable, empty, malformed and non-mapping files. */
export function parseDefinitions(files: readonly DefinitionFile[]): { definitions: LoadedDefinition[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const definitions: LoadedDefinition[] = [];
  for (const file of files) {
    const shownPath = file.displayPath;
    if (!file.read.ok) {
      const { line, column } = file.read.position ?? { line: 0, column: 0 };
      diagnostics.push(fileDiagnostic(shownPath, line, column, "error", file.read.code, file.read.message));
      continue;
    }
    const text = file.read.text;
    const source = new SourceFile(shownPath, text);
    const parsed = parseYaml(text, shownPath);
    diagnostics.push(...source.yamlDiagnostics(parsed.problems));
    if (!parsed.ok) continue;
    const root = parsed.root;
    if (root === null || (root.kind === "scalar" && root.value === null)) {
      diagnostics.push(fileDiagnostic(shownPath, 1, 1, "error", "SIT002", "the file is empty: it holds no definition"));
    } else if (root.kind !== "mapping") {
      const found = root.kind === "sequence" ? "a list" : "a single value";
      diagnostics.push(source.diagnostic(root.start, "error", "SIT003", `a definition must be a mapping of keys (action:, description:, ...), not ${found}`));
    } else {
      definitions.push({ relativePath: file.relativePath, projectPath: file.projectPath, source, root });
    }
  }
  return { definitions, diagnostics };
}
