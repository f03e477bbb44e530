import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { parseDefinition } from "../../src/load/load-definitions";
import { validateDefinition } from "../../src/validate/validate-definition";
import { toPlainValue } from "../../src/load/yaml-tree";
import { GITLAB_VOCABULARY, type Vocabulary } from "../../src/validate/vocabulary";
import type { DefinitionFields, PropertyField, ValueField } from "../../src/scaffold/definition-fields";
import { checkDefinitionTemplate, renderDefinition } from "../../src/scaffold/render-definition";
import { renderTemplate } from "../../src/scaffold/render-template";
import { yamlFragment } from "../../src/scaffold/yaml-fragment";
import { REPO_ROOT } from "../helpers/project";

const SIT_TEMPLATE = readFileSync(join(REPO_ROOT, "templates", "event-definition.yml"), "utf8");

const fields = (overrides: Partial<DefinitionFields> = {}): DefinitionFields => ({
  action: "create_merge_request",
  functionName: undefined,
  description: "A merge request is created",
  identifiers: [],
  properties: [],
  productGroup: "code_review",
  milestone: null,
  introducedByUrl: null,
  tiers: ["free", "premium", "ultimate"],
  trackers: [],
  ...overrides,
});

/** A team's plan: any event and property names, its own tiers, only a description and the action required. */
const OWN_PLAN: Vocabulary = {
  ...GITLAB_VOCABULARY,
  tiers: ["starter", "pro"],
  required: new Set(["description", "action"]),
  eventNames: "any",
  propertyNames: "any",
};

/** Parses and validates `text` as `generate` does, returning the data or the diagnostics. */
function validated(text: string, action = "create_merge_request", vocabulary = GITLAB_VOCABULARY) {
  const parsed = parseDefinition({
    relativePath: `${action}.yml`,
    projectPath: `definitions/${action}.yml`,
    displayPath: `${action}.yml`,
    read: { ok: true, bytes: Buffer.from(text) },
  });
  if (parsed.definition === undefined) throw new Error(JSON.stringify(parsed.diagnostics));
  const result = validateDefinition(parsed.definition, { gitlabStrict: false, vocabulary });
  if (result.definition === undefined) throw new Error(`${text}\n${JSON.stringify(result.diagnostics, null, 2)}`);
  return result.definition.data;
}

describe("sit's definition template", () => {
  it("writes every field in GitLab's key order, milestone quoted, lists indented below their keys", () => {
    const text = renderDefinition(
      SIT_TEMPLATE,
      fields({
        description: "A merge request is created: from the web or the API",
        identifiers: ["project", "user"],
        properties: [
          { name: "label", description: "source: web or api" },
          { name: "commits", description: "number of commits", type: "integer" },
        ],
        milestone: "18.10",
        introducedByUrl: "https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1",
        tiers: ["premium"],
        trackers: ["Gitlab::Tracking::AiTracking", "Audit"],
      }),
    ).text;
    expect(text).toBe(`description: 'A merge request is created: from the web or the API'
internal_events: true
action: create_merge_request
identifiers:
  - project
  - user
additional_properties:
  label:
    description: 'source: web or api'
  commits:
    description: number of commits
    type: integer
product_group: code_review
milestone: '18.10'
introduced_by_url: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1
tiers:
  - premium
extra_trackers:
  - tracking_class: Gitlab::Tracking::AiTracking
  - tracking_class: Audit
`);
    expect(validated(text)).toMatchObject({ milestone: "18.10", tiers: ["premium"], identifiers: ["project", "user"] });
  });

  it("leaves out the optional keys that have nothing to hold, and writes null for a missing milestone and URL", () => {
    expect(renderDefinition(SIT_TEMPLATE, fields()).text).toBe(`description: A merge request is created
internal_events: true
action: create_merge_request
product_group: code_review
milestone: null
introduced_by_url: null
tiers:
  - free
  - premium
  - ultimate
`);
  });

  it("writes a one-item list as a list", () => {
    expect(renderDefinition(SIT_TEMPLATE, fields({ identifiers: ["user"], tiers: ["free"] })).text).toContain("identifiers:\n  - user\n");
  });

  it("keeps any description, product group and URL exactly, whatever YAML would otherwise make of them", () => {
    const text = fc
      .string({ minLength: 1, unit: "binary" })
      .filter((value) => value.trim() !== "" && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ud800-\udfff]/.test(value));
    // A URL (validate requires one) made of every character a URL may hold, YAML's indicators among them.
    const anyUrl = fc
      .tuple(
        fc.constantFrom("https://", "http:", "urn:", "x+y.z-1:"),
        fc.string({ unit: fc.constantFrom(..."aZ09-._~:/?#[]@!$&'()*+,;=".split(""), "%20", "%C3%A9") }),
      )
      .map(([scheme, rest]) => scheme + rest);
    fc.assert(
      fc.property(text, text, anyUrl, (description, productGroup, url) => {
        const data = validated(renderDefinition(SIT_TEMPLATE, fields({ description, productGroup, introducedByUrl: url })).text);
        return data.description === description && data.product_group === productGroup && data.introduced_by_url === url;
      }),
      { numRuns: 300 },
    );
  });

  it.each(["yes", "null", "18.0", "0x1F", "- item", "a: b", "#hash", "'quoted'", "@at", "multi\nline", "trailing space "])(
    "round-trips the description %j",
    (description) => {
      expect(validated(renderDefinition(SIT_TEMPLATE, fields({ description })).text).description).toBe(description);
    },
  );
});

describe("a team's plan in sit's definition template", () => {
  it("writes the function name after the action, and leaves out the keys nothing gave", () => {
    const text = renderDefinition(
      SIT_TEMPLATE,
      fields({ action: "🎉", functionName: "trackParty", productGroup: undefined, milestone: undefined, introducedByUrl: undefined, tiers: undefined }),
    ).text;
    expect(text).toBe("description: A merge request is created\ninternal_events: true\naction: 🎉\nfunction_name: trackParty\n");
    expect(validated(text, "🎉", OWN_PLAN)).toMatchObject({ action: "🎉", function_name: "trackParty" });
  });

  it("writes every key of a property in one order, lists of scalars on one line, nested items and properties below", () => {
    const properties: PropertyField[] = [
      {
        name: "products",
        description: "what was bought",
        type: ["array", "null"],
        required: true,
        items: {
          type: "object",
          properties: [
            { name: "Product ID", description: "as the catalog: names it", type: "string", required: true, minLength: 1, maxLength: 40, pattern: "^[A-Z]+-\\d+$" },
            { name: "price", type: "number", minimum: 0, maximum: 1e6 },
            { name: "state", type: ["string", "null"], enum: ["new", "yes", "a: b", null] },
          ],
        },
      },
      { name: "null", description: "a name YAML would read as null" },
      { name: "context", type: "any" },
      { name: "empty" },
    ];
    const text = renderDefinition(SIT_TEMPLATE, fields({ action: "Order Completed", properties, productGroup: undefined, milestone: undefined, introducedByUrl: undefined, tiers: undefined })).text;
    expect(text).toBe(`description: A merge request is created
internal_events: true
action: Order Completed
additional_properties:
  products:
    description: what was bought
    type: [array, 'null']
    required: true
    items:
      type: object
      properties:
        Product ID:
          description: 'as the catalog: names it'
          type: string
          required: true
          minLength: 1
          maxLength: 40
          pattern: ^[A-Z]+-\\d+$
        price:
          type: number
          minimum: 0
          maximum: 1000000
        state:
          type: [string, 'null']
          enum: [new, 'yes', 'a: b', null]
  'null':
    description: a name YAML would read as null
  context:
    type: any
  empty: {}
`);
    expect(validated(text, "Order Completed", OWN_PLAN).additional_properties).toEqual({
      products: {
        description: "what was bought",
        type: ["array", "null"],
        required: true,
        items: {
          type: "object",
          properties: {
            "Product ID": { description: "as the catalog: names it", type: "string", required: true, minLength: 1, maxLength: 40, pattern: "^[A-Z]+-\\d+$" },
            price: { type: "number", minimum: 0, maximum: 1e6 },
            state: { type: ["string", "null"], enum: ["new", "yes", "a: b", null] },
          },
        },
      },
      null: { description: "a name YAML would read as null" },
      context: { type: "any" },
      empty: {},
    });
  });

  it("reads back every property tree it writes: names, descriptions and enum values whatever YAML would make of them", () => {
    // What YAML can hold: line breaks and tabs included, other control characters not.
    const text = fc.string({ minLength: 1, unit: "binary" }).filter((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ud800-\udfff]/.test(value));
    const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    const value: fc.Memo<ValueField> = fc.memo((depth) =>
      fc.record(
        {
          description: text,
          type: fc.constantFrom("string", "integer", "any", ["string", "null"] as const),
          enum: fc.array(scalar, { minLength: 1, maxLength: 4 }),
          minimum: fc.integer(),
          pattern: text,
          items: depth > 1 ? value(depth - 1) : fc.constant(undefined),
          properties: depth > 1 ? fc.uniqueArray(property(depth - 1), { maxLength: 3, selector: (member) => member.name }) : fc.constant(undefined),
        },
        { requiredKeys: [] },
      ).map((field) => Object.fromEntries(Object.entries(field).filter(([, entry]) => entry !== undefined)) as ValueField),
    );
    const property = (depth: number): fc.Arbitrary<PropertyField> =>
      fc.tuple(text, value(depth), fc.option(fc.constant(true as const), { nil: undefined })).map(([name, field, required]) => ({ name, ...field, ...(required ? { required } : {}) }));
    const plain = (properties: readonly PropertyField[]): Record<string, unknown> =>
      Object.fromEntries(properties.map(({ name, ...field }) => [name, plainValue(field)]));
    const plainValue = (field: ValueField): Record<string, unknown> => {
      const { items, properties, ...scalars } = field;
      return { ...scalars, ...(items === undefined ? {} : { items: plainValue(items) }), ...(properties === undefined ? {} : { properties: plain(properties) }) };
    };
    fc.assert(
      fc.property(fc.uniqueArray(property(3), { minLength: 1, maxLength: 3, selector: (member) => member.name }), (properties) => {
        const written = renderDefinition(SIT_TEMPLATE, fields({ properties })).text;
        const parsed = parseDefinition({ relativePath: "x.yml", projectPath: "x.yml", displayPath: "x.yml", read: { ok: true, bytes: Buffer.from(written) } });
        const read = parsed.definition === undefined ? undefined : (toPlainValue(parsed.definition.root) as Record<string, unknown>)["additional_properties"];
        expect(read).toEqual(plain(properties));
      }),
      { numRuns: 200 },
    );
  });
});

describe("renderTemplate", () => {
  const values = new Map([
    ["scalar", yamlFragment("x")],
    ["list", yamlFragment(["a", "b"])],
    ["absent", undefined],
  ]);

  it("indents blocks below keys nested in the template, and drops the lines of absent values", () => {
    const rendered = renderTemplate("top:\n  scalar: {{ scalar }}\n  list: {{list}}\n  gone: {{absent}}\nkept: 1 # comment\n", values);
    expect(rendered.problems).toEqual([]);
    expect(rendered.text).toBe("top:\n  scalar: x\n  list:\n    - a\n    - b\nkept: 1 # comment\n");
    expect([...rendered.used].sort()).toEqual(["absent", "list", "scalar"]);
  });

  it("reads CRLF templates and writes LF", () => {
    expect(renderTemplate("a: {{scalar}}\r\nb: 2\r\n", values).text).toBe("a: x\nb: 2\n");
  });

  it("reports unknown and misplaced placeholders at their line and column", () => {
    const rendered = renderTemplate("a: {{scalar}}\nb: {{nope}}\nc: 'x {{scalar}}'\n- {{list}}\n", values);
    expect(rendered.problems).toEqual([
      { line: 2, column: 4, message: "unknown placeholder {{nope}}; the placeholders are {{scalar}}, {{list}}, {{absent}}" },
      { line: 3, column: 7, message: "a placeholder must be the whole value of a key, as in `key: {{name}}`" },
      { line: 4, column: 3, message: "a placeholder must be the whole value of a key, as in `key: {{name}}`" },
    ]);
  });

  it("checks a definition template whatever the values", () => {
    expect(checkDefinitionTemplate(SIT_TEMPLATE).problems).toEqual([]);
    expect(checkDefinitionTemplate(SIT_TEMPLATE).used.size).toBe(10);
    expect(checkDefinitionTemplate("action: {{action}}\nowner: {{product_groups}}\n").problems).toHaveLength(1);
  });
});

describe("yamlFragment", () => {
  it.each([
    ["18.0", { quoted: true }, ["'18.0'"]],
    [null, { quoted: true }, ["null"]],
    ["plain words", {}, ["plain words"]],
    ["it's", { quoted: true }, ["'it''s'"]],
  ] as const)("writes %j", (value, options, lines) => {
    expect(yamlFragment(value, options).lines).toEqual(lines);
    expect(load(yamlFragment(value, options).lines.join("\n"))).toBe(value);
  });

  it("marks lists and mappings as blocks, empty ones and scalars not", () => {
    expect(yamlFragment(["a"]).block).toBe(true);
    expect(yamlFragment({ a: "b" }).block).toBe(true);
    expect(yamlFragment([]).block).toBe(false);
    expect(yamlFragment("a\nb").block).toBe(false);
  });
});
