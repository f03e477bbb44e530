/**
 * User text as it may appear in a line of sit's output: control characters (a newline, an escape
 * sequence, a carriage return, U+2028…) are written as escapes, so a file name or a YAML key can
 * neither start a forged diagnostic line nor drive the terminal.
 */
export function terminalSafe(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeCodeUnit) : text;
}

/** C0 and C1 controls, DEL, line and paragraph separators, and lone surrogates. */
const UNSAFE_SOURCE = "[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]";
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, "g");
const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const escapeCodeUnit = (char: string): string => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
