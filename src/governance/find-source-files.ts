import { readdirSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { isRegularFile } from "../load/regular-file";
import { compareCodeUnits } from "../text/code-units";

/**
 * A glob as a regular expression over `/`-separated relative paths: `**` any number of folders,
 * `*` and `?` within one name, `{a,b}` alternatives, `[abc]` a character class.
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = "";
  let braces = 0;
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === "*" && glob[index + 1] === "*") {
      const folders = glob[index + 2] === "/";
      pattern += folders ? "(?:[^/]*/)*" : ".*";
      index += folders ? 2 : 1;
    } else if (char === "*") pattern += "[^/]*";
    else if (char === "?") pattern += "[^/]";
    else if (char === "{") {
      braces++;
      pattern += "(?:";
    } else if (char === "}" && braces > 0) {
      braces--;
      pattern += ")";
    } else if (char === "," && braces > 0) pattern += "|";
    else if (char === "[") {
      const end = glob.indexOf("]", index + 1);
      if (end < 0) pattern += "\\[";
      else {
        pattern += `[${glob
          .slice(index + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        index = end;
      }
    } else pattern += char.replace(/[.+^$()|\\\]{}]/g, "\\$&");
  }
  return new RegExp(`^${pattern}$`);
}

/**
 * The files under `root` that match an include glob and no `!` glob, as absolute paths sorted in
 * code-unit order. Only the folders an include glob can reach are walked; `skipFolder` (given the
 * folder's `/`-separated path relative to `root`) prunes more. Links to folders are not followed,
 * so a link loop cannot trap the walk.
 */
export function findSourceFiles(root: string, globs: readonly string[], skipFolder: (relativePath: string) => boolean): string[] {
  const includes = globs.filter((glob) => !glob.startsWith("!")).map(normalizeGlob);
  const excludes = globs.filter((glob) => glob.startsWith("!")).map((glob) => globToRegExp(normalizeGlob(glob.slice(1))));
  const matchers = includes.map(globToRegExp);
  const found = new Set<string>();
  const walked = new Set<string>();
  const walk = (folder: string): void => {
    if (walked.has(folder) || (folder !== "" && skipFolder(folder))) return;
    walked.add(folder);
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      return; // A folder that cannot be read holds nothing to scan.
    }
    for (const entry of entries) {
      const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (isRegularFile(join(root, path), entry) && matchers.some((matcher) => matcher.test(path)) && !excludes.some((matcher) => matcher.test(path))) {
        found.add(join(root, path));
      }
    }
  };
  for (const glob of includes) walk(literalFolder(glob));
  return [...found].sort(compareCodeUnits);
}

/** `./src/**` → `src/**`; `\` separators become `/`. */
const normalizeGlob = (glob: string): string => glob.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "");

/** The folders of a glob before its first special character: where its matches can start. */
function literalFolder(glob: string): string {
  const segments = glob.split("/");
  const literal: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?{}[\]]/.test(segment)) break;
    literal.push(segment);
  }
  return literal.join("/");
}


