import fc from "fast-check";
import { unifiedDiff } from "../../src/write/unified-diff";

const NO_FINAL_NEWLINE = "\\ No newline at end of file";

/** A text's lines; a last line without a final newline keeps a "\n", which no other line holds. */
function toLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else lines[lines.length - 1] += "\n";
  return lines;
}

const fromLines = (lines: readonly string[]): string => lines.map((line) => (line.endsWith("\n") ? line.slice(0, -1) : `${line}\n`)).join("");

/** Applies a unified diff to `before`, checking every context and removed line against it. */
function applyDiff(before: string, diff: string): string {
  const source = toLines(before);
  const lines = diff.split("\n").slice(2);
  const result: string[] = [];
  let next = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const header = /^@@ -(\d+),(\d+) \+\d+,\d+ @@$/.exec(line);
    if (header !== null) {
      const start = Number(header[2]) === 0 ? Number(header[1]) : Number(header[1]) - 1;
      while (next < start) result.push(source[next++]!);
      continue;
    }
    let text = line.slice(1);
    if (lines[index + 1] === NO_FINAL_NEWLINE) {
      text += "\n";
      index++;
    }
    if (line[0] === " " || line[0] === "-") expect(source[next++]).toBe(text);
    if (line[0] === " " || line[0] === "+") result.push(text);
  }
  while (next < source.length) result.push(source[next++]!);
  return fromLines(result);
}

const text = fc.array(fc.constantFrom("a", "b", "c", "d", "e", ""), { maxLength: 30 }).chain((lines) =>
  fc.boolean().map((finalNewline) => (lines.length === 0 ? "" : `${lines.join("\n")}${finalNewline ? "\n" : ""}`)),
);

describe("unifiedDiff", () => {
  it("is a diff that turns the old text into the new one", () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        expect(applyDiff(before, unifiedDiff("old", "new", before, after, Number.POSITIVE_INFINITY))).toBe(after);
      }),
      { numRuns: 2000 },
    );
  });

  it("shows a small edit with three lines of context", () => {
    const before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    expect(unifiedDiff("a", "b", before, before.replace("5", "five"))).toBe(
      ["--- a", "+++ b", "@@ -2,7 +2,7 @@", " 2", " 3", " 4", "-5", "+five", " 6", " 7", " 8"].join("\n"),
    );
  });

  it("marks a missing final newline, so a diff never comes out empty", () => {
    expect(unifiedDiff("a", "b", "x\ny\n", "x\ny")).toBe(["--- a", "+++ b", "@@ -1,2 +1,2 @@", " x", "-y", "+y", "\\ No newline at end of file"].join("\n"));
  });

  it("cuts the output after maxLines lines, without a dangling hunk header", () => {
    const before = Array.from({ length: 200 }, (_, index) => `line ${index}`).join("\n");
    const after = before.replace(/line (\d*0)\b/g, "LINE $1");
    const diff = unifiedDiff("a", "b", before, after, 10).split("\n");
    expect(diff.filter((line) => /^[ +-]/.test(line) && !/^(---|\+\+\+) /.test(line))).toHaveLength(10);
    expect(diff[diff.length - 1]).toBe("... (diff cut after 10 lines)");
    expect(diff[diff.length - 2]).not.toMatch(/^@@/);
  });
});
