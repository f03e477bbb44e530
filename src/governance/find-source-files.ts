import { readdirSync, realpathSync, type Dirent } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { isWithin } from "../load/path-within";
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

/** What a search found, and what it refused to look at. */
export interface SourceFileSearch {
  /** Absolute paths, sorted in code-unit order. */
  readonly files: readonly string[];
  /** Include globs (as given) whose fixed folders lead out of `root`: by `..`, as an absolute path, or through a symbolic link. Not walked. */
  readonly globsOutside: readonly string[];
  /** Matching files that are symbolic links to a place outside `root` (absolute paths): not returned. */
  readonly linksOutside: readonly string[];
}

/**
 * The files under `root` that match an include glob and no `!` glob. Only the folders an include
 * glob can reach are walked; `skipFolder` (given the folder's `/`-separated path relative to
 * `root`) prunes more. Links to folders are not followed, so a link loop cannot trap the walk; a
 * glob or a link that leads out of `root` is refused rather than followed.
 */
export function findSourceFiles(root: string, globs: readonly string[], skipFolder: (relativePath: string) => boolean): SourceFileSearch {
  const realRoot = realPath(root) ?? root;
  const includes: string[] = [];
  const globsOutside: string[] = [];
  for (const glob of globs.filter((candidate) => !candidate.startsWith("!"))) {
    const normalized = normalizeGlob(root, glob);
    if (leadsOut(root, realRoot, literalFolder(normalized))) globsOutside.push(glob);
    else includes.push(normalized);
  }
  const excludes = globs.filter((glob) => glob.startsWith("!")).map((glob) => globToRegExp(normalizeGlob(root, glob.slice(1))));
  const matchers = includes.map(globToRegExp);
  const found = new Set<string>();
  const linksOutside: string[] = [];
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
        const absolute = join(root, path);
        if (entry.isSymbolicLink() && !isWithin(realPath(absolute) ?? absolute, realRoot, false)) linksOutside.push(absolute);
        else found.add(absolute);
      }
    }
  };
  for (const glob of includes) walk(literalFolder(glob));
  return { files: [...found].sort(compareCodeUnits), globsOutside, linksOutside: linksOutside.sort(compareCodeUnits) };
}

/** `./src/**` → `src/**`; `\` separators become `/`; an absolute glob becomes relative to `root` (`../…` when it lies outside). */
function normalizeGlob(root: string, glob: string): string {
  const slashed = glob.replace(/\\/g, "/");
  const relativeGlob = isAbsolute(slashed) ? relative(root, slashed).split(sep).join("/") : slashed;
  return relativeGlob.replace(/^(?:\.\/)+/, "");
}

/** The folder (relative to `root`) is outside it, as written or once symbolic links are followed. */
function leadsOut(root: string, realRoot: string, folder: string): boolean {
  const absolute = resolve(root, folder);
  if (!isWithin(absolute, root, true)) return true;
  const real = realPath(absolute);
  return real !== undefined && !isWithin(real, realRoot, true);
}

/** The path with every symbolic link followed; `undefined` when it does not exist. */
function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

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


