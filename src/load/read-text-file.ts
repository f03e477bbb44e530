import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { describeFileError } from "../files/file-error";
import type { DiagnosticCode } from "../diagnostics/codes";
import type { Position } from "../diagnostics/diagnostic";

/** Definitions are small; anything larger is a mistake or an attack, not an event. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type Failure = {
  readonly ok: false;
  readonly code: DiagnosticCode;
  readonly message: string;
  /** Where in the file the problem is; absent when it concerns the whole file. */
  readonly position?: Position;
  readonly hint?: string;
};

export type FileBytesResult = { readonly ok: true; readonly bytes: Buffer } | Failure;
export type TextResult = { readonly ok: true; readonly text: string } | Failure;

/** Fatal on invalid bytes; strips a byte-order mark, as editors do. */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export function readTextFile(path: string): TextResult {
  const read = readFileBytes(path);
  return read.ok ? decodeText(read.bytes) : read;
}

/** A regular file's bytes, up to sit's size limit. */
export function readFileBytes(path: string): FileBytesResult {
  let descriptor: number | undefined;
  try {
    // One open, fstat, read and close per file: a separate stat per file is measurable at scale.
    // O_NONBLOCK so that opening a FIFO returns at once; fstat then rejects it unread.
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(descriptor);
    // Reading a FIFO or a device could block forever or never end; only regular files are text.
    if (!stats.isFile()) {
      return { ok: false, code: "SIT007", message: `cannot read file: ${stats.isDirectory() ? "it is a folder" : "not a regular file (a FIFO, socket or device)"}` };
    }
    if (stats.size > MAX_FILE_BYTES) return tooLarge(stats.size);
    return { ok: true, bytes: readAll(descriptor, stats.size) };
  } catch (error) {
    return { ok: false, code: "SIT007", message: `cannot read file: ${describeFileError(error)}` };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * The text of a file's bytes: UTF-8 without NUL. Decoded only when the file is parsed, so the
 * fast path never decodes, and a run holds one file's text at a time rather than all of them.
 */
export function decodeText(bytes: Buffer): TextResult {
  const encoding = utf16Or32(bytes);
  if (encoding !== undefined) {
    return {
      ok: false,
      code: "SIT004",
      message: `the file is ${encoding} text; sit reads UTF-8 only`,
      hint: "convert it to UTF-8, e.g. `iconv -f " + encoding + " -t UTF-8`, or re-save it as UTF-8 in your editor",
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, code: "SIT004", message: "the file contains a NUL byte: it is binary, not YAML text", position: positionOfByte(bytes, nul) };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const invalid = firstInvalidUtf8Byte(bytes);
    return {
      ok: false,
      code: "SIT004",
      message: `the file is not valid UTF-8 text (byte 0x${bytes[invalid]!.toString(16).padStart(2, "0")} at offset ${invalid})`,
      position: positionOfByte(bytes, invalid),
    };
  }
}

/**
 * The encoding of a UTF-16 or UTF-32 file, recognised by its byte-order mark or, without one, by the
 * NUL bytes every ASCII character gets in UTF-16: such a file is text, not binary.
 */
function utf16Or32(bytes: Buffer): string | undefined {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x0000feff) return "UTF-32BE";
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x0000feff) return "UTF-32LE";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16BE";
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16LE";
  const sample = bytes.subarray(0, 64 & ~1);
  if (sample.length < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) evenNuls++;
    else oddNuls++;
  }
  const pairs = sample.length / 2;
  if (evenNuls === pairs && oddNuls === 0) return "UTF-16BE";
  if (oddNuls === pairs && evenNuls === 0) return "UTF-16LE";
  return undefined;
}

/**
 * Reads the size fstat gave, as `readFileSync` does: asking the end-of-file question again would
 * cost one more system call per file. A file shrinking meanwhile
 * ends the read early.
 */
function readAll(descriptor: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const read = readSync(descriptor, buffer, length, size - length, null);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

const tooLarge = (size: number): Failure => ({
  ok: false,
  code: "SIT005",
  message: `the file is ${size} bytes, over sit's limit of ${MAX_FILE_BYTES} bytes (1 MiB)`,
});

/**
 * The offset of the first byte of the first invalid UTF-8 sequence in bytes known to hold one.
 * Bisects with a streaming fatal decoder, which accepts a prefix that stops inside a character but
 * not one holding an invalid sequence.
 */
function firstInvalidUtf8Byte(bytes: Buffer): number {
  const decodes = (length: number, stream: boolean): boolean => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length), { stream });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (decodes(middle, true)) low = middle;
    else high = middle - 1;
  }
  if (low < bytes.length && decodes(low, false)) return low;
  // The longest valid prefix ends inside a character, which the next byte (or the end) breaks:
  // the broken sequence starts at that character's lead byte.
  let start = low;
  while (start > 0 && (bytes[start - 1]! & 0xc0) === 0x80) start--;
  return start - 1;
}

/** 1-based line and column of a byte, columns counted in UTF-16 code units as for any other position. */
function positionOfByte(bytes: Buffer, offset: number): Position {
  const before = bytes.subarray(0, offset).toString("utf8").replace(/^\ufeff/, "");
  const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) + 1;
  let line = 1;
  for (let index = 0; index < before.length; index++) {
    const char = before.charCodeAt(index);
    if (char === 10 || (char === 13 && before.charCodeAt(index + 1) !== 10)) line++;
  }
  return { line, column: before.length - lineStart + 1 };
}
