import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlainYaml } from "../../src/load/plain-yaml";
import { MAX_EXPANDED_NODES, parseYamlEvents } from "../../src/load/yaml";
import { REPO_ROOT } from "../helpers/project";

/**
 * The plain parser is a shortcut: whenever it answers, its tree must be the one js-yaml's events
 * give (same values, same offsets), and js-yaml must find nothing wrong with the file. Checked on
 * every real definition sit ships or tests with, and on random documents built from the YAML
 * definitions are written in, then mutated with the characters that change YAML's meaning.
 */

/** What the plain parser says, next to what js-yaml says, for a document it takes. */
function bothParses(text: string): { plain: unknown; full: unknown } | undefined {
  const plain = parsePlainYaml(text, MAX_EXPANDED_NODES);
  if (plain === undefined) return undefined;
  const full = parseYamlEvents(text, "doc.yml");
  return { plain, full: full.ok && full.problems.length === 0 ? full.root : full };
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? yamlFiles(join(folder, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(folder, entry.name)] : [],
  );
}

describe("the plain YAML parser", () => {
  it("agrees with js-yaml on every definition in the repository, and takes nearly all of them", () => {
    const files = ["test/corpus/gitlab/definitions", "test/fixtures", "definitions", "test/e2e/consumer/definitions"].flatMap((folder) =>
      yamlFiles(join(REPO_ROOT, folder)),
    );
    let taken = 0;
    for (const file of files) {
      const parses = bothParses(readFileSync(file, "utf8"));
      if (parses === undefined) continue;
      taken++;
      expect({ file, tree: parses.plain }).toEqual({ file, tree: parses.full });
    }
    expect(files.length).toBeGreaterThan(700);
    expect(taken / files.length).toBeGreaterThan(0.98);
  });

  it.each(["product_categories: [code_review,-]\n", "tiers: [-, free]\n", "a: [x, -{}]\n", "a: [-[x]]\n"])("gives up on %j, which js-yaml refuses", (text) => {
    expect(parseYamlEvents(text, "doc.yml").ok).toBe(false);
    expect(parsePlainYaml(text, MAX_EXPANDED_NODES)).toBeUndefined();
  });

  it.each(["a: [-a, -1]\n", "a: -]\n", "a: [x, -x-]\n"])("still takes %j, a leading dash before a plain character", (text) => {
    const parses = bothParses(text);
    expect(parses?.plain).toEqual(expect.objectContaining({ kind: "mapping" }));
    expect(parses?.plain).toEqual(parses?.full);
  });

  const word = fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom("user", "free", "a b", "1", "-2", "0x1F", "1.5", ".inf", "~", "null", "true", "No", "18.10", "x#y", "it's", "https://x.io/a?b=c#d", "C:\\dir") },
    { weight: 1, arbitrary: fc.constantFrom("a: b", "-", "*a", "&b", "!t", "%", "@", "`", "? q", "[x]", "{}", "", "---", "a:", ":b") },
  );
  const quoted = fc.oneof(
    word.map((text) => `"${text}"`),
    word.map((text) => `'${text.replace(/'/g, "''")}'`),
    fc.constantFrom('"a \\"b\\""', "'it''s'", "''", '""', '"open', "'open", '"a" b'),
  );
  const comment = fc.constantFrom("", "", "", "", " # note", "  #note", "#glued");
  const key = fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom("action", "description", "label", "value", "tiers", "identifiers", "status", "milestone", "x-y", "1", "true", "k", "a.b", "product_group", "extra_trackers", "type", "enum", "required") },
    { weight: 1, arbitrary: fc.constantFrom("a b", "'q'", "\"q\"", "-k", "k#", "") },
  );
  const block = fc
    .tuple(
      fc.constantFrom("|", ">", "|-", ">-", "|", ">", "|-", ">-", "|+", ">2", "| # c", ">-  "),
      fc.array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom("line", "with # hash", "a: b") }, { weight: 1, arbitrary: fc.constantFrom("  more", "", "end ") }), { maxLength: 3 }),
    )
    .map(([header, lines]) => ({ header, lines }));

  type Tree = { kind: "map"; entries: [string, Tree][] } | { kind: "seq"; items: Tree[] } | { kind: "text"; text: string } | { kind: "block"; header: string; lines: string[] };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc
        .oneof({ weight: 8, arbitrary: word }, { weight: 3, arbitrary: quoted }, { weight: 1, arbitrary: fc.constantFrom("[a, b]", "[]", "[ 'x' , \"y\" ]", "[a, [b]]", "[a,]", "{}", "{a: 1}", "[a b, 1.5]") })
        .map((text): Tree => ({ kind: "text", text })),
      block.map((value): Tree => ({ kind: "block", ...value })),
      fc.array(fc.tuple(key, tie("node")), { minLength: 1, maxLength: 3 }).map((entries): Tree => ({ kind: "map", entries })),
      fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((items): Tree => ({ kind: "seq", items })),
    ),
  })).node;

  /** Writes a tree as YAML, choosing indentation and comments as people do (and sometimes not). */
  function render(node: Tree, indent: string, step: string, notes: string[], compact: boolean): string[] {
    const note = (): string => notes[(render.calls = (render.calls + 1) % notes.length)] ?? "";
    switch (node.kind) {
      case "text":
        return [node.text + note()];
      case "block":
        return [node.header, ...node.lines.map((line) => (line === "" ? "" : indent + step + line))];
      case "map":
        return node.entries.flatMap(([name, value]) => {
          if (value.kind === "text") return [`${indent}${name}: ${value.text}${note()}`];
          if (value.kind === "block") {
            const [header, ...lines] = render(value, indent, step, notes, compact);
            return [`${indent}${name}: ${header}`, ...lines];
          }
          const childIndent = value.kind === "seq" && compact ? indent : indent + step;
          return [`${indent}${name}:${note()}`, ...render(value, childIndent, step, notes, compact)];
        });
      case "seq":
        return node.items.flatMap((item) => {
          if (item.kind === "text") return [`${indent}- ${item.text}${note()}`];
          if (item.kind === "map") {
            const [first = "", ...rest] = render(item, `${indent}  `, step, notes, compact);
            return [`${indent}- ${first.trimStart()}`, ...rest];
          }
          return [`${indent}-${note()}`, ...render(item, indent + step, step, notes, compact)];
        });
    }
  }
  render.calls = 0;

  const document = fc
    .record({
      root: fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 4 }),
      step: fc.constantFrom("  ", "    ", " "),
      notes: fc.array(comment, { minLength: 1, maxLength: 4 }),
      compact: fc.boolean(),
      marker: fc.constantFrom("", "", "---\n", "--- \n", "# head\n", "\n\n"),
      blank: fc.nat({ max: 6 }),
    })
    .map(({ root, step, notes, compact, marker, blank }) => {
      const lines = render({ kind: "map", entries: root }, "", step, notes, compact);
      if (blank > 0 && lines.length > blank) lines.splice(blank, 0, "");
      return `${marker}${lines.join("\n")}\n`;
    });

  const mutation = fc.tuple(fc.nat(), fc.constantFrom(":", "#", "-", " ", "'", '"', "[", "]", "{", "}", ",", "|", ">", "&", "*", "\n", "\t", "\r", "\\", "", "  "));
  const mutated = fc.tuple(document, fc.array(mutation, { maxLength: 3 })).map(([text, edits]) =>
    edits.reduce((result, [position, insert]) => {
      const at = position % (result.length + 1);
      return result.slice(0, at) + insert + result.slice(at + (insert === "" ? 1 : 0));
    }, text),
  );

  it("gives js-yaml's tree or gives up, on random documents", () => {
    let taken = 0;
    fc.assert(
      fc.property(document, (text) => {
        const parses = bothParses(text);
        if (parses !== undefined) taken++;
        return parses === undefined || expect(parses.plain).toEqual(parses.full) === undefined;
      }),
      { numRuns: 3000 },
    );
    // The generator must exercise the shortcut, not only the giving up.
    expect(taken).toBeGreaterThan(300);
  });

  it("gives js-yaml's tree or gives up, on mutated documents", () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const parses = bothParses(text);
        return parses === undefined || expect(parses.plain).toEqual(parses.full) === undefined;
      }),
      { numRuns: 3000 },
    );
  });
});
