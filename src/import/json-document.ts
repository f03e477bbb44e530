/**
 * JSON with the position of every value and key, so a problem found in a tracking plan is reported
 * at `file:line:column` as well as by its JSON pointer. JSON.parse gives neither.
 */

export type JsonNode = JsonObject | JsonArray | JsonScalar;
export type JsonScalarValue = string | number | boolean | null;

export interface JsonObject {
  readonly kind: "object";
  readonly start: number;
  readonly entries: readonly JsonEntry[];
}
export interface JsonEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly value: JsonNode;
}
export interface JsonArray {
  readonly kind: "array";
  readonly start: number;
  readonly items: readonly JsonNode[];
}
export interface JsonScalar {
  readonly kind: "scalar";
  readonly start: number;
  readonly value: JsonScalarValue;
}

export interface JsonSyntaxProblem {
  readonly offset: number;
  readonly message: string;
  readonly hint?: string;
  /** The document nests deeper than sit follows (reported apart: the fix is not in the syntax). */
  readonly tooDeep?: true;
}

export type JsonParseResult = { readonly ok: true; readonly root: JsonNode } | { readonly ok: false; readonly problem: JsonSyntaxProblem };

/** Far beyond any plan (the definitions nest 16 levels), and shallow enough for recursion. */
export const MAX_JSON_DEPTH = 256;

class JsonSyntaxError extends Error {
  constructor(readonly problem: JsonSyntaxProblem) {
    super(problem.message);
  }
}

/** Parses `text` as one JSON value (RFC 8259); a duplicate key is an error, as it means two values for one name. */
export function parseJson(text: string): JsonParseResult {
  try {
    const parser = new Parser(text);
    const root = parser.document();
    return { ok: true, root };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, problem: error.problem };
    throw error;
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERALS: readonly [string, JsonScalarValue][] = [
  ["true", true],
  ["false", false],
  ["null", null],
];

class Parser {
  private offset = 0;

  constructor(private readonly text: string) {}

  document(): JsonNode {
    this.skipSpace();
    if (this.offset >= this.text.length) this.fail(this.offset, "the file holds no JSON value", "a tracking plan is a JSON object");
    const root = this.value(0);
    this.skipSpace();
    if (this.offset < this.text.length) {
      this.fail(this.offset, `${this.describe(this.offset)} after the end of the JSON value`, "a JSON file holds one value: remove what follows it, or wrap the values in a list");
    }
    return root;
  }

  private value(depth: number): JsonNode {
    const start = this.offset;
    const char = this.text[start];
    if (char === "{" || char === "[") {
      if (depth >= MAX_JSON_DEPTH) throw new JsonSyntaxError({ offset: start, message: `the JSON nests deeper than ${MAX_JSON_DEPTH} levels`, tooDeep: true });
      return char === "{" ? this.object(depth) : this.array(depth);
    }
    if (char === '"') return { kind: "scalar", start, value: this.string() };
    NUMBER.lastIndex = start;
    const number = NUMBER.exec(this.text);
    if (number !== null) {
      this.offset += number[0].length;
      return { kind: "scalar", start, value: Number(number[0]) };
    }
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, start)) {
        this.offset += word.length;
        return { kind: "scalar", start, value };
      }
    }
    return this.fail(start, `${this.describe(start)} where a value should be`, this.valueHint(start));
  }

  private object(depth: number): JsonObject {
    const start = this.offset++;
    const entries: JsonEntry[] = [];
    const seen = new Map<string, number>();
    this.skipSpace();
    if (this.text[this.offset] === "}") {
      this.offset++;
      return { kind: "object", start, entries };
    }
    for (;;) {
      this.skipSpace();
      const keyStart = this.offset;
      if (this.text[keyStart] !== '"') {
        if (this.text[keyStart] === "}" && entries.length > 0) this.fail(keyStart, "a comma before the closing }", "JSON allows no comma after the last entry: remove it");
        this.fail(keyStart, `${this.describe(keyStart)} where a key should be`, 'JSON keys are strings in double quotes: "name"');
      }
      const key = this.string();
      const first = seen.get(key);
      if (first !== undefined) this.fail(keyStart, `key ${JSON.stringify(key)} appears twice in this object`, "keep one of them: JSON readers disagree on which one counts");
      seen.set(key, keyStart);
      this.skipSpace();
      if (this.text[this.offset] !== ":") this.fail(this.offset, `${this.describe(this.offset)} after key ${JSON.stringify(key)}`, 'a key is followed by a colon: "name": value');
      this.offset++;
      this.skipSpace();
      entries.push({ key, keyStart, value: this.value(depth + 1) });
      this.skipSpace();
      const next = this.text[this.offset];
      if (next === ",") {
        this.offset++;
        continue;
      }
      if (next === "}") {
        this.offset++;
        return { kind: "object", start, entries };
      }
      this.unclosed(start, "{", "}");
    }
  }

  private array(depth: number): JsonArray {
    const start = this.offset++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.offset] === "]") {
      this.offset++;
      return { kind: "array", start, items };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.offset] === "]" && items.length > 0) this.fail(this.offset, "a comma before the closing ]", "JSON allows no comma after the last item: remove it");
      items.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.offset];
      if (next === ",") {
        this.offset++;
        continue;
      }
      if (next === "]") {
        this.offset++;
        return { kind: "array", start, items };
      }
      this.unclosed(start, "[", "]");
    }
  }

  /** A string at the offset; JSON.parse decodes it, so every escape means what it means in JSON. */
  private string(): string {
    const start = this.offset;
    let index = start + 1;
    for (;;) {
      const char = this.text.charCodeAt(index);
      if (Number.isNaN(char) || char === 10 || char === 13) this.fail(start, "this string is never closed", 'end it with " on the same line');
      if (char === 0x22) break;
      index += char === 0x5c ? 2 : 1;
    }
    this.offset = index + 1;
    try {
      return JSON.parse(this.text.slice(start, this.offset)) as string;
    } catch {
      return this.fail(start, "this string holds a control character or an invalid escape", "escape control characters (\\n, \\t, \\u0001) and write a backslash as \\\\");
    }
  }

  private unclosed(start: number, open: string, close: string): never {
    const at = this.offset;
    if (at >= this.text.length) this.fail(start, `this "${open}" is never closed`, `end it with "${close}"`);
    return this.fail(at, `${this.describe(at)} where a comma or "${close}" should be`, this.valueHint(at) ?? `separate entries with commas, and end with "${close}"`);
  }

  private skipSpace(): void {
    for (;;) {
      const char = this.text.charCodeAt(this.offset);
      if (char === 0x20 || char === 0x09 || char === 0x0a || char === 0x0d) this.offset++;
      else return;
    }
  }

  private describe(offset: number): string {
    if (offset >= this.text.length) return "the end of the file";
    const char = String.fromCodePoint(this.text.codePointAt(offset)!);
    return `unexpected ${/[\p{L}\p{N}\p{P}\p{S}]/u.test(char) ? `"${char}"` : `character U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`}`;
  }

  private valueHint(offset: number): string | undefined {
    const rest = this.text.slice(offset, offset + 2);
    if (rest === "//" || rest === "/*") return "JSON has no comments: remove it";
    if (rest.startsWith("'")) return "JSON strings are in double quotes";
    if (/^[A-Za-z_$]/.test(rest)) return "a word is a string in JSON: put it in double quotes (true, false and null are the only bare words)";
    return undefined;
  }

  private fail(offset: number, message: string, hint?: string): never {
    throw new JsonSyntaxError(hint === undefined ? { offset, message } : { offset, message, hint });
  }
}

/** The entry of `key` in an object, if it has one. */
export function member(node: JsonNode | undefined, key: string): JsonEntry | undefined {
  return node?.kind === "object" ? node.entries.find((entry) => entry.key === key) : undefined;
}

/** A node as a plain JavaScript value (for enum values and messages). */
export function plainValue(node: JsonNode): unknown {
  switch (node.kind) {
    case "scalar":
      return node.value;
    case "array":
      return node.items.map(plainValue);
    case "object": {
      const result: Record<string, unknown> = {};
      for (const entry of node.entries) Object.defineProperty(result, entry.key, { value: plainValue(entry.value), enumerable: true, writable: true, configurable: true });
      return result;
    }
  }
}

export type PointerSegment = string | number;

/** A JSON pointer (RFC 6901): `/rules/3/jsonSchema/properties/a~1b`; the whole document is the empty pointer. */
export function jsonPointer(segments: readonly PointerSegment[]): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** The segments of a JSON pointer, or `undefined` when it is no pointer. */
export function pointerSegments(pointer: string): string[] | undefined {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return undefined;
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The node a pointer leads to from `root`, if any. */
export function nodeAt(root: JsonNode, segments: readonly string[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const segment of segments) {
    if (node?.kind === "object") node = member(node, segment)?.value;
    else if (node?.kind === "array" && /^(?:0|[1-9][0-9]*)$/.test(segment)) node = node.items[Number(segment)];
    else return undefined;
  }
  return node;
}
