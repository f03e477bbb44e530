import { relative, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { displayPath } from "../files/display-path";
import { findDefinitionFiles } from "./find-definition-files";
import { decodeText, readFileBytes, type FileBytesResult } from "./read-text-file";
import { fileDiagnostic, SourceFile } from "./source-file";
import { parseYaml } from "./yaml";
import { type YamlMapping } from "./yaml-tree";

/** A definition file's bytes as read, before parsing: enough to hash the inputs. */
export interface DefinitionFile {
  /** Relative to the definitions folder, `/`-separated. */
  readonly relativePath: string;
  /** Relative to the project root (the config file's folder), `/`-separated: stable across machines. */
  readonly projectPath: string;
  /** As diagnostics name it: relative to the working directory. */
  readonly displayPath: string;
  readonly read: FileBytesResult;
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
  /** The real path of `rootDir`: links leading outside it are refused. */
  readonly realRootDir: string;
  /** Diagnostics name files relative to this folder (normally the working directory). */
  readonly displayBase: string;
}

/** `folder` relative to `base`, `/`-separated with a trailing slash ("" for the same folder). */
export function folderPrefix(base: string, folder: string): string {
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
  const found = findDefinitionFiles(options.definitionsDir, options.realRootDir, (path) => displayPath(path, options.displayBase));
  const diagnostics = found.problems.map((problem) =>
    fileDiagnostic(displayPath(problem.absolutePath, options.displayBase), 0, 0, "error", problem.code, problem.message),
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
  return { relativePath: ref.relativePath, projectPath: ref.projectPath, displayPath: ref.displayPath, read: readFileBytes(ref.absolutePath) };
}

/** Decodes and parses a file read earlier; reports it when unreadable, not text, empty, malformed or not a mapping. */
export function parseDefinition(file: DefinitionFile): { definition: LoadedDefinition | undefined; diagnostics: Diagnostic[] } {
  const shownPath = file.displayPath;
  const decoded = file.read.ok ? decodeText(file.read.bytes) : file.read;
  if (!decoded.ok) {
    const { line, column } = decoded.position ?? { line: 0, column: 0 };
    return { definition: undefined, diagnostics: [fileDiagnostic(shownPath, line, column, "error", decoded.code, decoded.message, decoded.hint)] };
  }
  const source = new SourceFile(shownPath, decoded.text);
  const parsed = parseYaml(decoded.text, shownPath);
  const diagnostics = source.yamlDiagnostics(parsed.problems);
  if (!parsed.ok) return { definition: undefined, diagnostics };
  const root = parsed.root;
  if (root === null || (root.kind === "scalar" && root.value === null)) {
    diagnostics.push(fileDiagnostic(shownPath, 1, 1, "error", "SIT002", "the file is empty: it holds no definition"));
  } else if (root.kind !== "mapping") {
    const found = root.kind === "sequence" ? "a list" : "a single value";
    diagnostics.push(source.diagnostic(root.start, "error", "SIT003", `a definition must be a mapping of keys (action:, description:, ...), not ${found}`));
  } else {
    return { definition: { relativePath: file.relativePath, projectPath: file.projectPath, source, root }, diagnostics };
  }
  return { definition: undefined, diagnostics };
}
