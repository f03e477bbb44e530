import { readFileSync, statSync } from "node:fs";
import type { DiagnosticCode } from "../diagnostics/codes";

/** Definitions are small; anything larger is a mistake or an attack, not an event. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type TextFileResult =
  | { readonly ok: true; readonly text: string; readonly bytes: Buffer }
  | { readonly ok: false; readonly code: DiagnosticCode; readonly message: string };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export function readTextFile(path: string): TextFileResult {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      return { ok: false, code: "SIT005", message: `file is ${size} bytes, over the limit of ${MAX_FILE_BYTES} bytes` };
    }
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, code: "SIT007", message: `cannot read file: ${describeFsError(error)}` };
  }
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, code: "SIT005", message: `file is ${bytes.length} bytes, over the limit of ${MAX_FILE_BYTES} bytes` };
  }
  if (bytes.includes(0)) return { ok: false, code: "SIT004", message: "file contains NUL bytes: it is binary, not YAML text" };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, code: "SIT004", message: "file is not valid UTF-8 text" };
  }
  return { ok: true, text, bytes };
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "no such file or directory (a broken symbolic link?)";
    case "ELOOP":
      return "too many levels of symbolic links (a symbolic-link loop)";
    case "EISDIR":
      return "is a directory";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
