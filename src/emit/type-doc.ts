/**
 * A small document printer in prettier's manner (groups that break when they do not fit, lines
 * that become spaces or newlines), for the one part of the SDK whose layout depends on nesting: the
 * types of properties, with their unions, arrays and object types. The documents mirror how
 * prettier prints those TypeScript nodes, so the output is prettier-clean by construction; a test
 * holds them to prettier over generated types.
 */

import type { PropertySpec, ValueSpec } from "../model/value-spec";
import { commentLines, PRINT_WIDTH, propertyKey, stringLiteral } from "./code-writer";

type Doc = string | readonly Doc[] | Indent | Align | Group | Line | IfBreak | Comment;

interface Indent {
  readonly kind: "indent";
  readonly doc: Doc;
}
interface Align {
  readonly kind: "align";
  readonly width: number;
  readonly doc: Doc;
}
interface Group {
  readonly kind: "group";
  readonly doc: Doc;
  /** It holds a hard line: it breaks, and so does every group around it. */
  readonly broken: boolean;
}
interface Line {
  readonly kind: "line";
  /** Nothing instead of a space when the line does not break. */
  readonly soft: boolean;
  readonly hard: boolean;
}
interface IfBreak {
  readonly kind: "ifBreak";
  readonly broken: Doc;
}
/** A doc comment, on one line when it fits at its indentation, as `CodeWriter.jsDoc` writes it. */
interface Comment {
  readonly kind: "comment";
  readonly lines: readonly string[];
}

const line: Line = { kind: "line", soft: false, hard: false };
const softline: Line = { kind: "line", soft: true, hard: false };
const hardline: Line = { kind: "line", soft: false, hard: true };
const indent = (doc: Doc): Indent => ({ kind: "indent", doc });
const align = (width: number, doc: Doc): Align => ({ kind: "align", width, doc });
const ifBreak = (broken: Doc): IfBreak => ({ kind: "ifBreak", broken });
const group = (doc: Doc): Group => ({ kind: "group", doc, broken: holdsHardLine(doc) });
const join = (separator: Doc, docs: readonly Doc[]): Doc[] => docs.flatMap((doc, index) => (index === 0 ? [doc] : [separator, doc]));

function holdsHardLine(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (isArray(doc)) return doc.some(holdsHardLine);
  switch (doc.kind) {
    case "line":
      return doc.hard;
    case "group":
      return doc.broken;
    case "comment":
      return true;
    case "ifBreak":
      return false;
    default:
      return holdsHardLine(doc.doc);
  }
}

const isArray = (doc: Doc): doc is readonly Doc[] => Array.isArray(doc);

/**
 * The lines of a member of an object type, `readonly name?: type;` with its doc comment, at
 * `indentation` spaces: the first line indented too.
 */
export function propertySignatureLines(property: PropertySpec, notes: readonly string[], indentation: number): string[] {
  return print([memberDoc(property, notes)], indentation).split("\n");
}

function memberDoc(property: PropertySpec, notes: readonly string[]): Doc {
  const lines = notes.flatMap((note, index) => [...(index > 0 ? [""] : []), ...commentLines(note)]);
  const comment: Doc[] = lines.length === 0 ? [] : [{ kind: "comment", lines }, hardline];
  return [...comment, `readonly ${propertyKey(property.name)}${property.required ? "" : "?"}:`, annotation(property.value), ";"];
}

/** A type after its `:`: a union may move below it as a whole, and then break into one member per line. */
function annotation(value: ValueSpec): Doc {
  const members = memberDocs(value);
  if (members.length > 1 && !hugs(value)) return group(indent([line, union(members)]));
  return [" ", typeDoc(value)];
}

function typeDoc(value: ValueSpec): Doc {
  const members = memberDocs(value);
  if (members.length === 1) return members[0]!;
  return hugs(value) ? join(" | ", members) : union(members);
}

/** Prettier keeps `{ … } | null` together: one object type, the rest null. */
function hugs(value: ValueSpec): boolean {
  return value.enum === undefined && value.types !== undefined && value.types.filter((type) => type === "object").length === 1 && value.types.every((type) => type === "object" || type === "null");
}

function union(members: readonly Doc[]): Group {
  return group([ifBreak("| "), join([line, "| "], members.map((member) => align(2, member)))]);
}

function memberDocs(value: ValueSpec): Doc[] {
  if (value.enum !== undefined) return value.enum.map((option) => (typeof option === "string" ? stringLiteral(option) : String(option)));
  if (value.types === undefined) return ["unknown"];
  return value.types.map((type) => {
    if (type === "array") return arrayDoc(value.items!);
    if (type === "object") return objectDoc(value.properties!);
    return type;
  });
}

function arrayDoc(items: ValueSpec): Doc {
  const members = memberDocs(items);
  if (members.length > 1 && !hugs(items)) return ["readonly ", group(["(", indent([softline, union(members)]), softline, ")"]), "[]"];
  const element = typeDoc(items);
  const parenthesized = members.length > 1 || items.types?.length === 1 && items.types[0] === "array" && items.enum === undefined;
  return parenthesized ? ["readonly (", element, ")[]"] : ["readonly ", element, "[]"];
}

function objectDoc(properties: readonly PropertySpec[]): Doc {
  const members = properties.map((property) => memberDoc(property, property.description === undefined || property.description.trim() === "" ? [] : [property.description.trim()]));
  return group(["{", indent([hardline, join(hardline, members)]), hardline, "}"]);
}

type Mode = "flat" | "break";

interface Command {
  readonly indentation: number;
  readonly mode: Mode;
  readonly doc: Doc;
}

/** Prettier's algorithm: a group is printed flat when it fits in what is left of the line. */
function print(doc: Doc, indentation: number): string {
  let output = " ".repeat(indentation);
  let column = indentation;
  const commands: Command[] = [{ indentation, mode: "break", doc }];
  while (commands.length > 0) {
    const { indentation: at, mode, doc: current } = commands.pop()!;
    if (typeof current === "string") {
      output += current;
      column += current.length;
    } else if (isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) commands.push({ indentation: at, mode, doc: current[index]! });
    } else {
      switch (current.kind) {
        case "indent":
          commands.push({ indentation: at + 2, mode, doc: current.doc });
          break;
        case "align":
          commands.push({ indentation: at + current.width, mode, doc: current.doc });
          break;
        case "group": {
          const flat: Command = { indentation: at, mode: "flat", doc: current.doc };
          const fitsFlat = mode === "flat" || (!current.broken && fits(flat, commands, PRINT_WIDTH - column));
          commands.push(fitsFlat && !current.broken ? flat : { indentation: at, mode: "break", doc: current.doc });
          break;
        }
        case "ifBreak":
          if (mode === "break") commands.push({ indentation: at, mode, doc: current.broken });
          break;
        case "line":
          if (mode === "break" || current.hard) {
            output = `${output.trimEnd()}\n${" ".repeat(at)}`;
            column = at;
          } else if (!current.soft) {
            output += " ";
            column += 1;
          }
          break;
        case "comment": {
          const single = `/** ${current.lines[0]} */`;
          const text = current.lines.length === 1 && column + single.length <= PRINT_WIDTH ? [single] : ["/**", ...current.lines.map((text) => (text === "" ? " *" : ` * ${text}`)), " */"];
          output += text.join(`\n${" ".repeat(at)}`);
          column = at + text[text.length - 1]!.length;
          break;
        }
      }
    }
  }
  return output;
}

/** Whether `next`, printed flat, and what follows it up to the next line break, fit in `width`. */
function fits(next: Command, rest: readonly Command[], width: number): boolean {
  const pending: Command[] = [next];
  let restIndex = rest.length;
  let left = width;
  while (left >= 0) {
    if (pending.length === 0) {
      if (restIndex === 0) return true;
      pending.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc, indentation } = pending.pop()!;
    if (typeof doc === "string") {
      left -= doc.length;
    } else if (isArray(doc)) {
      for (let index = doc.length - 1; index >= 0; index--) pending.push({ indentation, mode, doc: doc[index]! });
    } else {
      switch (doc.kind) {
        case "indent":
        case "align":
          pending.push({ indentation, mode, doc: doc.doc });
          break;
        case "group":
          pending.push({ indentation, mode: doc.broken ? "break" : mode, doc: doc.doc });
          break;
        case "ifBreak":
          if (mode === "break") pending.push({ indentation, mode, doc: doc.broken });
          break;
        case "line":
          if (mode === "break" || doc.hard) return true;
          if (!doc.soft) left -= 1;
          break;
        case "comment":
          return true;
      }
    }
  }
  return false;
}
