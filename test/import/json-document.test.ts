import fc from "fast-check";
import { jsonPointer, MAX_JSON_DEPTH, nodeAt, parseJson, plainValue, pointerSegments, type JsonNode } from "../../src/import/json-document";

const parsed = (text: string): JsonNode => {
  const result = parseJson(text);
  if (!result.ok) throw new Error(result.problem.message);
  return result.root;
};

const problem = (text: string) => {
  const result = parseJson(text);
  if (result.ok) throw new Error(`${JSON.stringify(text)} parsed`);
  return result.problem;
};

describe("parseJson", () => {
  it("reads what JSON.parse reads, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(plainValue(parsed(text))).toEqual(JSON.parse(text));
      }),
    );
  });

  it("remembers where each value and key starts", () => {
    const text = '{\n  "rules": [\n    { "key": "Order Completed" }\n  ]\n}';
    const root = parsed(text);
    const rule = nodeAt(root, ["rules", "0"])!;
    expect(text.slice(rule.start, rule.start + 1)).toBe("{");
    const key = nodeAt(root, ["rules", "0", "key"])!;
    expect(text.slice(key.start)).toMatch(/^"Order Completed"/);
    expect(rule.kind === "object" && text.slice(rule.entries[0]!.keyStart)).toMatch(/^"key"/);
  });

  it.each([
    ['{"a": 1,}', 8, "a comma before the closing }", /no comma after the last entry/],
    ["[1, 2,]", 6, "a comma before the closing ]", /no comma after the last item/],
    ['{"a": 1 // note\n}', 8, 'unexpected "/" where a comma or "}" should be', /no comments/],
    ["// note\n{}", 0, 'unexpected "/" where a value should be', /no comments/],
    ["{'a': 1}", 1, `unexpected "'" where a key should be`, /double quotes/],
    ['{"a": yes}', 6, 'unexpected "y" where a value should be', /true, false and null/],
    ['{"a": [1, 2}', 11, 'unexpected "}" where a comma or "]" should be', /end with "]"/],
    ['{"a": 1', 0, 'this "{" is never closed', /end it with "}"/],
    ['{"a": "b\n"}', 6, "this string is never closed", /same line/],
    ['{"a": "\\x"}', 6, "this string holds a control character or an invalid escape", /escape control characters/],
    ['{"a": 1, "a": 2}', 9, 'key "a" appears twice in this object', /keep one of them/],
    ["{} []", 3, 'unexpected "[" after the end of the JSON value', /one value/],
    ["", 0, "the file holds no JSON value", /JSON object/],
    ["01", 1, 'unexpected "1" after the end of the JSON value', /one value/],
  ])("reports %j at its offset", (text, offset, message, hint) => {
    const found = problem(text);
    expect(found.offset).toBe(offset);
    expect(found.message).toBe(message);
    expect(found.hint).toMatch(hint);
  });

  it(`stops at ${MAX_JSON_DEPTH} levels of nesting instead of running out of stack`, () => {
    const deep = `${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`;
    expect(problem(deep)).toEqual({ offset: MAX_JSON_DEPTH, message: `the JSON nests deeper than ${MAX_JSON_DEPTH} levels`, tooDeep: true });
    expect(problem("[".repeat(100_000)).tooDeep).toBe(true);
    const fits = `${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`;
    expect(parseJson(fits).ok).toBe(true);
  });

  it("keeps a key named __proto__ as data", () => {
    const value = plainValue(parsed('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("JSON pointers", () => {
  it("escape ~ and / in each segment, and read back", () => {
    const segments = ["rules", 3, "jsonSchema", "a/b", "c~d", ""];
    expect(jsonPointer(segments)).toBe("/rules/3/jsonSchema/a~1b/c~0d/");
    expect(pointerSegments(jsonPointer(segments))).toEqual(segments.map(String));
    expect(pointerSegments("")).toEqual([]);
    expect(pointerSegments("rules")).toBeUndefined();
  });

  it("lead to the node they name, or to nothing", () => {
    const root = parsed('{"a/b": [{"c~d": 1}]}');
    expect(plainValue(nodeAt(root, ["a/b", "0", "c~d"])!)).toBe(1);
    expect(nodeAt(root, ["a/b", "1"])).toBeUndefined();
    expect(nodeAt(root, ["a/b", "00"])).toBeUndefined();
  });
});
