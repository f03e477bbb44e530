import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { parseDefinition } from "../../src/load/load-definitions";
import { validateDefinition } from "../../src/validate/validate-definition";
import { GITLAB_VOCABULARY } from "../../src/validate/vocabulary";
import type { DefinitionFields } from "../../src/scaffold/definition-fields";
import { checkDefinitionTemplate, renderDefinition } from "../../src/scaffold/render-definition";
import { renderTemplate } from "../../src/scaffold/render-template";
import { yamlFragment } from "../../src/scaffold/yaml-fragment";
import { REPO_ROOT } from "../helpers/project";

const SIT_TEMPLATE = readFileSync(join(REPO_ROOT, "templates", "event-definition.yml"), "utf8");

const fields = (overrides: Partial<DefinitionFields> = {}): DefinitionFields => ({
  action: "create_merge_request",
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

/** Parses and validates `text` as `generate` does, returning the data or the diagnostics. */
function validated(text: string, action = "create_merge_request") {
  const parsed = parseDefinition({
    relativePath: `${action}.yml`,
    projectPath: `definitions/${action}.yml`,
    displayPath: `${action}.yml`,
    read: { ok: true, bytes: Buffer.from(text) },
  });
  if (parsed.definition === undefined) throw new Error(JSON.stringify(parsed.diagnostics));
  const result = validateDefinition(parsed.definition, { gitlabStrict: false, vocabulary: GITLAB_VOCABULARY });
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
    expect(checkDefinitionTemplate(SIT_TEMPLATE).used.size).toBe(9);
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
