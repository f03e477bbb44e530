import { isAbsolute, relative, sep } from "node:path";

/** `path` is inside `folder`, or is `folder` itself when `orSame`: both absolute, compared as written. */
export function isWithin(path: string, folder: string, orSame: boolean): boolean {
  const inside = relative(folder, path);
  if (inside === "") return orSame;
  return inside !== ".." && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}
