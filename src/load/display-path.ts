import { basename, relative, sep } from "node:path";

/** A path as diagnostics show it: relative to `base` when possible, `/`-separated. */
export function displayPath(path: string, base: string): string {
  const relativePath = relative(base, path);
  return (relativePath === "" ? basename(path) : relativePath).split(sep).join("/");
}
