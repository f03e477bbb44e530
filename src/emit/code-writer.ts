/** Prettier's default print width: output within it needs no reformatting. */
export const PRINT_WIDTH = 80;
const INDENT = 2;
/** Prettier's tab width plus the overlap it needs before breaking after an object key. */
const SHORT_KEY_WIDTH = 5;

/**
 * Writes every generated file, line by line, with the few layout rules prettier applies to what sit
 * emits, so the output is prettier-clean by construction: a list that does not fit on its line is
 * broken one item per line with a trailing comma, a union that does not fit moves below its key, a
 * long value moves below its key. The text is kept as UTF-8 bytes in pieces: the text of a large
 * SDK, kept as one growing string, was copied by every young-generation collection while it grew.
 */
export class CodeWriter {
  private pending = "";
  private readonly chunks: Buffer[] = [];
  private empty = true;
  private lastLineBlank = false;
  private level = 0;

  line(text = ""): this {
    this.writeLine(text);
    return this;
  }

  /** Writes each line of a block of fixed text at the current indentation. */
  lines(text: string): this {
    for (const line of text.split("\n")) this.writeLine(line);
    return this;
  }

  blankLine(): this {
    this.writeBlankLineIfLastNot();
    return this;
  }

  /** Writes `open`, the block's lines one level deeper, then `close`. */
  block(open: string, body: () => void, close = "}"): this {
    this.writeLine(open);
    this.indent(body);
    this.writeLine(close);
    return this;
  }

  /** Writes the lines of `body` one level deeper. */
  indented(body: () => void): this {
    this.indent(body);
    return this;
  }

  /** A JSDoc comment; `*\/` inside the text cannot end it early. */
  jsDoc(paragraphs: readonly string[]): this {
    const lines = paragraphs.flatMap((paragraph, index) => [...(index > 0 ? [""] : []), ...commentLines(paragraph)]);
    if (lines.length === 0) return this;
    if (lines.length === 1 && this.fits(`/** ${lines[0]} */`)) return this.line(`/** ${lines[0]} */`);
    this.writeLine("/**");
    for (const line of lines) this.writeLine(line === "" ? " *" : ` * ${line}`);
    this.writeLine(" */");
    return this;
  }

  fits(text: string): boolean {
    return this.indentation() * INDENT + text.length <= PRINT_WIDTH;
  }

  /**
   * `prefix` + items + `suffix`: on one line when it fits, otherwise one item per line with a
   * trailing comma, as prettier prints calls, parameter lists, arrays and named imports.
   */
  list(prefix: string, items: readonly string[], suffix: string): this {
    const open = prefix.at(-1) === "{" ? `${prefix} ` : prefix;
    const close = suffix.startsWith("}") ? ` ${suffix}` : suffix;
    const oneLine = items.length === 0 ? `${prefix}${suffix}` : `${open}${items.join(", ")}${close}`;
    if (items.length === 0 || this.fits(oneLine)) return this.line(oneLine);
    this.writeLine(prefix);
    this.indent(() => {
      for (const item of items) this.writeLine(`${item},`);
    });
    return this.line(suffix);
  }

  /**
   * A property signature `head type tail`. Prettier never breaks a single type; a union that does
   * not fit moves to the next line, and there one member per line when it still does not fit.
   */
  union(head: string, members: readonly string[], tail: string): this {
    const type = members.join(" | ");
    if (members.length < 2 || this.fits(`${head} ${type}${tail}`)) return this.line(`${head} ${type}${tail}`);
    this.writeLine(head);
    this.indent(() => {
      if (this.fits(`${type}${tail}`)) this.writeLine(`${type}${tail}`);
      else members.forEach((member, index) => this.writeLine(`| ${member}${index === members.length - 1 ? tail : ""}`));
    });
    return this;
  }

  /**
   * An object literal property `key: value,` with an unbreakable value (a string, a name). Prettier
   * moves the value to the next line when the line is too long, unless the key is shorter than
   * five characters ("wrapping very short keys adds no value").
   */
  property(key: string, value: string): this {
    const oneLine = `${key}: ${value},`;
    if (this.fits(oneLine) || key.length < SHORT_KEY_WIDTH) return this.line(oneLine);
    this.writeLine(`${key}:`);
    this.indent(() => this.writeLine(`${value},`));
    return this;
  }

  /** `head = value;` with an unbreakable value; prettier moves a value that does not fit below the `=`. */
  assignment(head: string, value: string): this {
    if (this.fits(`${head} = ${value};`)) return this.line(`${head} = ${value};`);
    this.writeLine(`${head} =`);
    this.indent(() => this.writeLine(`${value};`));
    return this;
  }

  /**
   * `if (value !== undefined) target = value;` for a value and a target that are member expressions,
   * as prettier lays it out: the assignment moves below the condition, and then below its `=`, when
   * the line is too long; a condition too long for its line breaks inside the parentheses.
   */
  ifDefined(value: string, target: string): this {
    const condition = `${value} !== undefined`;
    if (this.fits(`if (${condition}) ${target} = ${value};`)) return this.line(`if (${condition}) ${target} = ${value};`);
    if (this.fits(`if (${condition})`)) {
      this.writeLine(`if (${condition})`);
    } else {
      this.writeLine("if (");
      this.indent(() => {
        if (this.fits(condition)) this.writeLine(condition);
        else {
          this.writeLine(`${value} !==`);
          this.writeLine("undefined");
        }
      });
      this.writeLine(")");
    }
    this.indent(() => this.assignment(target, value));
    return this;
  }

  /** `head = {` … `};` for a declaration; prettier moves the object below a head that is too long. */
  objectDeclaration(head: string, body: () => void): this {
    if (this.fits(`${head} = {`)) return this.block(`${head} = {`, body, "};");
    this.writeLine(`${head} =`);
    this.indent(() => this.block("{", body, "};"));
    return this;
  }

  /** Lines already laid out, indentation included (by the printer of type-doc.ts). */
  printed(lines: readonly string[]): this {
    for (const text of lines) {
      this.pending += `${text}\n`;
      this.empty = false;
      this.lastLineBlank = text === "";
    }
    if (this.pending.length >= CHUNK_LENGTH) this.flush();
    return this;
  }

  /** The current indentation, in spaces. */
  get indentationWidth(): number {
    return this.level * INDENT;
  }

  /** A new, empty writer at this one's indentation: the lines it renders can be copied in with `rendered`. */
  apart(): CodeWriter {
    const writer = new CodeWriter();
    writer.level = this.level;
    return writer;
  }

  /** Copies in whole lines that a writer from `apart()` rendered (bytes remembered from an earlier run). */
  rendered(bytes: Buffer): this {
    if (bytes.length === 0) return this;
    this.flush();
    this.chunks.push(bytes);
    this.empty = false;
    this.lastLineBlank = bytes.length === 1 || bytes[bytes.length - 2] === NEWLINE;
    return this;
  }

  /** Writes one line (without its newline) at the current indentation; "" writes an empty line. */
  private writeLine(text: string): void {
    this.pending += text === "" ? "\n" : `${indentation(this.level)}${text}\n`;
    this.empty = false;
    this.lastLineBlank = text === "";
    if (this.pending.length >= CHUNK_LENGTH) this.flush();
  }

  private writeBlankLineIfLastNot(): void {
    if (!this.empty && !this.lastLineBlank) this.writeLine("");
  }

  private indentation(): number {
    return this.level;
  }

  private indent(body: () => void): void {
    this.level++;
    try {
      body();
    } finally {
      this.level--;
    }
  }

  /** The bytes written, in pieces: they are copied together once, with the file's header. */
  toChunks(): Buffer[] {
    this.flush();
    return this.chunks;
  }

  toString(): string {
    return Buffer.concat(this.toChunks()).toString("utf8");
  }

  private flush(): void {
    if (this.pending === "") return;
    this.chunks.push(Buffer.from(this.pending, "utf8"));
    this.pending = "";
  }
}

const CHUNK_LENGTH = 64 * 1024;
const NEWLINE = 0x0a;
const INDENTATIONS = Array.from({ length: 8 }, (_, level) => " ".repeat(level * INDENT));
const indentation = (level: number): string => INDENTATIONS[level] ?? " ".repeat(level * INDENT);

/** A paragraph as comment lines: line breaks kept, trailing spaces and runs of blank lines dropped. */
export function commentLines(text: string): string[] {
  // Most paragraphs are one plain line: they skip the general path, which is measurable at scale.
  if (!NEEDS_COMMENT_CLEANUP.test(text)) return text === "" ? [] : [text];
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\*\//g, "*\\/")
    .split("\n")
    .map((line) => line.replace(/\s+$/, ""))
    .filter((line, index, all) => line !== "" || (index > 0 && index < all.length - 1 && all[index - 1] !== ""));
}

/**
 * A string literal as prettier prints it: double quotes unless the text holds more double than
 * single quotes; only the chosen quote, backslashes and control characters are escaped.
 */
export function stringLiteral(value: string): string {
  const quote = count(value, '"') > count(value, "'") ? "'" : '"';
  const escaped = value.replace(quote === '"' ? NEEDS_ESCAPE_IN_DOUBLE : NEEDS_ESCAPE_IN_SINGLE, escapeCharacter);
  return quote + escaped + quote;
}

const NEEDS_COMMENT_CLEANUP = /[\r\n]|\*\/|\s$/;

/**
 * A key as written in an object literal or type, as prettier writes it: bare when it is an
 * identifier name of the letters prettier unquotes (those of ES5's identifiers: letters, letter
 * numbers, combining marks, digits, connector punctuation), quoted otherwise.
 */
export const propertyKey = (name: string): string => (isUnquotedKey(name) ? name : stringLiteral(name));

/** `object.name`, or `object["name"]` for a name written quoted. */
export const memberAccess = (object: string, name: string): string => (isUnquotedKey(name) ? `${object}.${name}` : `${object}[${stringLiteral(name)}]`);

const ES5_IDENTIFIER_LETTERS = /^[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$]*$/u;
const IDENTIFIER_NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u;
const isUnquotedKey = (name: string): boolean => ES5_IDENTIFIER_LETTERS.test(name) && IDENTIFIER_NAME.test(name);

const NEEDS_ESCAPE_IN_DOUBLE = /["\\\u0000-\u001f\u007f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NEEDS_ESCAPE_IN_SINGLE = /['\\\u0000-\u001f\u007f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeCharacter(char: string): string {
  if (char === '"' || char === "'" || char === "\\") return `\\${char}`;
  return SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

function count(text: string, char: string): number {
  let found = 0;
  for (let index = text.indexOf(char); index >= 0; index = text.indexOf(char, index + 1)) found++;
  return found;
}
