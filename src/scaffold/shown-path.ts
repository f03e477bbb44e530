import { relative, sep } from "node:path";

/** A path as messages show it: relative to the working directory, `/`-separated. */
export function shownPath(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join("/") || ".";
}
