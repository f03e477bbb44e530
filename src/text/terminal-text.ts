/**
 * User text as it may appear in a line of sit's output: control characters (a newline, an escape
 * sequence, a carriage return, U+2028…) and invisible formatting characters (bidirectional
 * overrides and isolates, zero-width spaces and joiners, U+FEFF) are written as escapes, so a file
 * name or a YAML key can neither start a forged diagnostic line, nor drive the terminal, nor show
 * other text than it holds (U+202E reverses what follows it; U+200B hides between two letters).
 */
export function terminalSafe(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeCodeUnit) : text;
}

/**
 * Text of several lines as sit prints it: each line terminal-safe, the line breaks kept. The last
 * guard before the terminal, for every command's output; a value that holds a line break must
 * still be escaped with `terminalSafe` where its line is built, or it would start a line of its own.
 */
export function terminalSafeLines(text: string): string {
  return UNSAFE_BESIDE_LINE_BREAKS.test(text) ? text.split("\n").map(terminalSafe).join("\n") : text;
}

/**
 * C0 and C1 controls, DEL, the Arabic letter mark, zero-width spaces, joiners and marks
 * (U+200B–U+200F), line and paragraph separators, bidirectional embeddings and overrides
 * (U+202A–U+202E), the word joiner, bidirectional isolates (U+2066–U+2069), U+FEFF, and lone
 * surrogates; all but the line feed, then with it.
 */
const UNSAFE_BUT_LINE_FEED =
  "[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060\\u2066-\\u2069\\ufeff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]";
const UNSAFE_SOURCE = `\\n|${UNSAFE_BUT_LINE_FEED}`;
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, "g");
/** Most output has many lines and nothing else to escape: it is then printed as it is, not split. */
const UNSAFE_BESIDE_LINE_BREAKS = new RegExp(UNSAFE_BUT_LINE_FEED);
const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const escapeCodeUnit = (char: string): string => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
