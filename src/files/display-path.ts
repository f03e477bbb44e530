import { relative, sep } from "node:path";

/**
 * A path as sit shows it, in diagnostics and messages alike: relative to `base` (`../` above it,
 * which editors and terminals resolve from the working directory), `/`-separated on every
 * platform, and `.` for `base` itself.
 */
export function displayPath(path: string, base: string): string {
  return relative(base, path).split(sep).join("/") || ".";
}
