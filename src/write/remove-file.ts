import { unlinkSync } from "node:fs";

/**
 * Deletes a file; one already gone is fine. `unlink`, not `rmSync`: on a file it may not delete,
 * `rmSync` tries again as if it were a folder and reports "not a directory".
 */
export function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw error;
  }
}

/** Deletes a file while cleaning up after a failure: a second failure must not hide the first. */
export function removeFileQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // The failure being handled is the one to report.
  }
}
