import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join, relative, sep } from "node:path";
import { describeFsError } from "./read-text-file";

export interface FoundFile {
  readonly absolutePath: string;
  /** Relative to the definitions folder, with `/` separators. */
  readonly relativePath: string;
}

export interface FindProblem {
  readonly absolutePath: string;
  readonly message: string;
}

export interface FindResult {
  readonly files: readonly FoundFile[];
  readonly problems: readonly FindProblem[];
}

const DEFINITION_FILE = /\.ya?ml$/;

/**
 * Every `*.yml`/`*.yaml` under `root`, recursively, sorted by relative path in code-unit order so
 * the result never depends on the file system's or the locale's ordering. Symbolic links are
 * followed once: a folder reached again through a link is reported as a loop, not walked again.
 */
export function findDefinitionFiles(root: string): FindResult {
  const files: FoundFile[] = [];
  const problems: FindProblem[] = [];
  const visited = new Set<string>();

  const walk = (folder: string): void => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch (error) {
      problems.push({ absolutePath: folder, message: `cannot read folder: ${describeFsError(error)}` });
      return;
    }
    if (visited.has(real)) {
      problems.push({ absolutePath: folder, message: "symbolic-link loop: this folder was already visited" });
      return;
    }
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ absolutePath: folder, message: `cannot read folder: ${describeFsError(error)}` });
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (DEFINITION_FILE.test(entry.name)) problems.push({ absolutePath: path, message: `cannot read file: ${describeFsError(error)}` });
          else if (describeFsError(error).includes("loop")) problems.push({ absolutePath: path, message: describeFsError(error) });
          continue;
        }
      }
      if (isDirectory) walk(path);
      else if (isFile && DEFINITION_FILE.test(entry.name)) {
        files.push({ absolutePath: path, relativePath: relative(root, path).split(sep).join("/") });
      }
    }
  };

  walk(root);
  files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  problems.sort((a, b) => (a.absolutePath < b.absolutePath ? -1 : a.absolutePath > b.absolutePath ? 1 : 0));
  return { files, problems };
}
