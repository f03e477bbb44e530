import { isDeepStrictEqual } from "node:util";
import { isRecord } from "../load/yaml-tree";

/**
 * Adding scripts to a package.json by inserting text, so that everything else in the file (its
 * indentation, key order, line breaks, how its arrays are laid out) stays exactly as it was.
 */

export interface ScriptsEdit {
  /** The new text, or `undefined` when nothing had to be added. */
  readonly text: string | undefined;
  readonly added: readonly string[];
  /** Scripts of the same name that run something else: left as they are. */
  readonly kept: readonly { readonly name: string; readonly command: string }[];
}

/** Why the scripts cannot be added, and where in the file when JSON.parse says so (1-based). */
export interface ScriptsProblem {
  readonly error: string;
  readonly line?: number;
  readonly column?: number;
}

export function addScripts(text: string, scripts: Readonly<Record<string, string>>): ScriptsEdit | ScriptsProblem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(message)?.[1];
    if (offset === undefined) return { error: `it is not valid JSON (${message})` };
    const before = text.slice(0, Number(offset)).split("\n");
    return { error: `it is not valid JSON (${message.replace(/ in JSON at position \d+.*$/s, "")})`, line: before.length, column: before.at(-1)!.length + 1 };
  }
  if (!isRecord(parsed)) return { error: "it is not a JSON object" };
  const existing = parsed["scripts"];
  if (existing !== undefined && !isRecord(existing)) return { error: 'its "scripts" is not an object' };

  const added: [string, string][] = [];
  const kept: { name: string; command: string }[] = [];
  for (const [name, command] of Object.entries(scripts)) {
    const present = existing !== undefined && Object.hasOwn(existing, name) ? existing[name] : undefined;
    if (present === undefined) added.push([name, command]);
    else if (present !== command) kept.push({ name, command: typeof present === "string" ? present : JSON.stringify(present) });
  }
  if (added.length === 0) return { text: undefined, added: [], kept };

  const tokens = scanJson(text);
  const root = objectAt(text, tokens, 0);
  const scriptsKey = root.keys.find((key) => key.name === "scripts");
  const edited =
    scriptsKey === undefined ? insertEntries(text, root, [["scripts", added]]) : insertEntries(text, objectAt(text, tokens, scriptsKey.valueToken), added);

  // The edit is text surgery on the user's file: prove it means what was intended before it is written.
  const expected = { ...parsed, scripts: { ...(existing ?? {}), ...Object.fromEntries(added) } };
  if (!isDeepStrictEqual(JSON.parse(edited), expected)) throw new Error("adding scripts to package.json changed more than the scripts");
  return { text: edited, added: added.map(([name]) => name), kept };
}


interface Token {
  readonly kind: "{" | "}" | "[" | "]" | ":" | "," | "string" | "literal";
  readonly start: number;
  readonly end: number;
}

/** The tokens of a text that JSON.parse accepted. */
function scanJson(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index++;
    } else if ("{}[]:,".includes(char)) {
      tokens.push({ kind: char as Token["kind"], start: index, end: index + 1 });
      index++;
    } else if (char === '"') {
      let end = index + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      tokens.push({ kind: "string", start: index, end: end + 1 });
      index = end + 1;
    } else {
      let end = index;
      while (end < text.length && !/[\s{}[\]:,]/.test(text[end]!)) end++;
      tokens.push({ kind: "literal", start: index, end });
      index = end;
    }
  }
  return tokens;
}

interface JsonObject {
  /** Offsets of its braces. */
  readonly open: number;
  readonly close: number;
  /** Its own keys (not those of nested objects) and the token where each value starts. */
  readonly keys: readonly { readonly name: string; readonly start: number; readonly valueToken: number }[];
  /** Where its last value ends, `undefined` when it is empty: new entries go there. */
  readonly lastValueEnd: number | undefined;
}

/** The object whose `{` is token `first`. */
function objectAt(text: string, tokens: readonly Token[], first: number): JsonObject {
  const keys: { name: string; start: number; valueToken: number }[] = [];
  let depth = 0;
  let index = first;
  for (; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === "{" || token.kind === "[") depth++;
    else if (token.kind === "}" || token.kind === "]") depth--;
    if (depth === 0) break;
    if (depth === 1 && token.kind === "string" && tokens[index + 1]?.kind === ":") {
      keys.push({ name: JSON.parse(text.slice(token.start, token.end)) as string, start: token.start, valueToken: index + 2 });
    }
  }
  // JSON has no trailing commas: the token before the closing brace ends the last value.
  return { open: tokens[first]!.start, close: tokens[index]!.start, keys, lastValueEnd: index - 1 > first ? tokens[index - 1]!.end : undefined };
}

type Entry = readonly [string, string | readonly (readonly [string, string])[]];

function insertEntries(text: string, object: JsonObject, entries: readonly Entry[]): string {
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const unit = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
  const inner = text.slice(object.open + 1, object.close);
  // An empty object opens up when the file is laid out on several lines.
  const multiline = inner.includes("\n") || (object.lastValueEnd === undefined && text.trim().includes("\n"));
  const ownIndent = indentOfLine(text, object.open);
  const firstKey = object.keys[0];
  const entryIndent = firstKey === undefined ? ownIndent + unit : indentOfLine(text, firstKey.start);
  const written = entries.map(([key, value]) => {
    if (typeof value === "string") return `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    const members = value.map(([name, command]) => `${JSON.stringify(name)}: ${JSON.stringify(command)}`);
    return multiline
      ? `${JSON.stringify(key)}: {${newline}${members.map((member) => entryIndent + unit + member).join(`,${newline}`)}${newline}${entryIndent}}`
      : `${JSON.stringify(key)}: { ${members.join(", ")} }`;
  });
  if (object.lastValueEnd === undefined) {
    const body = multiline ? `${newline}${written.map((entry) => entryIndent + entry).join(`,${newline}`)}${newline}${ownIndent}` : ` ${written.join(", ")} `;
    return `${text.slice(0, object.open + 1)}${body}${text.slice(object.close)}`;
  }
  const separator = multiline ? `,${newline}${entryIndent}` : ", ";
  return `${text.slice(0, object.lastValueEnd)}${written.map((entry) => separator + entry).join("")}${text.slice(object.lastValueEnd)}`;
}

/** The blanks that start the line `offset` is on. */
function indentOfLine(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}
