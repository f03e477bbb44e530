import fc from "fast-check";
import { load } from "js-yaml";
import { renderImportedDefinition, type ImportedDefinition } from "../../src/import/render-definition-yaml";
import { parseYaml } from "../../src/load/yaml";
import { toPlainValue } from "../../src/load/yaml-tree";
import type { PropertyData } from "../../src/validate/definition-schema";

/** Characters YAML gives a meaning of their own, and a few beyond ASCII. */
const tricky = fc.constantFrom("'", '"', "#", ":", "-", "?", "|", ">", "{", "}", "[", "]", ",", "&", "*", "!", "%", "@", "`", " ", "\\", "~", "é", "😀", "0", "1", ".", "e", "n", "y");
const text = fc.string({ unit: fc.oneof(tricky, fc.constantFrom("a", "B", "_")), maxLength: 24 });
/** Names are one line of printable characters (the import refuses others). */
const name = text.filter((candidate) => candidate.trim() !== "");
const description = fc.string({ unit: fc.oneof(tricky, fc.constantFrom("\n", "\t", "a")), maxLength: 30 });
const enumValue = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));

const property = fc.letrec((tie) => ({
  property: fc.oneof(
    { depthSize: "small" },
    fc.record({ description: description, type: fc.constantFrom("string", "any", ["string", "null"]), required: fc.constant(true), pattern: text }, { requiredKeys: ["type"] }),
    fc.record({ type: fc.constant(["number", "string", "null"]), enum: fc.uniqueArray(enumValue, { minLength: 1, maxLength: 4, comparator: "SameValue" }) }),
    fc.record({ type: fc.constant("integer"), minimum: fc.integer(), maximum: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
    fc.record({ type: fc.constant("array"), items: tie("property") }),
    fc.record({ type: fc.constant("object"), properties: fc.dictionary(name, tie("property"), { minKeys: 1, maxKeys: 3 }) }),
  ),
})).property as fc.Arbitrary<PropertyData>;

const definition: fc.Arbitrary<ImportedDefinition> = fc.record({
  description,
  action: name,
  function_name: fc.option(fc.constant("trackSomething2"), { nil: undefined }),
  additional_properties: fc.dictionary(name, property, { maxKeys: 4 }).map((record) => new Map(Object.entries(record))),
});

const intended = (value: ImportedDefinition): unknown =>
  JSON.parse(
    JSON.stringify({
      description: value.description,
      internal_events: true,
      action: value.action,
      ...(value.function_name === undefined ? {} : { function_name: value.function_name }),
      ...(value.additional_properties!.size === 0 ? {} : { additional_properties: Object.fromEntries(value.additional_properties!) }),
    }),
  );

describe("renderImportedDefinition", () => {
  it("writes YAML that sit's reader and js-yaml read back as the definition, whatever the names and texts hold", () => {
    fc.assert(
      fc.property(definition, (value) => {
        const yaml = renderImportedDefinition(value);
        const parsed = parseYaml(yaml, "event.yml");
        expect(parsed.ok && parsed.problems).toEqual([]);
        const read = JSON.parse(JSON.stringify(toPlainValue((parsed as { root: Parameters<typeof toPlainValue>[0] }).root)));
        expect(read).toEqual(intended(value));
        expect(JSON.parse(JSON.stringify(load(yaml)))).toEqual(intended(value));
      }),
      { numRuns: 300 },
    );
  });

  it("lays a definition out as a person writes one", () => {
    const yaml = renderImportedDefinition({
      description: "A product page is shown",
      action: "Product Viewed",
      additional_properties: new Map<string, PropertyData>([
        ["Product ID", { description: "as the catalog names it", type: "string", required: true }],
        ["referrer", { type: ["string", "null"], enum: ["search", "ad", null] }],
        ["dimensions", { type: "object", properties: { width: { type: "integer", minimum: 0 } } }],
      ]),
    });
    expect(yaml).toBe(`description: A product page is shown
internal_events: true
action: Product Viewed
additional_properties:
  Product ID:
    description: as the catalog names it
    type: string
    required: true
  referrer:
    type: [string, 'null']
    enum: [search, ad, null]
  dimensions:
    type: object
    properties:
      width:
        type: integer
        minimum: 0
`);
  });
});
