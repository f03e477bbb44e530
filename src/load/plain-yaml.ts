import { resolvePlainScalar } from "./core-schema";
import type { YamlEntry, YamlNode, YamlScalar } from "./yaml-tree";

/**
 * A parser for the plain YAML that definition files are written in: block mappings and
 * sequences indented with spaces, one-line plain and quoted scalars, simple `|` and `>` block
 * scalars, one-line flow sequences of scalars, `{}`, comments and a leading `---`. It builds
 * exactly the tree `parseYaml` builds from js-yaml's events (a test holds the two to that), in a
 * fraction of the time and garbage, and gives up with `undefined` at the first thing outside that
 * subset (anchors, tags, multi-line plain and quoted scalars, other block scalars, escapes, tabs,
 * CR, duplicate keys, errors…), which js-yaml then parses and reports.
 */
export function parsePlainYaml(source: string, maxNodes: number): YamlNode | undefined {
  if (UNSUPPORTED.test(source)) return undefined;
  return new PlainParser(source, maxNodes).document();
}

/** Characters that only the full parser handles: tabs, CR, other controls, BOM, Unicode line breaks. */
const UNSUPPORTED = /[\t\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const BACKSLASH = 0x5c;
const PIPE = 0x7c;
const GREATER = 0x3e;
const MAX_DEPTH = 32;
/** js-yaml refuses longer implicit keys. */
const MAX_KEY_LENGTH = 1024;

/** Characters that make a plain scalar something else when they start it. */
const INDICATORS = new Set([..."-?:,[]{}#&*!|>'\"%@`"].map((char) => char.charCodeAt(0)));

/** Whether `char` may follow a leading `-` in a plain scalar: in a flow collection `-]` and `-,` are no value (YAML's ns-plain-safe). */
const isPlainSafe = (char: number, inFlow: boolean): boolean =>
  char !== SPACE && !(inFlow && (char === COMMA || char === OPEN_BRACKET || char === CLOSE_BRACKET || char === OPEN_BRACE || char === CLOSE_BRACE));

class GiveUp extends Error {}

/** The syntax is outside the subset (or wrong): js-yaml takes over. */
function giveUp(): never {
  throw new GiveUp();
}

class PlainParser {
  /** The current line: where it starts, its content (after the indentation) and its end. */
  private lineStart = 0;
  private content = 0;
  private lineEnd = 0;
  /** Column of `content`; after `- ` it is the column of what follows the dash. */
  private indent = 0;
  private atEnd = false;
  /** End of the last scalar: where js-yaml's tree puts an empty value. */
  private lastEnd = 0;
  private nodes = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly maxNodes: number,
  ) {}

  document(): YamlNode | undefined {
    try {
      this.seekLine(0);
      if (!this.atEnd && this.indent === 0 && this.source.startsWith("---", this.content)) {
        if (this.content + 3 !== this.lineEnd) giveUp();
        this.seekLine(this.lineEnd + 1);
      }
      if (this.atEnd || this.indent !== 0 || this.isSequenceItem()) return undefined;
      const root = this.mapping(0);
      return this.atEnd ? root : undefined;
    } catch (error) {
      if (error instanceof GiveUp) return undefined;
      throw error;
    }
  }

  /** Moves to the first line at or after `offset` that holds something other than a comment. */
  private seekLine(offset: number): void {
    const source = this.source;
    let start = offset;
    while (start < source.length) {
      let end = source.indexOf("\n", start);
      if (end < 0) end = source.length;
      let content = start;
      while (content < end && source.charCodeAt(content) === SPACE) content++;
      if (content < end && source.charCodeAt(content) !== HASH) {
        // Document markers and directives belong to the full parser.
        if (content === start && (source.startsWith("...", start) || source.charCodeAt(start) === 0x25 || (start > 0 && source.startsWith("---", start)))) giveUp();
        this.lineStart = start;
        this.content = content;
        this.lineEnd = end;
        this.indent = content - start;
        this.atEnd = false;
        return;
      }
      start = end + 1;
    }
    this.atEnd = true;
  }

  private isSequenceItem(): boolean {
    const next = this.content + 1;
    return this.source.charCodeAt(this.content) === DASH && (next === this.lineEnd || this.source.charCodeAt(next) === SPACE);
  }

  /** Counts nodes as js-yaml's tree does (keys included), to give the same answer past the limit. */
  private count(): void {
    if (++this.nodes > this.maxNodes) giveUp();
  }

  private counted<T extends YamlNode>(node: T): T {
    this.count();
    return node;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) giveUp();
  }

  /** A block mapping whose keys are at column `indent`, starting on the current line. */
  private mapping(indent: number): YamlNode {
    this.enter();
    const start = this.content;
    const entries: YamlEntry[] = [];
    const keys = new Set<string>();
    while (!this.atEnd && this.indent === indent && !this.isSequenceItem()) {
      const keyStart = this.content;
      const key = this.key();
      if (keys.has(key)) giveUp();
      keys.add(key);
      entries.push({ key, keyStart, value: this.valueAfterKey(indent) });
    }
    if (!this.atEnd && this.indent > indent) giveUp();
    this.depth--;
    return this.counted({ kind: "mapping", start, entries });
  }

  /** Reads `key:` on the current line, leaving `content` after the colon and its spaces. */
  private key(): string {
    const source = this.source;
    const start = this.content;
    if (INDICATORS.has(source.charCodeAt(start))) giveUp();
    let end = start;
    while (end < this.lineEnd) {
      const char = source.charCodeAt(end);
      if (char === COLON) break;
      if (char === SPACE || char === HASH) giveUp();
      end++;
    }
    const afterColon = end + 1;
    if (end === this.lineEnd || end - start > MAX_KEY_LENGTH || (afterColon < this.lineEnd && source.charCodeAt(afterColon) !== SPACE)) giveUp();
    this.count();
    this.lastEnd = end;
    this.content = this.skipSpaces(afterColon);
    return source.slice(start, end);
  }

  /** The value of a key at column `indent`: on the same line, or the block below it. */
  private valueAfterKey(indent: number): YamlNode {
    const first = this.source.charCodeAt(this.content);
    if (first === PIPE || first === GREATER) return this.blockScalar(indent);
    if (!this.atLineEnd(this.content)) {
      const value = this.inlineValue();
      this.nextLine();
      if (!this.atEnd && this.indent > indent) giveUp();
      return value;
    }
    const emptyAt = this.lastEnd;
    this.nextLine();
    if (!this.atEnd && this.indent > indent) return this.isSequenceItem() ? this.sequence(this.indent) : this.mapping(this.indent);
    if (!this.atEnd && this.indent === indent && this.isSequenceItem()) return this.sequence(indent);
    return this.counted({ kind: "scalar", start: emptyAt, end: emptyAt, value: null });
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar, clipped or stripped (`-`), as the value of a key at
   * column `indent`: its lines equally indented, without blank, more-indented or space-ended lines,
   * which fold in ways best left to js-yaml. Like js-yaml, it spans from the line after the
   * header to the line after its last.
   */
  private blockScalar(indent: number): YamlScalar {
    const source = this.source;
    const literal = source.charCodeAt(this.content) === PIPE;
    let at = this.content + 1;
    const strip = source.charCodeAt(at) === DASH;
    if (strip) at++;
    if (at < this.lineEnd && source.charCodeAt(at) !== SPACE) giveUp();
    if (!this.atLineEnd(this.skipSpaces(at))) giveUp();
    const start = this.lineEnd + 1;
    const lines: string[] = [];
    let contentIndent = -1;
    let next = start;
    while (next < source.length) {
      const end = source.indexOf("\n", next);
      if (end < 0) giveUp();
      let text = next;
      while (text < end && source.charCodeAt(text) === SPACE) text++;
      const lineIndent = text - next;
      if (text === end) giveUp();
      if (lineIndent <= indent) break;
      if (contentIndent < 0) contentIndent = lineIndent;
      if (lineIndent !== contentIndent || source.charCodeAt(end - 1) === SPACE) giveUp();
      lines.push(source.slice(text, end));
      next = end + 1;
    }
    if (lines.length === 0) giveUp();
    const value = lines.join(literal ? "\n" : " ") + (strip ? "" : "\n");
    this.lastEnd = next;
    this.seekLine(next);
    return this.counted({ kind: "scalar", start, end: next, value });
  }

  /** A block sequence whose dashes are at column `indent`, starting on the current line. */
  private sequence(indent: number): YamlNode {
    this.enter();
    const start = this.content;
    const items: YamlNode[] = [];
    while (!this.atEnd && this.indent === indent && this.isSequenceItem()) {
      const itemStart = this.skipSpaces(this.content + 1);
      if (this.atLineEnd(itemStart)) giveUp();
      this.content = itemStart;
      if (this.startsMapping()) {
        // `- key: value`: a mapping whose keys line up with this first one.
        this.indent = itemStart - this.lineStart;
        items.push(this.mapping(this.indent));
      } else {
        items.push(this.inlineValue());
        this.nextLine();
        if (!this.atEnd && this.indent > indent) giveUp();
      }
    }
    if (!this.atEnd && this.indent > indent) giveUp();
    this.depth--;
    return this.counted({ kind: "sequence", start, items });
  }

  /** Whether the current content is `key:` followed by a space or the end of the line. */
  private startsMapping(): boolean {
    const source = this.source;
    const first = source.charCodeAt(this.content);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE || first === OPEN_BRACKET || first === OPEN_BRACE) return false;
    for (let at = this.content; at < this.lineEnd; at++) {
      const char = source.charCodeAt(at);
      if (char === HASH && source.charCodeAt(at - 1) === SPACE) return false;
      if (char === COLON && (at + 1 === this.lineEnd || source.charCodeAt(at + 1) === SPACE)) return true;
    }
    return false;
  }

  /** A scalar, `[…]` or `{}` at `content`, which must end the line (a comment may follow). */
  private inlineValue(): YamlNode {
    const source = this.source;
    const at = this.content;
    const first = source.charCodeAt(at);
    let node: YamlNode;
    let end: number;
    if (first === OPEN_BRACKET) {
      ({ node, end } = this.flowSequence(at));
    } else if (first === OPEN_BRACE) {
      if (source.charCodeAt(at + 1) !== CLOSE_BRACE) giveUp();
      node = this.counted({ kind: "mapping", start: at, entries: [] });
      end = at + 2;
    } else if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      node = this.quoted(at, this.lineEnd);
      end = (node as YamlScalar).end;
    } else {
      node = this.plain(at, this.lineEnd, false);
      end = (node as YamlScalar).end;
    }
    const rest = this.skipSpaces(end);
    if (!this.atLineEnd(rest) || (rest === end && rest < this.lineEnd)) giveUp();
    return node;
  }

  /** `[a, "b", c]` on one line. */
  private flowSequence(open: number): { node: YamlNode; end: number } {
    const source = this.source;
    const items: YamlNode[] = [];
    let at = this.skipSpaces(open + 1);
    if (source.charCodeAt(at) === CLOSE_BRACKET) return { node: this.counted({ kind: "sequence", start: open, items }), end: at + 1 };
    for (;;) {
      const first = source.charCodeAt(at);
      const item = first === DOUBLE_QUOTE || first === SINGLE_QUOTE ? this.quoted(at, this.lineEnd) : this.plain(at, this.lineEnd, true);
      items.push(item);
      at = this.skipSpaces(item.end);
      const separator = source.charCodeAt(at);
      if (separator === CLOSE_BRACKET) return { node: this.counted({ kind: "sequence", start: open, items }), end: at + 1 };
      if (separator !== COMMA) giveUp();
      at = this.skipSpaces(at + 1);
    }
  }

  /** A one-line quoted scalar starting at its quote; escapes and line breaks go to js-yaml. */
  private quoted(open: number, limit: number): YamlScalar {
    const source = this.source;
    const quote = source.charCodeAt(open);
    let value = "";
    let from = open + 1;
    for (let at = open + 1; ; at++) {
      if (at >= limit) giveUp();
      const char = source.charCodeAt(at);
      if (quote === DOUBLE_QUOTE && char === BACKSLASH) giveUp();
      if (char !== quote) continue;
      if (quote === SINGLE_QUOTE && source.charCodeAt(at + 1) === SINGLE_QUOTE) {
        value += source.slice(from, at + 1);
        from = at + 2;
        at++;
        continue;
      }
      value += source.slice(from, at);
      this.lastEnd = at + 1;
      return this.counted({ kind: "scalar", start: open, end: at + 1, value });
    }
  }

  /**
   * A plain scalar from `start`, up to a comment or the end of the line (or, in a flow sequence,
   * a comma or bracket), its value resolved as YAML's core schema does.
   */
  private plain(start: number, limit: number, inFlow: boolean): YamlScalar {
    const source = this.source;
    const first = source.charCodeAt(start);
    if (start >= limit || (INDICATORS.has(first) && !(first === DASH && start + 1 < limit && isPlainSafe(source.charCodeAt(start + 1), inFlow)))) giveUp();
    let end = start;
    for (let at = start; at < limit; at++) {
      const char = source.charCodeAt(at);
      if (char === HASH && source.charCodeAt(at - 1) === SPACE) break;
      if (char === COLON && (at + 1 === limit || source.charCodeAt(at + 1) === SPACE)) giveUp();
      if (inFlow && (char === COMMA || char === CLOSE_BRACKET)) break;
      if (inFlow && (char === OPEN_BRACKET || char === OPEN_BRACE || char === CLOSE_BRACE || char === HASH || char === COLON)) giveUp();
      if (char !== SPACE) end = at + 1;
    }
    const text = source.slice(start, end);
    if (text === "---" || text === "...") giveUp();
    this.lastEnd = end;
    return this.counted({ kind: "scalar", start, end, value: resolvePlainScalar(text) });
  }

  private nextLine(): void {
    this.seekLine(this.lineEnd + 1);
  }

  private skipSpaces(offset: number): number {
    let at = offset;
    while (at < this.lineEnd && this.source.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** Only spaces, or a comment, from `offset` to the end of the line. */
  private atLineEnd(offset: number): boolean {
    return offset >= this.lineEnd || (this.source.charCodeAt(offset) === HASH && (offset === this.lineStart || this.source.charCodeAt(offset - 1) === SPACE));
  }
}
