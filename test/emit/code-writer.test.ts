import { CodeWriter, stringLiteral } from "../../src/emit/code-writer";

describe("stringLiteral", () => {
  it.each([
    ["plain", '"plain"'],
    ['say "hi"', `'say "hi"'`],
    [`it's "x"`, `'it\\'s "x"'`],
    ["back\\slash", '"back\\\\slash"'],
    ["line\nbreak\ttab", '"line\\nbreak\\ttab"'],
    ["\u0000\u2028", '"\\u0000\\u2028"'],
    ["emoji 🎉 and ü", '"emoji 🎉 and ü"'],
    ["lone \ud800 surrogate", '"lone \\ud800 surrogate"'],
  ])("%j → %s", (value, expected) => {
    expect(stringLiteral(value)).toBe(expected);
    expect(eval(expected)).toBe(value);
  });
});

describe("CodeWriter layout", () => {
  const write = (build: (writer: CodeWriter) => void): string => {
    const writer = new CodeWriter();
    build(writer);
    return writer.toString();
  };

  it("keeps a list on one line when it fits and breaks it with trailing commas when not", () => {
    expect(write((w) => w.list("send(", ["a", "b"], ");"))).toBe("send(a, b);\n");
    expect(write((w) => w.list("send(", ["a".repeat(40), "b".repeat(40)], ");"))).toBe(`send(\n  ${"a".repeat(40)},\n  ${"b".repeat(40)},\n);\n`);
    expect(write((w) => w.list("import {", ["a", "b"], '} from "x";'))).toBe('import { a, b } from "x";\n');
  });

  it("breaks a long union after the colon, then one member per line", () => {
    expect(write((w) => w.union("readonly a?:", ["string", "number"], ";"))).toBe("readonly a?: string | number;\n");
    const key = `readonly ${"k".repeat(70)}?:`;
    expect(write((w) => w.union(key, ["string", "number"], ";"))).toBe(`${key}\n  string | number;\n`);
    const members = ['"' + "x".repeat(40) + '"', '"' + "y".repeat(40) + '"'];
    expect(write((w) => w.union(key, members, ";"))).toBe(`${key}\n  | ${members[0]}\n  | ${members[1]};\n`);
    expect(write((w) => w.union(key, ["OnlyOneType"], ";"))).toBe(`${key} OnlyOneType;\n`);
  });

  it("moves a long property value below its key, except after a short key", () => {
    const value = `"${"v".repeat(80)}"`;
    expect(write((w) => w.property("description", value))).toBe(`description:\n  ${value},\n`);
    expect(write((w) => w.property("file", value))).toBe(`file: ${value},\n`);
  });

  it("writes one-line and multi-line doc comments that cannot be closed early", () => {
    expect(write((w) => w.jsDoc(["short"]))).toBe("/** short */\n");
    expect(write((w) => w.jsDoc(["ends */ early", "second"]))).toBe("/**\n * ends *\\/ early\n *\n * second\n */\n");
  });
});
