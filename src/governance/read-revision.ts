import { realpathSync } from "node:fs";
import { basename, posix, relative, sep } from "node:path";
import { CONFIG_FILE_NAMES } from "../config/config-source";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { DefinitionFile } from "../load/load-definitions";
import { MAX_FILE_BYTES, type FileBytesResult } from "../load/read-text-file";
import { byCodeUnits } from "../text/code-units";
import { terminalSafe } from "../text/terminal-text";
import { findWorkTree, listTree, readBlobs, resolveCommit, type GitResult } from "./git-revision";
import { GITLAB_VOCABULARY, type Vocabulary } from "../validate/vocabulary";
import { folderInRepository, parseRevisionConfig, type DeclaredIdentifier } from "./revision-config";

/** Where the current project is, to find the same places at another revision. */
export interface RevisionRequest {
  /** A branch, tag, commit or any revision git understands. */
  readonly ref: string;
  /** The current config's folder (the working directory when there is no config file). */
  readonly rootDir: string;
  readonly configFile: string | undefined;
  /** The current definitions folder: used when the revision has no config file. */
  readonly definitionsDir: string;
}

/** The definition files of another revision, read through git without checking it out. */
export interface RevisionDefinitions {
  /** The full commit hash `ref` named. */
  readonly commit: string;
  /** The config file used at that revision, relative to the repository's top folder; `undefined` when it had none. */
  readonly configPath: string | undefined;
  /** Sorted by path relative to the definitions folder, in code-unit order. */
  readonly files: readonly DefinitionFile[];
  /** The default processors at that revision, when its config lists them. */
  readonly defaultProcessors: readonly string[] | undefined;
  /** What the definitions at that revision may say. */
  readonly vocabulary: Vocabulary;
  /** The identifiers its config declares; `undefined` when it had no config (then they are not compared). */
  readonly identifiers: ReadonlyMap<string, DeclaredIdentifier> | undefined;
  /** Problems of that revision's config. */
  readonly diagnostics: readonly Diagnostic[];
}

const DEFINITION_FILE = /\.ya?ml$/;
const SYMBOLIC_LINK = "120000";

/**
 * Reads the config at `ref` (same path as the current one, else the current one applies), then
 * every definition file of its definitions folder, with one `ls-tree` and one `cat-file --batch`.
 * Files are named `<ref>:<path>` in diagnostics, as `git show` takes them.
 */
export function readRevisionDefinitions(request: RevisionRequest): GitResult<RevisionDefinitions> {
  const workTree = findWorkTree(request.rootDir);
  if (!workTree.ok) return workTree;
  const top = workTree.value;
  const commit = resolveCommit(top, request.ref);
  if (!commit.ok) return commit;
  const rootPath = relative(realpathSync.native(top), realpathSync.native(request.rootDir)).split(sep).join("/");
  const shown = (path: string): string => `${request.ref}:${path}`;

  const candidates =
    request.configFile === undefined ? CONFIG_FILE_NAMES.map((name) => posix.join(rootPath, name)) : [posix.join(rootPath, basename(request.configFile))];
  const configBlobs = readBlobs(
    top,
    candidates.map((path) => `${commit.value}:${path}`),
  );
  if (!configBlobs.ok) return configBlobs;
  const configIndex = configBlobs.value.findIndex((blob) => blob !== undefined);
  const configBytes = configBlobs.value[configIndex];
  const configPath = candidates[configIndex];

  let definitionsFolder: string | undefined;
  let defaultProcessors: readonly string[] | undefined;
  let vocabulary = GITLAB_VOCABULARY;
  let identifiers: ReadonlyMap<string, DeclaredIdentifier> | undefined;
  const diagnostics: Diagnostic[] = [];
  if (configBytes !== undefined && configPath !== undefined) {
    const parsed = parseRevisionConfig(configBytes, shown(configPath));
    diagnostics.push(...parsed.diagnostics);
    if (parsed.config === undefined) return { ok: true, value: { commit: commit.value, configPath, files: [], defaultProcessors, vocabulary, identifiers, diagnostics } };
    definitionsFolder = folderInRepository(rootPath, parsed.config.definitions);
    defaultProcessors = parsed.config.defaultProcessors;
    vocabulary = parsed.config.vocabulary;
    identifiers = parsed.config.identifiers;
  } else {
    definitionsFolder = folderInRepository(rootPath, relative(request.rootDir, request.definitionsDir).split(sep).join("/"));
  }
  if (definitionsFolder === undefined) {
    return { ok: false, message: `the definitions folder at ${terminalSafe(request.ref)} lies outside the git repository ${terminalSafe(top)}` };
  }

  const tree = listTree(top, commit.value, definitionsFolder);
  if (!tree.ok) return tree;
  const prefix = definitionsFolder === "" ? "" : `${definitionsFolder}/`;
  // Symbolic links hold a path, not a definition; at another revision their target may not exist.
  const entries = tree.value
    .filter((file) => file.path.startsWith(prefix) && DEFINITION_FILE.test(file.path) && file.mode !== SYMBOLIC_LINK)
    .sort(byCodeUnits((file) => file.path));
  const blobs = readBlobs(
    top,
    entries.map((file) => file.objectId),
  );
  if (!blobs.ok) return blobs;
  const files = entries.map((file, index): DefinitionFile => ({
    relativePath: file.path.slice(prefix.length),
    projectPath: posix.relative(rootPath, file.path),
    displayPath: shown(file.path),
    read: blobRead(blobs.value[index]),
  }));
  return { ok: true, value: { commit: commit.value, configPath, files, defaultProcessors, vocabulary, identifiers, diagnostics } };
}

/** A blob as a file read from disk would be: over sit's size limit, it is not read. */
function blobRead(bytes: Buffer | undefined): FileBytesResult {
  if (bytes === undefined) return { ok: false, code: "SIT007", message: "cannot read file: git has no such blob" };
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, code: "SIT005", message: `the file is ${bytes.length} bytes, over sit's limit of ${MAX_FILE_BYTES} bytes (1 MiB)` };
  }
  return { ok: true, bytes };
}
