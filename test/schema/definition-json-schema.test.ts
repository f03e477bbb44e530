import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { dump, load } from "js-yaml";
import { loadProject } from "../../src/index";
import { definitionJsonSchema, renderDefinitionJsonSchema } from "../../src/schema/definition-json-schema";
import { makeProject, REPO_ROOT } from "../helpers/project";

const CORPUS = join(REPO_ROOT, "test", "corpus", "gitlab");

/**
 * Strict about the schema itself (unknown keywords, bad formats); strictTypes and strictRequired
 * only advise, and rules such as `then: { required: [...] }` are meant to stand alone.
 */
const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true, allErrors: true });
const schemaAccepts = ajv.compile(definitionJsonSchema());

/**
 * yaml-language-server validates with draft-07's rules whatever `$schema` says: the schema must
 * mean the same there, so it keeps to keywords both drafts read alike.
 */
const SHARED_KEYWORDS = new Set(["$schema", "$id", "title", "description", "type", "enum", "const", "pattern", "minLength", "minItems", "uniqueItems", "items", "properties", "required", "additionalProperties", "propertyNames", "anyOf", "allOf", "not", "if", "then"]);
const draft07Accepts = new Ajv({ strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true }).compile({
  ...definitionJsonSchema(),
  $schema: "http://json-schema.org/draft-07/schema#",
});

/** The keywords a schema uses, in every subschema. */
function keywordsOf(schema: unknown, found = new Set<string>()): Set<string> {
  if (typeof schema !== "object" || schema === null) return found;
  for (const [keyword, value] of Object.entries(schema)) {
    found.add(keyword);
    if (keyword === "properties") for (const property of Object.values(value as object)) keywordsOf(property, found);
    else if (keyword === "allOf" || keyword === "anyOf") for (const branch of value as unknown[]) keywordsOf(branch, found);
    else if (["items", "not", "if", "then", "additionalProperties", "propertyNames"].includes(keyword)) keywordsOf(value, found);
  }
  return found;
}

/** How an editor reads the file: YAML's core schema, as sit reads it. */
const acceptsText = (text: string): boolean => schemaAccepts(load(text));

const CONFIG = `processors:
  InternalEvents: { module: ./processors, export: InternalEvents }
  Gitlab::Tracking::AiTracking: { module: ./processors, export: AiTracking }
  Acme::Audit: { module: ./processors, export: Audit }
defaultProcessors: [InternalEvents]
`;
const PROCESSORS = `const processor = { trackEvent(): void {} };
export const InternalEvents = processor;
export const AiTracking = processor;
export const Audit = processor;
`;

/** sit's verdict on each file: the codes of its errors (none: valid), from one run over them all. */
function sitErrors(files: Readonly<Record<string, string>>): Map<string, string[]> {
  const project = makeProject({
    "sit.config.yaml": CONFIG,
    "processors.ts": PROCESSORS,
    ...Object.fromEntries(Object.entries(files).map(([name, text]) => [`definitions/${name}.yml`, text])),
  });
  const { diagnostics } = loadProject({ cwd: project });
  const errors = new Map<string, string[]>(Object.keys(files).map((name) => [name, []]));
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity !== "error") continue;
    const name = diagnostic.file.replace(/^definitions\//, "").replace(/\.yml$/, "");
    const codes = errors.get(name);
    if (codes === undefined) throw new Error(`an error outside the definitions: ${diagnostic.file}: ${diagnostic.message}`);
    codes.push(diagnostic.code);
  }
  return errors;
}

const BASE = {
  description: "A snippet is created",
  internal_events: true,
  action: "create_snippet",
  identifiers: ["project", "user"],
  additional_properties: { label: { description: "visibility" } },
  product_group: "source_code",
  milestone: "18.0",
  introduced_by_url: "https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1",
  tiers: ["free", "premium"],
};

/** The base definition with some keys replaced (`undefined` removes a key), as YAML. */
const variant = (action: string, changes: Readonly<Record<string, unknown>> = {}): string => {
  const data: Record<string, unknown> = { ...BASE, action, ...changes };
  for (const key of Object.keys(changes)) if (changes[key] === undefined) delete data[key];
  return dump(data);
};
const properties = (action: string, additional: unknown): string => variant(action, { additional_properties: additional });

/** Each rejected by sit with the code named, and by the schema. */
const REJECTED: Readonly<Record<string, { readonly code: string; readonly text: (action: string) => string }>> = {
  unknown_key: { code: "SIT010", text: (a) => variant(a, { tier: ["free"] }) },
  missing_description: { code: "SIT011", text: (a) => variant(a, { description: undefined }) },
  missing_action: { code: "SIT011", text: (a) => variant(a, { action: undefined }) },
  missing_product_group: { code: "SIT011", text: (a) => variant(a, { product_group: undefined }) },
  missing_milestone: { code: "SIT011", text: (a) => variant(a, { milestone: undefined }) },
  missing_introduced_by_url: { code: "SIT011", text: (a) => variant(a, { introduced_by_url: undefined }) },
  missing_tiers: { code: "SIT011", text: (a) => variant(a, { tiers: undefined }) },
  description_number: { code: "SIT012", text: (a) => variant(a, { description: 3 }) },
  internal_events_string: { code: "SIT012", text: (a) => variant(a, { internal_events: "yes" }) },
  milestone_number: { code: "SIT012", text: (a) => `${variant(a, { milestone: undefined })}milestone: 18.0\n` },
  milestone_pattern: { code: "SIT013", text: (a) => variant(a, { milestone: "18" }) },
  tiers_string: { code: "SIT012", text: (a) => variant(a, { tiers: "free" }) },
  tiers_empty: { code: "SIT013", text: (a) => variant(a, { tiers: [] }) },
  tier_unknown: { code: "SIT013", text: (a) => variant(a, { tiers: ["gold"] }) },
  tier_twice: { code: "SIT013", text: (a) => variant(a, { tiers: ["premium", "premium", "ultimate"] }) },
  identifiers_string: { code: "SIT012", text: (a) => variant(a, { identifiers: "user" }) },
  identifier_unknown: { code: "SIT013", text: (a) => variant(a, { identifiers: ["group"] }) },
  identifier_twice: { code: "SIT013", text: (a) => variant(a, { identifiers: ["user", "project", "user"] }) },
  product_categories_numbers: { code: "SIT012", text: (a) => variant(a, { product_categories: [1] }) },
  status_unknown: { code: "SIT013", text: (a) => variant(a, { status: "gone" }) },
  removed_without_milestone: { code: "SIT021", text: (a) => variant(a, { status: "removed", removed_by_url: "https://x.test/1" }) },
  removed_without_url: { code: "SIT021", text: (a) => variant(a, { status: "removed", milestone_removed: "18.3" }) },
  milestone_removed_pattern: { code: "SIT013", text: (a) => variant(a, { status: "removed", milestone_removed: "soon", removed_by_url: "https://x.test/1" }) },
  classification_unknown: { code: "SIT013", text: (a) => variant(a, { classification: "secret" }) },
  both_tracker_keys: {
    code: "SIT020",
    text: (a) => variant(a, { extra_trackers: [{ tracking_class: "Acme::Audit" }], extra_tracking_classes: ["Gitlab::Tracking::AiTracking"] }),
  },
  tracker_class_empty: { code: "SIT013", text: (a) => variant(a, { extra_tracking_classes: [""] }) },
  tracker_without_class: { code: "SIT011", text: (a) => variant(a, { extra_trackers: [{ protected_properties: null }] }) },
  tracker_unknown_key: { code: "SIT010", text: (a) => variant(a, { extra_trackers: [{ tracking_class: "Acme::Audit", class: "x" }] }) },
  tracker_class_twice: { code: "SIT028", text: (a) => variant(a, { extra_tracking_classes: ["Acme::Audit", "Acme::Audit"] }) },
  tracker_entry_twice: { code: "SIT028", text: (a) => variant(a, { extra_trackers: [{ tracking_class: "Acme::Audit" }, { tracking_class: "Acme::Audit" }] }) },
  property_unknown_key: { code: "SIT010", text: (a) => properties(a, { label: { description: "x", colour: "red" } }) },
  property_description_number: { code: "SIT012", text: (a) => properties(a, { label: { description: 3 } }) },
  property_type_unknown: { code: "SIT013", text: (a) => properties(a, { language: { type: "text" } }) },
  property_enum_empty: { code: "SIT013", text: (a) => properties(a, { language: { enum: [] } }) },
  property_enum_twice: { code: "SIT013", text: (a) => properties(a, { language: { enum: ["ruby", "go", "ruby"] } }) },
  property_enum_object: { code: "SIT012", text: (a) => properties(a, { language: { enum: [{ name: "ruby" }] } }) },
  property_enum_not_string: { code: "SIT026", text: (a) => properties(a, { language: { type: "string", enum: ["ruby", 1] } }) },
  property_enum_not_integer: { code: "SIT026", text: (a) => properties(a, { lines: { type: "integer", enum: [1, 1.5] } }) },
  property_enum_not_boolean: { code: "SIT026", text: (a) => properties(a, { draft: { type: "boolean", enum: ["yes"] } }) },
  property_required_string: { code: "SIT012", text: (a) => properties(a, { language: { required: "yes" } }) },
  label_typed_integer: { code: "SIT026", text: (a) => properties(a, { label: { type: "integer" } }) },
  value_typed_string: { code: "SIT026", text: (a) => properties(a, { value: { type: "string" } }) },
  label_enum_numbers: { code: "SIT026", text: (a) => properties(a, { label: { enum: [1, 2] } }) },
  value_enum_strings: { code: "SIT026", text: (a) => properties(a, { value: { enum: ["one"] } }) },
  value_integer_enum_fraction: { code: "SIT026", text: (a) => properties(a, { value: { type: "integer", enum: [0.5] } }) },
  property_name_kebab: { code: "SIT024", text: (a) => properties(a, { "target-branch": { description: "x" } }) },
  property_name_digit: { code: "SIT024", text: (a) => properties(a, { "1st": { description: "x" } }) },
  property_name_constructor: { code: "SIT019", text: (a) => properties(a, { constructor: { description: "x" } }) },
  property_name_proto: { code: "SIT019", text: (a) => `${variant(a, { additional_properties: undefined })}additional_properties:\n  __proto__:\n    description: x\n` },
  protected_name_camel: {
    code: "SIT024",
    text: (a) => variant(a, { extra_trackers: [{ tracking_class: "Acme::Audit", protected_properties: { userName: null } }] }),
  },
};

/** Each accepted by sit (warnings allowed) and by the schema. */
const ACCEPTED: Readonly<Record<string, (action: string) => string>> = {
  base: (a) => variant(a),
  legacy: (a) => variant(a, { internal_events: undefined, category: "snippets", extra_properties: { anything: [1, { deep: true }] } }),
  legacy_tracker_twice: (a) => variant(a, { internal_events: undefined, extra_tracking_classes: ["Acme::Audit", "Acme::Audit"] }),
  nulls: (a) => variant(a, { identifiers: null, additional_properties: null, milestone: null, introduced_by_url: null, product_categories: null }),
  no_identifiers: (a) => variant(a, { identifiers: undefined, additional_properties: undefined }),
  removed: (a) => variant(a, { status: "removed", milestone_removed: "<18.3", removed_by_url: "https://x.test/1" }),
  typed_properties: (a) =>
    properties(a, {
      label: { type: "string", enum: ["public", "private"], required: true },
      value: { type: "integer", enum: [1, 2] },
      property: null,
      ratio: { type: "number", enum: [0.5, 1] },
      draft: { type: "boolean" },
      language: { enum: ["ruby", 3] },
      lable: { description: "close to label: a warning only" },
    }),
  trackers: (a) =>
    variant(a, {
      extra_trackers: [
        { tracking_class: "Gitlab::Tracking::AiTracking", protected_properties: { language: { type: "string" } } },
        { tracking_class: "Acme::Audit", protected_properties: { language: { type: "string" } } },
      ],
    }),
  tracking_classes: (a) => variant(a, { extra_tracking_classes: ["Gitlab::Tracking::AiTracking", "Acme::Audit"], classification: "duo" }),
};

/** sit rejects these; no JSON Schema of one file can say why (they compare keys across objects, or need other files or the config). */
const BEYOND_THE_SCHEMA: Readonly<Record<string, { readonly code: string; readonly files: Readonly<Record<string, string>> }>> = {
  additional_and_protected: {
    code: "SIT027",
    files: { gap_1: variant("gap_1", { extra_trackers: [{ tracking_class: "Acme::Audit", protected_properties: { label: null } }] }) },
  },
  protected_types_differ: {
    code: "SIT027",
    files: {
      gap_2: variant("gap_2", {
        extra_trackers: [
          { tracking_class: "Acme::Audit", protected_properties: { language: { type: "string" } } },
          { tracking_class: "Gitlab::Tracking::AiTracking", protected_properties: { language: { type: "integer" } } },
        ],
      }),
    },
  },
  tracker_twice_with_different_properties: {
    code: "SIT028",
    files: { gap_3: variant("gap_3", { extra_trackers: [{ tracking_class: "Acme::Audit" }, { tracking_class: "Acme::Audit", protected_properties: null }] }) },
  },
  default_processor_as_tracker: { code: "SIT028", files: { gap_4: variant("gap_4", { extra_tracking_classes: ["InternalEvents"] }) } },
  unconfigured_tracker: { code: "SIT023", files: { gap_5: variant("gap_5", { extra_tracking_classes: ["Unknown::Tracker"] }) } },
  duplicate_action: { code: "SIT015", files: { gap_6: variant("same_action"), gap_7: variant("same_action") } },
  action_taken_by_the_sdk: { code: "SIT018", files: { event: variant("event") } },
};

function definitionFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? definitionFiles(join(folder, entry.name)) : entry.name.endsWith(".yml") ? [join(folder, entry.name)] : [],
  );
}

/** Mostly valid, each key sometimes missing or wrong; the action is made unique per file. */
const randomDefinition = (() => {
  /** Present with the given weight out of 100; absent keys are dropped before dumping. */
  const sometimes = <T>(present: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
    fc.oneof({ weight: 100 - present, arbitrary: fc.constant(undefined) }, { weight: present, arbitrary });
  const usually = <T>(arbitrary: fc.Arbitrary<T>) => sometimes(98, arbitrary);
  const rarely = <T>(arbitrary: fc.Arbitrary<T>) => sometimes(30, arbitrary);
  /** One of the valid values, or one time in twenty-five one of the wrong ones. */
  const mostly = (valid: fc.Arbitrary<unknown>, wrong: readonly unknown[]): fc.Arbitrary<unknown> =>
    fc.oneof({ weight: 24, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(...wrong) });
  const withoutAbsent = (data: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));

  const propertyName = mostly(fc.constantFrom("label", "property", "value", "language", "lines", "lable", "x1"), ["target-branch", "constructor", "Name"]);
  const propertyType = mostly(fc.constantFrom("string", "integer", "number", "boolean"), ["text"]);
  const enumValues = fc.array(fc.constantFrom<unknown>("a", "b", 1, 2, 1.5, true, "a", 1), { maxLength: 3 });
  const property = fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    {
      weight: 5,
      arbitrary: fc
        .record({
          description: sometimes(70, mostly(fc.string({ maxLength: 12 }), [7])),
          type: rarely(propertyType),
          enum: sometimes(15, enumValues),
          required: rarely(mostly(fc.boolean(), ["yes"])),
          colour: sometimes(2, fc.constant("red")),
        })
        .map(withoutAbsent),
    },
  );
  const propertyMap = fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 5, arbitrary: fc.array(fc.tuple(propertyName, property), { maxLength: 3 }).map((entries) => Object.fromEntries(entries as [string, unknown][])) },
  );
  const trackerClass = mostly(fc.constantFrom("Gitlab::Tracking::AiTracking", "Acme::Audit"), [""]);
  const tracker = fc.record({ tracking_class: trackerClass, protected_properties: rarely(propertyMap) }).map(withoutAbsent);
  return fc
    .record({
      description: usually(mostly(fc.string({ maxLength: 20 }), [null, 4])),
      internal_events: sometimes(90, mostly(fc.boolean(), ["yes"])),
      action: usually(mostly(fc.constant("valid"), ["Bad-Action", "__proto__", ""])),
      identifiers: sometimes(80, mostly(fc.oneof(fc.constant(null), fc.uniqueArray(fc.constantFrom("user", "project", "namespace", "feature_enabled_by_namespace_ids"))), [["user", "user"], ["group"], "user"])),
      additional_properties: sometimes(60, propertyMap),
      product_group: usually(mostly(fc.constantFrom("source_code", "code_review"), [3, null])),
      product_categories: rarely(mostly(fc.constantFrom(null, ["code_review"]), ["code_review", [1]])),
      milestone: usually(mostly(fc.constantFrom("18.0", "<17.1", null), ["18", 18.5])),
      introduced_by_url: usually(mostly(fc.constantFrom("https://x.test/1", null), [5])),
      tiers: usually(mostly(fc.uniqueArray(fc.constantFrom("free", "premium", "ultimate"), { minLength: 1 }), [[], ["gold"], "free", ["free", "free"]])),
      status: rarely(mostly(fc.constantFrom("active", "removed"), ["gone"])),
      milestone_removed: rarely(mostly(fc.constantFrom("18.3"), ["later"])),
      removed_by_url: rarely(mostly(fc.constantFrom("https://x.test/3"), [null])),
      classification: sometimes(10, mostly(fc.constantFrom("duo", null), ["secret"])),
      extra_trackers: sometimes(20, fc.oneof(fc.constant(null), fc.array(tracker, { maxLength: 2 }))),
      extra_tracking_classes: sometimes(10, fc.oneof(fc.constant(null), fc.array(trackerClass, { maxLength: 2 }))),
      colour: sometimes(2, fc.constant("red")),
    })
    .map(withoutAbsent);
})();

/** A valid action unique to the file, or the broken one drawn. */
const actionOf = (drawn: unknown, index: number): unknown => (drawn === "valid" ? `random_event_${index}` : drawn);

describe("sit schema: the JSON Schema of a definition", () => {
  it("is draft 2020-12 with an id, a title and a description on every top-level key", () => {
    const schema = definitionJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe("urn:sit-tracking:event-definition");
    expect(schema.title).toBe("sit event definition");
    expect(schema.additionalProperties).toBe(false);
    const described = Object.entries(schema.properties ?? {}).filter(([, property]) => typeof property === "object" && typeof property.description === "string");
    expect(described.map(([key]) => key)).toEqual(Object.keys(schema.properties ?? {}));
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it("means the same under draft-07's rules, which yaml-language-server validates with", () => {
    expect([...keywordsOf(definitionJsonSchema())].filter((keyword) => !SHARED_KEYWORDS.has(keyword))).toEqual([]);
    const texts = [
      ...definitionFiles(join(CORPUS, "definitions")).map((file) => readFileSync(file, "utf8")),
      ...Object.entries(REJECTED).map(([name, { text }]) => text(name)),
      ...Object.entries(ACCEPTED).map(([name, text]) => text(name)),
      ...fc.sample(randomDefinition, { numRuns: 400, seed: 7 }).map((data) => dump(data)),
    ];
    const disagreements = texts.filter((text) => draft07Accepts(load(text)) !== acceptsText(text));
    expect(disagreements).toEqual([]);
  });

  it("renders the same bytes every time, ending with a newline", () => {
    const text = renderDefinitionJsonSchema();
    expect(renderDefinitionJsonSchema()).toBe(text);
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(definitionJsonSchema());
  });

  it("accepts every file of the GitLab corpus, as sit does", () => {
    expect(loadProject({ cwd: CORPUS }).diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const files = definitionFiles(join(CORPUS, "definitions"));
    expect(files.length).toBe(730);
    const rejected = files.filter((file) => !acceptsText(readFileSync(file, "utf8"))).map((file) => relative(CORPUS, file));
    expect(rejected).toEqual([]);
  });

  it("rejects what sit rejects and accepts what it accepts, case by case", () => {
    const files: Record<string, string> = {};
    for (const [name, { text }] of Object.entries(REJECTED)) files[name] = text(name);
    for (const [name, text] of Object.entries(ACCEPTED)) files[name] = text(name);
    const errors = sitErrors(files);
    const verdicts = Object.keys(files).map((name) => ({ name, sit: errors.get(name), schemaAccepts: acceptsText(files[name]!) }));
    const expected = Object.keys(files).map((name) => {
      const rejection = REJECTED[name];
      return { name, sit: rejection === undefined ? [] : expect.arrayContaining([rejection.code]), schemaAccepts: rejection === undefined };
    });
    expect(verdicts).toEqual(expected);
  });

  it("leaves to sit validate only what one file's JSON Schema cannot express", () => {
    const files = Object.assign({}, ...Object.values(BEYOND_THE_SCHEMA).map((gap) => gap.files)) as Record<string, string>;
    const errors = sitErrors(files);
    for (const [gap, { code, files: gapFiles }] of Object.entries(BEYOND_THE_SCHEMA)) {
      const names = Object.keys(gapFiles);
      const codes = new Set(names.flatMap((name) => errors.get(name) ?? []));
      const schemaAccepts = names.every((name) => acceptsText(gapFiles[name]!));
      expect({ gap, codes: [...codes], schemaAccepts }).toEqual({ gap, codes: [code], schemaAccepts: true });
    }
  });

  it("agrees with sit on hundreds of random, mostly broken definitions", () => {
    const samples = fc.sample(randomDefinition, { numRuns: 400, seed: 13 });
    const files = Object.fromEntries(
      samples.map((data, index) => {
        const action = actionOf(data["action"], index);
        return [`random_${index}`, dump(action === undefined ? data : { ...data, action })];
      }),
    );
    const errors = sitErrors(files);
    // Errors only the gaps above explain may or may not be caught by the schema.
    const gapCodes = new Set(Object.values(BEYOND_THE_SCHEMA).map((gap) => gap.code));
    const disagreements = Object.entries(files).filter(([name, text]) => {
      const codes = errors.get(name) ?? [];
      const accepts = acceptsText(text);
      if (codes.length === 0) return !accepts;
      return accepts && codes.some((code) => !gapCodes.has(code));
    });
    expect(disagreements.map(([name, text]) => ({ name, sit: errors.get(name), text }))).toEqual([]);
    // The sample must exercise both verdicts, or the comparison proves little.
    const valid = Object.keys(files).filter((name) => errors.get(name)?.length === 0).length;
    expect(valid).toBeGreaterThan(40);
    expect(valid).toBeLessThan(360);
  });
});
