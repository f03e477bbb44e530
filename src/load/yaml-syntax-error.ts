/**
 * Where a YAML syntax error really is. js-yaml stops where the text stops making sense, which is
 * often lines after the mistake: an unclosed quote or bracket swallows the lines after it, and a
 * block whose first line is indented too far fails only at the next line that lines up correctly.
 * Each of these is reported where the mistake is, with a hint; anything else where js-yaml stopped.
 */
export interface SyntaxErrorPlace {
  readonly offset: number;
  readonly message: string;
  readonly hint?: string;
}

/** js-yaml's reasons when a flow collection (`{ … }`, `[ … ]`) runs past the end of its line or of the file. */
const UNCLOSED_FLOW_REASONS = new Set(["deficient indentation", "unexpected end of the stream within a flow collection"]);

export function locateSyntaxError(source: string, offset: number, reason: string): SyntaxErrorPlace {
  const open = openAt(source, offset);
  if (open.quote !== undefined && source.lastIndexOf("\n", offset - 1) >= open.quote) {
    const mark = source[open.quote] === '"' ? "double" : "single";
    return { offset: open.quote, message: `YAML syntax error: this ${mark}-quoted value is never closed, so the lines after it were read as part of it` };
  }
  const bracket = open.flow.at(-1);
  if (bracket !== undefined && UNCLOSED_FLOW_REASONS.has(reason)) {
    const [kind, closing] = source[bracket] === "{" ? ["mapping", "}"] : ["list", "]"];
    return {
      offset: bracket,
      message: `YAML syntax error: this "${source[bracket]}" is never closed, so the lines after it were read as part of it`,
      hint: `end the ${kind} with "${closing}"`,
    };
  }
  if (reason.startsWith("bad indentation of a")) return misindentation(source, offset, reason);
  return { offset, message: `YAML syntax error: ${reason}` };
}

/**
 * The quoted value and the flow collections still open at `offset` (their first character), read
 * as YAML reads them: a quote or bracket opens only where a value starts, comments are skipped.
 */
function openAt(source: string, offset: number): { quote: number | undefined; flow: number[] } {
  let quote: number | undefined;
  const flow: number[] = [];
  for (let index = 0; index < offset && index < source.length; index++) {
    const char = source[index];
    if (quote !== undefined) {
      if (source[quote] === '"' && char === "\\") index++;
      else if (char === source[quote]) {
        if (char === "'" && source[index + 1] === "'") index++;
        else quote = undefined;
      }
    } else if (char === "#" && (index === 0 || /\s/.test(source[index - 1]!))) {
      const end = source.indexOf("\n", index);
      index = end < 0 ? source.length : end;
    } else if ((char === '"' || char === "'") && startsValue(source, index)) {
      quote = index;
    } else if ((char === "{" || char === "[") && startsValue(source, index)) {
      flow.push(index);
    } else if ((char === "}" || char === "]") && flow.length > 0) {
      flow.pop();
    }
  }
  return { quote, flow };
}

/** A quote or bracket starts a value after a `key: `, a `- `, a flow indicator or indentation alone. */
const startsValue = (source: string, index: number): boolean => /(?:^|\n|: |- |[[{,])[ \t]*$/.test(source.slice(Math.max(0, index - 64), index));

interface Line {
  readonly start: number;
  readonly indent: number;
  /** The line without its indentation and comment: empty for a blank or comment line. */
  readonly text: string;
}

/**
 * "bad indentation": js-yaml names the first line that does not line up with the block it is in.
 * When the odd one out is the block's first line (`label:` one space deeper than the `value:`
 * after it, where the file indents by two), that first line is reported; otherwise the line
 * js-yaml names, at its first character.
 */
function misindentation(source: string, offset: number, reason: string): SyntaxErrorPlace {
  const lines = linesOf(source);
  const at = lines.findIndex((_, index) => (lines[index + 1]?.start ?? Infinity) > offset);
  const failed = lines[at]!;
  // Lines above at the failed line's depth or deeper, up to the one that opens their block.
  let first: number | undefined;
  let parent: Line | undefined;
  for (let index = at - 1; index >= 0; index--) {
    const line = lines[index]!;
    if (line.text === "") continue;
    if (line.indent < failed.indent) {
      parent = line;
      break;
    }
    first = index;
  }
  if (first !== undefined && parent !== undefined && parent.text.endsWith(":")) {
    const block = lines.slice(first, at).filter((line) => line.text !== "");
    const head = block[0]!;
    const step = usualStep(lines);
    const headIsOdd = head.indent - parent.indent !== step && failed.indent - parent.indent === step;
    if (headIsOdd && head.indent > failed.indent && block.slice(1).every((line) => line.indent > head.indent)) {
      return {
        offset: head.start + head.indent,
        message: `YAML syntax error: bad indentation: this line is indented by ${head.indent} spaces, the next line at its level by ${failed.indent}`,
        hint: `indent it by ${failed.indent} spaces: the file indents a block by ${step} below its key`,
      };
    }
  }
  // js-yaml points at the colon after a key; the indentation before the key is what is wrong.
  const key = source.slice(failed.start + failed.indent, offset);
  const atKey = /^(?:- +)*[^\s:#][^:#]*$/.test(key);
  return { offset: atKey ? failed.start + failed.indent : offset, message: `YAML syntax error: ${reason}` };
}

/** How far the file indents a block below its key, most often (the smaller on a tie). */
function usualStep(lines: readonly Line[]): number | undefined {
  const counts = new Map<number, number>();
  let previous: Line | undefined;
  for (const line of lines) {
    if (line.text === "") continue;
    const step = line.indent - (previous?.indent ?? 0);
    if (previous?.text.endsWith(":") === true && step > 0) counts.set(step, (counts.get(step) ?? 0) + 1);
    previous = line;
  }
  let usual: number | undefined;
  for (const [step, count] of counts) {
    const best = usual === undefined ? 0 : counts.get(usual)!;
    if (count > best || (count === best && step < usual!)) usual = step;
  }
  return usual;
}

function linesOf(source: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start <= source.length; ) {
    let end = source.indexOf("\n", start);
    if (end < 0) end = source.length;
    const raw = source.slice(start, end).replace(/\r$/, "");
    const indent = raw.length - raw.replace(/^ +/, "").length;
    const text = raw.slice(indent).replace(/(?:^|\s+)#.*$/, "").trimEnd();
    lines.push({ start, indent, text });
    start = end + 1;
  }
  return lines;
}
