/** A failure of the file system (it carries an error code), as opposed to a bug in sit. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  // Not `instanceof Error`: an error made in another realm (a vm context, a test runner's) is one too.
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string";
}

/** Why reading or writing a file failed, in the same words wherever sit reports it. */
export function describeFileError(error: unknown): string {
  switch (isFileSystemError(error) ? error.code : undefined) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "no such file or folder (removed meanwhile, or a broken symbolic link?)";
    case "ELOOP":
      return "too many levels of symbolic links (a symbolic-link loop)";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
      return "a part of the path is a file, not a folder";
    case "EEXIST":
      return "a file or a broken link is in the way of one sit creates";
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "disk quota exceeded";
    case "EFBIG":
      return "file too large for the limit set on this process (ulimit -f)";
    case "EROFS":
      return "read-only file system";
    default:
      return typeof (error as { message?: unknown } | undefined)?.message === "string" ? (error as Error).message : String(error);
  }
}
