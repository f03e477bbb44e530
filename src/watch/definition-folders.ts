import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { sep } from "node:path";
import { isWithin } from "../load/path-within";

export interface DefinitionFolders {
  /** Every folder to watch, by path as reached from the definitions folder, with its inode. */
  readonly all: ReadonlyMap<string, bigint>;
  /**
   * The folders reached without a symbolic link: a change in one names the definition it concerns,
   * with the path findDefinitions gives it. Anything else makes sit list the folder again.
   */
  readonly plain: ReadonlySet<string>;
}

/**
 * The definitions folder and every folder below it, as findDefinitions walks them: real folders
 * first, then folders reached through symbolic links that stay inside the project, each once.
 * Unreadable folders are left out (listing the definitions reports them).
 */
export function definitionFolders(root: string, realProjectRoot: string): DefinitionFolders {
  const all = new Map<string, bigint>();
  const plain = new Set<string>();
  const visited = new Set<string>();
  const linked: string[] = [];
  const inProject = (path: string): boolean => isWithin(path, realProjectRoot, true);
  const walk = (folder: string, throughLink: boolean): void => {
    let inode: bigint;
    let entries: Dirent[];
    try {
      const real = realpathSync.native(folder);
      if (!inProject(real) || visited.has(real)) return;
      visited.add(real);
      inode = statSync(folder, { bigint: true }).ino;
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    all.set(folder, inode);
    if (!throughLink) plain.add(folder);
    for (const entry of entries) {
      const path = `${folder}${sep}${entry.name}`;
      if (entry.isDirectory()) walk(path, throughLink);
      else if (entry.isSymbolicLink()) linked.push(path);
    }
  };
  walk(root, false);
  for (let next = linked.shift(); next !== undefined; next = linked.shift()) walk(next, true);
  return { all, plain };
}
