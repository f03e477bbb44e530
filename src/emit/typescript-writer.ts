import CodeBlockWriter from "code-block-writer";

/** Prettier's default print width: output within it needs no reformatting. */
export const PRINT_WIDTH = 80;
const INDENT = 2;
/** Prettier's tab width plus the overlap it needs before breaking after an object key. */
const SHORT_KEY_WIDTH = 5;

/**
 * ts-morph's CodeBlockWriter with the few layout rules prettier applies to what sit emits, so the
 * output is prettier-clean by construction: a list that does not fit on its line is broken one
 * item per line with a trailing comma, and a union that does not fit gets one member per line.
 */
export class TypeScriptWriter {
  private readonly writer = new CodeBlockWriter({ newLine: "\n", indentNumberOfSpaces: INDENT, useTabs: false, useSingleQuote: false });

  line(text = ""): this {
    if (text === "") this.writer.newLine();
    else this.writer.writeLine(text);
    return this;
  }

  blankLine(): this {
    this.writer.blankLineIfLastNot();
    return this;
  }

  /** Writes `open`, the block's lines one level deeper, then `close`. */
  block(open: string, body: () => void, close = "}"): this {
    this.writer.writeLine(open);
    this.writer.indent(body);
    this.writer.writeLine(close);
    return this;
  }

  /** Writes the lines of `body` one level deeper. */
  indented(body: () => void): this {
    this.writer.indent(body);
    return this;
  }

  /** A JSDoc comment; `*\/` inside the text cannot end it early. */
  jsDoc(paragraphs: readonly string[]): this {
    const lines = paragraphs.flatMap((paragraph, index) => [...(index > 0 ? [""] : []), ...commentLines(paragraph)]);
    if (lines.length === 0) return this;
    if (lines.length === 1 && this.fits(`/** ${lines[0]} */`)) return this.line(`/** ${lines[0]} */`);
    this.writer.writeLine("/**");
    for (const line of lines) this.writer.writeLine(line === "" ? " *" : ` * ${line}`);
    this.writer.writeLine(" */");
    return this;
  }

  fits(text: string): boolean {
    return this.writer.getIndentationLevel() * INDENT + text.length <= PRINT_WIDTH;
  }

  /**
   * `prefix` + items + `suffix`: on one line when it fits, otherwise one item per line with a
   * trailing comma, as prettier prints calls, parameter lists, arrays and named imports.
   */
  list(prefix: string, items: readonly string[], suffix: string, separator = ", "): this {
    const open = prefix.at(-1) === "{" ? `${prefix} ` : prefix;
    const close = suffix.startsWith("}") ? ` ${suffix}` : suffix;
    const oneLine = items.length === 0 ? `${prefix}${suffix}` : `${open}${items.join(separator)}${close}`;
    if (this.fits(oneLine) || items.length === 0) return this.line(oneLine);
    this.writer.writeLine(prefix);
    this.writer.indent(() => {
      for (const item of items) this.writer.writeLine(`${item},`);
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
    this.writer.writeLine(head);
    this.writer.indent(() => {
      if (this.fits(`${type}${tail}`)) this.writer.writeLine(`${type}${tail}`);
      else members.forEach((member, index) => this.writer.writeLine(`| ${member}${index === members.length - 1 ? tail : ""}`));
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
    this.writer.writeLine(`${key}:`);
    this.writer.indent(() => this.writer.writeLine(`${value},`));
    return this;
  }

  /** `key: {` … `},` for an object literal value; prettier indents it below a key that is too long. */
  objectProperty(key: string, body: () => void): this {
    if (this.fits(`${key}: {`)) return this.block(`${key}: {`, body, "},");
    this.writer.writeLine(`${key}:`);
    this.writer.indent(() => this.block("{", body, "},"));
    return this;
  }

  toString(): string {
    return this.writer.toString();
  }
}

function commentLines(text: string): string[] {
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
  let doubles = 0;
  let singles = 0;
  for (const char of value) {
    if (char === '"') doubles++;
    else if (char === "'") singles++;
  }
  const quote = doubles > singles ? "'" : '"';
  let result = quote;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    const code = value.charCodeAt(index);
    if (char === quote || char === "\\") result += `\\${char}`;
    else if (char === "\n") result += "\\n";
    else if (char === "\r") result += "\\r";
    else if (char === "\t") result += "\\t";
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) result += `\\u${code.toString(16).padStart(4, "0")}`;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        result += char + value[index + 1];
        index++;
      } else result += `\\u${code.toString(16)}`;
    } else if (code >= 0xdc00 && code <= 0xdfff) result += `\\u${code.toString(16)}`;
    else result += char;
  }
  return result + quote;
}
