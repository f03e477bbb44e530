import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { JsonType, PropertySpec, ValueSpec } from "../../src/model/value-spec";
import { propertySignatureLines } from "../../src/emit/type-doc";
import { makeProject, REPO_ROOT } from "../helpers/project";

/**
 * The printer of nested property types lays them out as prettier does: random types of every
 * nesting, union and name length, printed at every indentation, pass `prettier --check` unchanged
 * and compile.
 */

const PLAIN: ValueSpec = {
  types: undefined,
  integer: false,
  enum: undefined,
  minimum: undefined,
  maximum: undefined,
  minLength: undefined,
  maxLength: undefined,
  pattern: undefined,
  items: undefined,
  properties: undefined,
};

const names = fc.oneof(
  fc.stringMatching(/^[a-z][a-z_]{0,30}$/),
  fc.constantFrom("Product ID", "a very long property name that leaves no room on its line at all", "x", 'say "hi"', "über"),
);

const scalar = fc.constantFrom<JsonType>("string", "number", "boolean", "null");

const value: fc.Memo<ValueSpec> = fc.memo((depth) => {
  const leaf = fc.oneof(
    fc.uniqueArray(scalar, { minLength: 1, maxLength: 3 }).filter((types) => !(types.length === 1 && types[0] === "null")).map((types) => ({ ...PLAIN, types })),
    fc.uniqueArray(fc.oneof(fc.stringMatching(/^[a-z]{1,14}$/), fc.integer({ min: -9, max: 999 })), { minLength: 1, maxLength: 9 }).map((options) => ({ ...PLAIN, types: ["string", "number"] as JsonType[], enum: options })),
    fc.constant({ ...PLAIN }),
  );
  if (depth <= 1) return leaf;
  const nested = value(depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    fc.tuple(nested, fc.constantFrom<JsonType[]>([], ["null"], ["string"], ["string", "null"])).map(([items, others]) => ({ ...PLAIN, types: ["array" as JsonType, ...others], items })),
    fc.tuple(fc.uniqueArray(fc.record({ name: names, required: fc.boolean(), value: nested, description: fc.option(fc.constantFrom("what it is", "a description long enough to need the multi-line form of a doc comment, surely"), { nil: undefined }) }), { minLength: 1, maxLength: 3, selector: (property) => property.name }), fc.constantFrom<JsonType[]>([], ["null"], ["string"])).map(
      ([properties, others]) => ({ ...PLAIN, types: ["object" as JsonType, ...others], properties: properties as PropertySpec[] }),
    ),
  );
});

describe("the layout of property types", () => {
  it("is prettier's, at every nesting and indentation, and compiles", () => {
    const samples = fc.sample(fc.tuple(fc.record({ name: names, required: fc.boolean(), value: value(4), description: fc.constant(undefined) }), fc.integer({ min: 1, max: 4 })), 150);
    const interfaces = samples.map(([property, depth], index) => {
      const open = Array.from({ length: depth - 1 }, (_, level) => `${"  ".repeat(level + 1)}readonly level${level}: {`);
      const close = Array.from({ length: depth - 1 }, (_, level) => `${"  ".repeat(depth - 1 - level)}};`);
      return [`export interface Sample${index} {`, ...open, ...propertySignatureLines(property, ["sample"], depth * 2), ...close, "}", ""].join("\n");
    });
    const project = makeProject({});
    const file = join(project, "samples.ts");
    writeFileSync(file, interfaces.join("\n"));
    const prettier = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules/prettier/bin/prettier.cjs"), "--check", file], { encoding: "utf8" });
    expect(prettier.stderr).toBe("");
    const tsc = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "--strict", file], { cwd: project, encoding: "utf8" });
    expect(tsc.stdout).toBe("");
  });
});
