import { statSync, type Dirent } from "node:fs";

/** A folder entry that is a regular file, or a symbolic link to one: what can be read without blocking. */
export function isRegularFile(path: string, entry: Dirent): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
