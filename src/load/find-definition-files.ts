import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { relative, sep } from "node:path";
import type { DiagnosticCode } from "../diagnostics/codes";
import { byCodeUnits } from "../text/code-units";
import { describeFileError } from "../files/file-error";
import { isWithin } from "./path-within";

export interface FoundFile {
  readonly absolutePath: string;
  /** Relative to the definitions folder, with `/` separators. */
  readonly relativePath: string;
}

export interface FindProblem {
  readonly absolutePath: string;
  readonly code: DiagnosticCode;
  readonly message: string;
}

export interface FindResult {
  readonly files: readonly FoundFile[];
  readonly problems: readonly FindProblem[];
}

const DEFINITION_FILE = /\.ya?ml$/;

/** A name sit reads as a definition file: `*.yml` or `*.yaml`. */
export const isDefinitionFileName = (name: string): boolean => DEFINITION_FILE.test(name);

const byName = byCodeUnits((entry: Dirent) => entry.name);

/** Said of a file or folder that is a link to something outside the project; nothing of it is read or quoted. */
const OUTSIDE_PROJECT = "a symbolic link to a place outside the project (the folder of the config): sit reads definitions only from inside it";

/**
 * Every `*.yml`/`*.yaml` under `root`, recursively, sorted by relative path in code-unit order so
 * the result never depends on the file system's or the locale's ordering. Symbolic links are
 * followed once, after the real folders: a folder reached again through a link is reported (a
 * loop, or a second path to a folder already read) and not walked again, so no definition is
 * read twice and a folder is always read from its real place. A link that leads outside `projectRoot`
 * (a real path) is refused: a repository must not make sit read, or quote, files elsewhere on the
 * machine. Messages name other paths with `shown`.
 */
export function findDefinitionFiles(root: string, projectRoot: string, shown: (absolutePath: string) => string): FindResult {
  const files: FoundFile[] = [];
  const problems: FindProblem[] = [];
  const problem = (absolutePath: string, message: string, code: DiagnosticCode = "SIT007") => problems.push({ absolutePath, code, message });
  const inProject = (realPath: string): boolean => isWithin(realPath, projectRoot, true);
  const visited = new Map<string, string>();
  const linkedFolders: { path: string; ancestors: readonly string[] }[] = [];

  const walk = (folder: string, ancestors: readonly string[]): void => {
    let real: string;
    try {
      // The system call: the JavaScript realpathSync lstats every component of every folder.
      real = realpathSync.native(folder);
    } catch (error) {
      problem(folder, `cannot read folder: ${describeFileError(error)}`);
      return;
    }
    if (!inProject(real)) {
      problem(folder, OUTSIDE_PROJECT, "SIT033");
      return;
    }
    const firstPath = visited.get(real);
    if (firstPath !== undefined) {
      problem(
        folder,
        ancestors.includes(real)
          ? `symbolic-link loop: this folder leads back to "${shown(firstPath)}", which contains it`
          : `this folder is "${shown(firstPath)}" again, reached through a symbolic link; its definitions are read once, from there`,
      );
      return;
    }
    visited.set(real, folder);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort(byName);
    } catch (error) {
      problem(folder, `cannot read folder: ${describeFileError(error)}`);
      return;
    }
    // Built by concatenation: path.join and path.relative per file are measurable at scale.
    const prefix = folder === root ? "" : `${relative(root, folder).split(sep).join("/")}/`;
    for (const entry of entries) {
      const path = `${folder}${sep}${entry.name}`;
      const isDefinition = isDefinitionFileName(entry.name);
      const isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          if (target.isDirectory()) {
            linkedFolders.push({ path, ancestors: [...ancestors, real] });
            continue;
          }
          isFile = target.isFile();
          if (isFile && isDefinition && !inProject(realpathSync.native(path))) {
            problem(path, OUTSIDE_PROJECT, "SIT033");
            continue;
          }
        } catch (error) {
          // A broken link is only a problem where a definition was meant to be; a link loop always is.
          const reason = describeFileError(error);
          if (isDefinition) problem(path, `cannot read file: ${reason}`);
          else if ((error as { code?: unknown }).code === "ELOOP") problem(path, `cannot read folder: ${reason}`);
          continue;
        }
      }
      if (isDirectory) walk(path, [...ancestors, real]);
      else if (isFile && isDefinition) files.push({ absolutePath: path, relativePath: `${prefix}${entry.name}` });
      else if (isDefinition) problem(path, "cannot read file: not a regular file (a FIFO, socket or device)");
    }
  };

  walk(root, []);
  for (let next = linkedFolders.shift(); next !== undefined; next = linkedFolders.shift()) walk(next.path, next.ancestors);
  files.sort(byCodeUnits((file) => file.relativePath));
  problems.sort(byCodeUnits((found) => found.absolutePath));
  return { files, problems };
}
