import fc from "fast-check";
import { isSimpleType } from "../../src/config/simple-type";
import { typeScriptProblem } from "../../src/config/type-expression";

/**
 * The recogniser of common identifier types answers without TypeScript, so it must never accept
 * what TypeScript's parser rejects as exactly one type: held to TypeScript on named cases and on
 * random token sequences.
 */
describe("isSimpleType", () => {
  it.each([
    "string",
    "number",
    "User",
    "Models.User",
    "readonly number[]",
    "readonly (string | number)[]",
    "string[][]",
    "Record<string, number>",
    "Array<Array<number>>",
    '"a" | "b" | 3 | -1.5 | true | null',
    "| 'x' | 'y'",
    "{ readonly id: number; readonly path: string }",
    "{ id: number, name?: string }",
    '{ "quoted key": string }',
    "{}",
    "A & { tag: 'x' }",
  ])("accepts %j, as TypeScript does", (type) => {
    expect(isSimpleType(type)).toBe(true);
    expect(typeScriptProblem(type)).toBeUndefined();
  });

  it.each([
    "{ readonly sku: string ",
    'string; console.error("INJECTED")',
    "string // note",
    "readonly string",
    "keyof User",
    "typeof window",
    "`user-${string}`",
    "class",
    "() => void",
    "string,",
    "Record<string>>",
    "",
  ])("leaves %j to TypeScript", (type) => {
    expect(isSimpleType(type)).toBe(false);
  });

  it("never accepts what TypeScript rejects", () => {
    let accepted = 0;
    const leaf = fc.constantFrom("string", "number", "User", "Models.User", '"x"', "'y'", "1", "-2.5", "null", "true", "this");
    const { type } = fc.letrec<{ type: string }>((tie) => ({
      type: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc.tuple(tie("type"), tie("type")).map(([a, b]) => `${a} | ${b}`),
        fc.tuple(tie("type"), tie("type")).map(([a, b]) => `${a} & ${b}`),
        tie("type").map((a) => `(${a})[]`),
        tie("type").map((a) => `readonly (${a})[]`),
        fc.tuple(tie("type"), tie("type")).map(([a, b]) => `Record<${a}, ${b}>`),
        fc.tuple(tie("type"), tie("type")).map(([a, b]) => `{ readonly id: ${a}; name?: ${b} }`),
      ),
    }));
    // Valid types, and the same with one token dropped, doubled or swapped in: near misses.
    const mutated = fc.tuple(type, fc.nat(), fc.constantFrom("", "|", "&", "[", "]", "<", ">", ",", "{", "}", ":", ";", "?", "(", ")", ".", "readonly", "keyof", "=>")).map(([text, at, extra]) => {
      const tokens = text.split(" ");
      const index = at % tokens.length;
      return [...tokens.slice(0, index), extra, ...tokens.slice(index + (at % 3 === 0 ? 1 : 0))].join(" ");
    });
    fc.assert(
      fc.property(fc.oneof(type, mutated), (text) => {
        if (!isSimpleType(text)) return;
        accepted++;
        expect({ text, problem: typeScriptProblem(text) }).toEqual({ text, problem: undefined });
      }),
      { numRuns: 2000 },
    );
    // Enough inputs must be accepted for the comparison to prove something.
    expect(accepted).toBeGreaterThan(500);
  });
});
