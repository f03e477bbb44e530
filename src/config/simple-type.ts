/**
 * Whether `text` is one type of the common forms identifier types take — names (`User`,
 * `Models.User`), primitives, literals, `readonly T[]`, `T[]`, generic arguments, unions,
 * intersections, parentheses and object types of such members — recognised without loading
 * TypeScript. A `false` proves nothing: TypeScript's own parser then decides (type-expression.ts).
 */
export function isSimpleType(text: string): boolean {
  const tokens = tokenize(text);
  if (tokens === undefined) return false;
  const parser = new SimpleTypeParser(tokens);
  return parser.type() && parser.atEnd();
}

type Token = { readonly kind: "name" | "literal" | "punctuation"; readonly text: string };

/** The tokens of `text`, or `undefined` when it holds anything outside the simple forms. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const pattern = /\s*(?:([A-Za-z_$][A-Za-z0-9_$]*)|("(?:[^"\\\n]|\\[^\n])*"|'(?:[^'\\\n]|\\[^\n])*'|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)|([|&[\]<>(){}:;,.?]))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match === null) return undefined;
    const [, name, literal, punctuation] = match;
    tokens.push(name !== undefined ? { kind: "name", text: name } : literal !== undefined ? { kind: "literal", text: literal } : { kind: "punctuation", text: punctuation! });
    at = pattern.lastIndex;
  }
  return tokens;
}

/**
 * Words that make a name mean something else than a type name (`keyof`, `typeof`…), and reserved
 * words, which are no type names; `null`, `true`, `false`, `void` and `this` are types and stay.
 */
const KEYWORDS = new Set(
  "readonly keyof typeof infer import new extends is asserts unique in as function const break case catch class continue debugger default delete do else enum export finally for if instanceof return super switch throw try var while with yield let static implements interface package private protected public await".split(
    " ",
  ),
);

class SimpleTypeParser {
  private at = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  atEnd(): boolean {
    return this.at === this.tokens.length;
  }

  /** Type := Intersection ('|' Intersection)*, with an optional leading '|'. */
  type(): boolean {
    if (++this.depth > 32) return false;
    this.take("|");
    let ok = this.intersection();
    while (ok && this.take("|")) ok = this.intersection();
    this.depth--;
    return ok;
  }

  private intersection(): boolean {
    let ok = this.postfix();
    while (ok && this.take("&")) ok = this.postfix();
    return ok;
  }

  /** 'readonly' Postfix with an array after it, or Primary followed by any number of `[]`. */
  private postfix(): boolean {
    if (this.peek()?.text === "readonly" && this.peek()?.kind === "name") {
      this.at++;
      const start = this.at;
      if (!this.primary()) return false;
      if (!this.arraySuffixes()) return false;
      return this.at > start && this.tokens[this.at - 1]?.text === "]";
    }
    return this.primary() && this.arraySuffixes();
  }

  private arraySuffixes(): boolean {
    while (this.peek()?.text === "[") {
      this.at++;
      if (!this.take("]")) return false;
    }
    return true;
  }

  private primary(): boolean {
    const token = this.peek();
    if (token === undefined) return false;
    if (token.kind === "literal") {
      this.at++;
      return true;
    }
    if (token.kind === "name") {
      if (KEYWORDS.has(token.text)) return false;
      this.at++;
      while (this.take(".")) if (!this.name()) return false;
      return this.peek()?.text === "<" ? this.typeArguments() : true;
    }
    if (this.take("(")) return this.type() && this.take(")");
    if (this.take("{")) return this.members();
    return false;
  }

  private typeArguments(): boolean {
    this.at++;
    let ok = this.type();
    while (ok && this.take(",")) ok = this.type();
    return ok && this.take(">");
  }

  /** Member := 'readonly'? Key '?'? ':' Type, separated by ';' or ',', up to '}'. */
  private members(): boolean {
    while (!this.take("}")) {
      if (this.peek()?.text === "readonly" && this.tokens[this.at + 1]?.kind === "name") this.at++;
      const key = this.peek();
      if (key === undefined || key.kind === "punctuation") return false;
      this.at++;
      this.take("?");
      if (!this.take(":") || !this.type()) return false;
      if (!this.take(";") && !this.take(",") && this.peek()?.text !== "}") return false;
    }
    return true;
  }

  private name(): boolean {
    const token = this.peek();
    if (token?.kind !== "name") return false;
    this.at++;
    return true;
  }

  private take(punctuation: string): boolean {
    const token = this.peek();
    if (token?.kind !== "punctuation" || token.text !== punctuation) return false;
    this.at++;
    return true;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }
}
