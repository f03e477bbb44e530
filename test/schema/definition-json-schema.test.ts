import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { dump, load } from "js-yaml";
import { loadProject } from "../../src/index";
import { functionNameOf } from "../../src/naming/names";
import type { JsonSchema } from "../../src/schema/definition-keys";
import { definitionJsonSchema, renderDefinitionJsonSchema } from "../../src/schema/definition-json-schema";
import { wordCharacterPattern } from "../../src/schema/schema-rules";
import type { DefinitionCheckOptions } from "../../src/validate/validate-definition";
import { GITLAB_VOCABULARY, type Vocabulary } from "../../src/validate/vocabulary";
import { makeProject, REPO_ROOT } from "../helpers/project";
import { ANY_PROPERTY_NAMES, randomDefinitions, SNAKE_CASE_PROPERTY_NAMES, type ProjectWords } from "./random-definition";

const CORPUS = join(REPO_ROOT, "test", "corpus", "gitlab");

/**
 * Strict about the schema itself (unknown keywords, bad formats); strictTypes and strictRequired
 * only advise, and rules such as `then: { required: [...] }` are meant to stand alone.
 */
const AJV_OPTIONS = { strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true } as const;

/**
 * yaml-language-server validates with draft-07's rules whatever `$schema` says: the schema must
 * mean the same there, so it keeps to keywords both drafts read alike. `$ref` is one of them when
 * it stands alone (draft-07 ignores what stands beside it) and points into `definitions`.
 */
const SHARED_KEYWORDS = new Set([
  "$schema",
  "$id",
  "$ref",
  "definitions",
  "title",
  "description",
  "type",
  "enum",
  "const",
  "pattern",
  "minLength",
  "minimum",
  "maximum",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
  "items",
  "properties",
  "minProperties",
  "required",
  "additionalProperties",
  "propertyNames",
  "anyOf",
  "allOf",
  "not",
  "if",
  "then",
]);
const SUBSCHEMA = new Set(["items", "contains", "not", "if", "then", "additionalProperties", "propertyNames"]);
const SUBSCHEMA_LISTS = new Set(["allOf", "anyOf"]);
const SUBSCHEMA_MAPS = new Set(["properties", "definitions"]);

/** Every subschema of a schema, itself included. */
function subschemas(schema: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (typeof schema !== "object" || schema === null) return found;
  const object = schema as Record<string, unknown>;
  found.push(object);
  for (const [keyword, value] of Object.entries(object)) {
    if (SUBSCHEMA.has(keyword)) subschemas(value, found);
    else if (SUBSCHEMA_LISTS.has(keyword)) for (const branch of value as unknown[]) subschemas(branch, found);
    else if (SUBSCHEMA_MAPS.has(keyword)) for (const property of Object.values(value as object)) subschemas(property, found);
  }
  return found;
}

/**
 * The schemas of the keys a definition file may have, at every depth, by where they are: the
 * root's keys, a tracker's, a property's or an item's. Rules (allOf, if, then, not) constrain
 * keys; they declare none.
 */
function declaredKeys(schema: unknown, path = "", found: [string, Record<string, unknown>][] = []): [string, Record<string, unknown>][] {
  if (typeof schema !== "object" || schema === null) return found;
  const object = schema as Record<string, unknown>;
  for (const [key, value] of Object.entries((object["properties"] ?? {}) as Record<string, Record<string, unknown>>)) {
    found.push([`${path}.${key}`, value]);
    declaredKeys(value, `${path}.${key}`, found);
  }
  for (const [name, value] of Object.entries((object["definitions"] ?? {}) as object)) declaredKeys(value, `#${name}`, found);
  for (const branch of (object["anyOf"] ?? []) as unknown[]) declaredKeys(branch, path, found);
  if (typeof object["items"] === "object") declaredKeys(object["items"], `${path}[]`, found);
  return found;
}

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

/** The shop's own plan (test/e2e/shop): its identifiers and rules, with the processors above. */
const SHOP_CONFIG = (() => {
  const shop = load(readFileSync(join(REPO_ROOT, "test", "e2e", "shop", "sit.config.yaml"), "utf8")) as Record<string, unknown>;
  return CONFIG + dump({ identifiers: shop["identifiers"], rules: shop["rules"] });
})();

/**
 * A way of running `sit validate`, and the schema that must agree with it: GitLab's words with
 * sit's extensions (no rules in the config), a team's own plan, and `--gitlab-strict`.
 */
interface Dialect {
  readonly name: string;
  readonly config: string;
  readonly gitlabStrict: boolean;
}

const DIALECTS = {
  gitlab: { name: "GitLab's words with sit's extensions", config: CONFIG, gitlabStrict: false },
  shop: { name: "the shop's own plan", config: SHOP_CONFIG, gitlabStrict: false },
  strict: { name: "GitLab's own format (--gitlab-strict)", config: CONFIG, gitlabStrict: true },
} as const satisfies Record<string, Dialect>;

/** sit's verdict on each file: the codes of its errors (none: valid), from one run over them all. */
function sitErrors(dialect: Dialect, files: Readonly<Record<string, string>>): Map<string, string[]> {
  const project = makeProject({
    "sit.config.yaml": dialect.config,
    "processors.ts": PROCESSORS,
    ...Object.fromEntries(Object.entries(files).map(([name, text]) => [`definitions/${name}.yml`, text])),
  });
  const { diagnostics } = loadProject({ cwd: project, gitlabStrict: dialect.gitlabStrict });
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

/** What `sit schema` prints in a project with the dialect's config, and validators of it for both drafts. */
function schemaOf(dialect: Dialect) {
  const config = loadProject({ cwd: makeProject({ "sit.config.yaml": dialect.config, "processors.ts": PROCESSORS, "definitions/.keep": "" }) }).config;
  const vocabulary: Vocabulary = config!.vocabulary;
  const options: DefinitionCheckOptions = { vocabulary, gitlabStrict: dialect.gitlabStrict };
  const schema = definitionJsonSchema(options);
  // A validator per schema: ajv keeps one schema per $id.
  const accepts = new Ajv2020(AJV_OPTIONS).compile(schema);
  const draft07Accepts = new Ajv(AJV_OPTIONS).compile({ ...schema, $schema: "http://json-schema.org/draft-07/schema#" });
  // How an editor reads the file: YAML's core schema, as sit reads it.
  return { options, schema, acceptsText: (text: string): boolean => accepts(load(text)), draft07AcceptsText: (text: string): boolean => draft07Accepts(load(text)) };
}

/** A definition as data with some keys replaced (`undefined` removes a key), as YAML. */
const variantOf =
  (base: Readonly<Record<string, unknown>>) =>
  (action: string, changes: Readonly<Record<string, unknown>> = {}): string => {
    const data: Record<string, unknown> = { ...base, action, ...changes };
    for (const key of Object.keys(changes)) if (changes[key] === undefined) delete data[key];
    return dump(data);
  };

const variant = variantOf({
  description: "A snippet is created",
  internal_events: true,
  action: "create_snippet",
  identifiers: ["project", "user"],
  additional_properties: { label: { description: "visibility" } },
  product_group: "source_code",
  milestone: "18.0",
  introduced_by_url: "https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1",
  tiers: ["free", "premium"],
});
const properties = (action: string, additional: unknown): string => variant(action, { additional_properties: additional });

interface Cases {
  /** Each rejected by sit with the code named, and by the schema. */
  readonly rejected: Readonly<Record<string, { readonly code: string; readonly text: (action: string) => string }>>;
  /** Each accepted by sit (warnings allowed) and by the schema. */
  readonly accepted: Readonly<Record<string, (action: string) => string>>;
}

/** GitLab's format: what every dialect holds definitions to. */
const GITLAB_FORMAT: Cases = {
  rejected: {
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
    action_kebab: { code: "SIT014", text: (a) => variant(a, { action: `${a}-x` }) },
    action_without_word: { code: "SIT064", text: () => variant("___") },
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
    property_name_kebab: { code: "SIT024", text: (a) => properties(a, { "target-branch": { description: "x" } }) },
    property_name_digit: { code: "SIT024", text: (a) => properties(a, { "1st": { description: "x" } }) },
    property_name_constructor: { code: "SIT019", text: (a) => properties(a, { constructor: { description: "x" } }) },
    property_name_proto: { code: "SIT019", text: (a) => `${variant(a, { additional_properties: undefined })}additional_properties:\n  __proto__:\n    description: x\n` },
    protected_name_camel: {
      code: "SIT024",
      text: (a) => variant(a, { extra_trackers: [{ tracking_class: "Acme::Audit", protected_properties: { userName: null } }] }),
    },
  },
  accepted: {
    base: (a) => variant(a),
    legacy: (a) => variant(a, { internal_events: undefined, category: "snippets", extra_properties: { anything: [1, { deep: true }] } }),
    legacy_tracker_twice: (a) => variant(a, { internal_events: undefined, extra_tracking_classes: ["Acme::Audit", "Acme::Audit"] }),
    legacy_without_word: () => variant("___", { internal_events: undefined }),
    nulls: (a) => variant(a, { identifiers: null, additional_properties: null, milestone: null, introduced_by_url: null, product_categories: null }),
    no_identifiers: (a) => variant(a, { identifiers: undefined, additional_properties: undefined }),
    removed: (a) => variant(a, { status: "removed", milestone_removed: "<18.3", removed_by_url: "https://x.test/1" }),
    untyped_properties: (a) => properties(a, { label: { description: "where" }, property: null, value: { description: "how many" }, lable: { description: "close to label: a warning only" } }),
    trackers: (a) =>
      variant(a, {
        extra_trackers: [
          { tracking_class: "Gitlab::Tracking::AiTracking", protected_properties: { language: { description: "the language" } } },
          { tracking_class: "Acme::Audit", protected_properties: { language: { description: "the language" } } },
        ],
      }),
    tracking_classes: (a) => variant(a, { extra_tracking_classes: ["Gitlab::Tracking::AiTracking", "Acme::Audit"], classification: "duo" }),
  },
};

/** sit's extensions: function names and what properties declare, at every depth. */
const SIT_EXTENSIONS: Cases = {
  rejected: {
    function_name_snake_case: { code: "SIT064", text: (a) => variant(a, { function_name: "track_snippet" }) },
    function_name_reserved: { code: "SIT064", text: (a) => variant(a, { function_name: "delete" }) },
    function_name_of_the_sdk: { code: "SIT064", text: (a) => variant(a, { function_name: "trackEvent" }) },
    function_name_of_a_sender: { code: "SIT064", text: (a) => variant(a, { function_name: "sendToAudit" }) },
    property_type_unknown: { code: "SIT013", text: (a) => properties(a, { language: { type: "text" } }) },
    type_list_empty: { code: "SIT013", text: (a) => properties(a, { language: { type: [] } }) },
    type_listed_twice: { code: "SIT060", text: (a) => properties(a, { language: { type: ["string", "string"] } }) },
    type_any_with_others: { code: "SIT060", text: (a) => properties(a, { language: { type: ["any", "string"] } }) },
    type_only_null: { code: "SIT060", text: (a) => properties(a, { language: { type: ["null"] } }) },
    type_null_alone: { code: "SIT013", text: (a) => properties(a, { language: { type: "null" } }) },
    array_without_items: { code: "SIT060", text: (a) => properties(a, { tags: { type: "array" } }) },
    object_without_properties: { code: "SIT060", text: (a) => properties(a, { cart: { type: ["object", "null"] } }) },
    items_without_array: { code: "SIT060", text: (a) => properties(a, { tags: { type: "string", items: { type: "string" } } }) },
    items_untyped: { code: "SIT060", text: (a) => properties(a, { tags: { items: { type: "string" } } }) },
    properties_without_object: { code: "SIT060", text: (a) => properties(a, { cart: { type: "any", properties: { id: null } } }) },
    properties_empty: { code: "SIT060", text: (a) => properties(a, { cart: { type: "object", properties: {} } }) },
    minimum_of_a_string: { code: "SIT061", text: (a) => properties(a, { language: { type: "string", minimum: 1 } }) },
    max_length_of_an_integer: { code: "SIT061", text: (a) => properties(a, { lines: { type: ["integer", "null"], maxLength: 3 } }) },
    pattern_of_a_boolean: { code: "SIT061", text: (a) => properties(a, { draft: { type: "boolean", pattern: "^t" } }) },
    minimum_of_label: { code: "SIT061", text: (a) => properties(a, { label: { minimum: 0 } }) },
    pattern_of_value: { code: "SIT061", text: (a) => properties(a, { value: { type: "integer", pattern: "^1" } }) },
    min_length_negative: { code: "SIT013", text: (a) => properties(a, { language: { type: "string", minLength: -1 } }) },
    max_length_fraction: { code: "SIT012", text: (a) => properties(a, { language: { type: "string", maxLength: 1.5 } }) },
    minimum_string: { code: "SIT012", text: (a) => properties(a, { lines: { type: "integer", minimum: "1" } }) },
    enum_empty: { code: "SIT013", text: (a) => properties(a, { language: { enum: [] } }) },
    enum_twice: { code: "SIT013", text: (a) => properties(a, { language: { enum: ["ruby", "go", "ruby"] } }) },
    enum_object: { code: "SIT012", text: (a) => properties(a, { language: { enum: [{ name: "ruby" }] } }) },
    enum_not_string: { code: "SIT026", text: (a) => properties(a, { language: { type: "string", enum: ["ruby", 1] } }) },
    enum_not_integer: { code: "SIT026", text: (a) => properties(a, { lines: { type: "integer", enum: [1, 1.5] } }) },
    enum_not_boolean: { code: "SIT026", text: (a) => properties(a, { draft: { type: "boolean", enum: ["yes"] } }) },
    enum_boolean_untyped: { code: "SIT026", text: (a) => properties(a, { language: { enum: ["ruby", true] } }) },
    enum_null_without_null: { code: "SIT026", text: (a) => properties(a, { language: { type: "string", enum: ["ruby", null] } }) },
    enum_fraction_of_integers: { code: "SIT026", text: (a) => properties(a, { lines: { type: ["integer", "null"], enum: [1, null, 0.5] } }) },
    enum_of_an_array: { code: "SIT026", text: (a) => properties(a, { tags: { type: "array", items: { type: "string" }, enum: ["a"] } }) },
    required_string: { code: "SIT012", text: (a) => properties(a, { language: { required: "yes" } }) },
    label_typed_integer: { code: "SIT026", text: (a) => properties(a, { label: { type: "integer" } }) },
    label_typed_nullable: { code: "SIT026", text: (a) => properties(a, { label: { type: ["string", "null"] } }) },
    value_typed_string: { code: "SIT026", text: (a) => properties(a, { value: { type: "string" } }) },
    label_enum_numbers: { code: "SIT026", text: (a) => properties(a, { label: { enum: [1, 2] } }) },
    value_enum_strings: { code: "SIT026", text: (a) => properties(a, { value: { enum: ["one"] } }) },
    value_integer_enum_fraction: { code: "SIT026", text: (a) => properties(a, { value: { type: "integer", enum: [0.5] } }) },
    items_required: { code: "SIT010", text: (a) => properties(a, { tags: { type: "array", items: { type: "string", required: true } } }) },
    items_enum_not_integer: { code: "SIT026", text: (a) => properties(a, { sizes: { type: "array", items: { type: "integer", enum: ["s"] } } }) },
    nested_name_kebab: { code: "SIT024", text: (a) => properties(a, { cart: { type: "object", properties: { "total-price": null } } }) },
    nested_name_constructor: { code: "SIT019", text: (a) => properties(a, { cart: { type: "object", properties: { constructor: null } } }) },
    nested_array_without_items: {
      code: "SIT060",
      text: (a) => properties(a, { cart: { type: "object", properties: { lines: { type: "array", items: { type: "object", properties: { tags: { type: "array" } } } } } } }),
    },
  },
  accepted: {
    function_name: (a) => variant(a, { function_name: "trackSnippetMade" }),
    function_name_for_an_action_without_word: () => variant("___", { function_name: "trackUnderscores" }),
    typed_properties: (a) =>
      properties(a, {
        label: { type: "string", enum: ["public", "private"], required: true },
        value: { type: "integer", enum: [1, 2] },
        property: null,
        ratio: { type: "number", enum: [0.5, 1] },
        draft: { type: "boolean" },
        language: { enum: ["ruby", 3] },
      }),
    built_in_types_in_lists: (a) => properties(a, { label: { type: ["string"], minLength: 1, pattern: "^[a-z]" }, value: { type: ["integer"], minimum: 0, maximum: 10 } }),
    structured: (a) =>
      properties(a, {
        products: {
          type: "array",
          items: {
            type: "object",
            properties: {
              sku: { type: "string", required: true, minLength: 1, maxLength: 12, pattern: "^[A-Z]" },
              price: { type: "number", minimum: 0 },
              tags: { type: "array", items: { enum: ["new", 1] } },
            },
          },
        },
        note: { type: ["string", "null"], maxLength: 200, enum: ["a", null] },
        anything: { type: "any", enum: [true, "x", null], minimum: 0, pattern: "x" },
        any_in_a_list: { type: ["any"] },
        count: { type: ["integer", "null"], minimum: 0, enum: [1, 2, null] },
        untyped_bounds: { minimum: 0, maxLength: 3 },
      }),
    built_in_names_nested: (a) => properties(a, { cart: { type: "object", properties: { label: { type: "integer", minimum: 1 }, value: { type: "string", minLength: 1 } } } }),
    built_in_names_protected: (a) =>
      variant(a, { additional_properties: undefined, extra_trackers: [{ tracking_class: "Acme::Audit", protected_properties: { label: { type: "integer" }, value: { type: "boolean" } } }] }),
  },
};

const shopVariant = variantOf({ description: "An order is completed", internal_events: true, action: "Order Completed", identifiers: ["account"], tiers: ["starter"] });

/** The shop's plan: its own identifiers, tiers and required keys, and names as its data writes them. */
const SHOP_PLAN: Cases = {
  rejected: {
    missing_description: { code: "SIT011", text: (a) => shopVariant(a, { description: undefined }) },
    tier_of_gitlab: { code: "SIT013", text: (a) => shopVariant(a, { tiers: ["free"] }) },
    identifier_unknown: { code: "SIT013", text: (a) => shopVariant(a, { identifiers: ["store"] }) },
    action_empty: { code: "SIT013", text: () => shopVariant("") },
    action_with_control_character: { code: "SIT014", text: (a) => shopVariant(`${a}\u0007`) },
    action_without_word: { code: "SIT064", text: () => shopVariant("— —") },
    action_proto: { code: "SIT019", text: () => shopVariant("__proto__") },
    property_name_empty: { code: "SIT024", text: (a) => shopVariant(a, { additional_properties: { "": null } }) },
    property_name_with_line_break: { code: "SIT024", text: (a) => shopVariant(a, { additional_properties: { "Product\nId": null } }) },
    property_name_of_object: { code: "SIT019", text: (a) => shopVariant(a, { additional_properties: { valueOf: { type: "string" } } }) },
    nested_name_of_object: { code: "SIT019", text: (a) => shopVariant(a, { additional_properties: { Cart: { type: "object", properties: { hasOwnProperty: null } } } }) },
  },
  accepted: {
    free_names: (a) => shopVariant(a, { additional_properties: { "Product ID": { type: "string" }, "target-branch": null, Name: { type: "object", properties: { "First Name": null } } } }),
    only_required_keys: (a) => shopVariant(a, { identifiers: undefined, tiers: undefined }),
    own_identifiers: (a) => shopVariant(a, { identifiers: ["account", "user", "project"], tiers: ["pro", "enterprise"] }),
    without_word_named: () => shopVariant("+ +", { function_name: "trackPlus" }),
    kebab_action: (a) => shopVariant(`${a}-done`),
  },
};

const strictVariant = variant;

/** GitLab's own format holds properties to a description: every extension is SIT025. */
const GITLAB_STRICT: Cases = {
  rejected: {
    function_name: { code: "SIT025", text: (a) => strictVariant(a, { function_name: "trackSnippet" }) },
    typed: { code: "SIT025", text: (a) => properties(a, { label: { type: "string" } }) },
    required: { code: "SIT025", text: (a) => properties(a, { language: { description: "x", required: true } }) },
    constraint: { code: "SIT025", text: (a) => properties(a, { language: { maxLength: 3 } }) },
    protected_typed: { code: "SIT025", text: (a) => variant(a, { extra_trackers: [{ tracking_class: "Acme::Audit", protected_properties: { language: { enum: ["go"] } } }] }) },
    own_identifier: { code: "SIT013", text: (a) => variant(a, { identifiers: ["account"] }) },
  },
  accepted: {},
};

/** The cases each dialect is held to: files named after the case. */
const CASES: Readonly<Record<keyof typeof DIALECTS, readonly Cases[]>> = {
  gitlab: [GITLAB_FORMAT, SIT_EXTENSIONS],
  shop: [SHOP_PLAN],
  strict: [GITLAB_FORMAT, GITLAB_STRICT],
};

/** sit rejects these; no JSON Schema of one file can say why (they compare keys across objects, or need other files or the config). */
const ACROSS_FILES: Readonly<Record<string, { readonly code: string; readonly files: Readonly<Record<string, string>> }>> = {
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
  function_names_collide: { code: "SIT018", files: { gap_8: variant("gap_8", { function_name: "trackGap" }), gap_9: variant("gap_9", { function_name: "trackGap" }) } },
};

/** Checks within one file that JSON Schema cannot express either: comparing two numbers, compiling a pattern, counting depth. */
const WITHIN_A_FILE: Readonly<Record<string, { readonly code: string; readonly files: Readonly<Record<string, string>> }>> = {
  minimum_above_maximum: { code: "SIT061", files: { gap_10: properties("gap_10", { lines: { type: "integer", minimum: 5, maximum: 1 } }) } },
  min_length_above_max_length: { code: "SIT061", files: { gap_11: properties("gap_11", { language: { type: "string", minLength: 3, maxLength: 2 } }) } },
  pattern_not_compiled: { code: "SIT062", files: { gap_12: properties("gap_12", { language: { type: "string", pattern: "(unclosed" } }) } },
  nesting_too_deep: {
    code: "SIT063",
    files: {
      gap_13: properties("gap_13", {
        deep: Array.from({ length: 17 }).reduce<Record<string, unknown>>((inner) => ({ type: "array", items: inner }), { type: "string" }),
      }),
    },
  },
};

function definitionFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? definitionFiles(join(folder, entry.name)) : entry.name.endsWith(".yml") ? [join(folder, entry.name)] : [],
  );
}
const corpusTexts = (): string[] => definitionFiles(join(CORPUS, "definitions")).map((file) => readFileSync(file, "utf8"));

/**
 * The suite's fixed seed, or under SIT_PROPERTY_SEED=random a new one; a failure shows it, and
 * SIT_PROPERTY_SEED=<seed> replays it (test/helpers/property-seed.ts).
 */
const SEED = fc.readConfigureGlobal().seed ?? Math.floor(Math.random() * 2 ** 31);

const GITLAB_WORDS: ProjectWords = { ...GITLAB_VOCABULARY, propertyNames: SNAKE_CASE_PROPERTY_NAMES };
const SHOP_WORDS: ProjectWords = { identifiers: ["account", "user", "project"], tiers: ["starter", "pro", "enterprise"], propertyNames: ANY_PROPERTY_NAMES };
const WORDS: Readonly<Record<keyof typeof DIALECTS, ProjectWords>> = { gitlab: GITLAB_WORDS, shop: SHOP_WORDS, strict: GITLAB_WORDS };

describe("sit schema: the JSON Schema of a definition", () => {
  const schemas = [definitionJsonSchema(), schemaOf(DIALECTS.shop).schema, definitionJsonSchema({ vocabulary: GITLAB_VOCABULARY, gitlabStrict: true })];

  it("is draft 2020-12 with an id, a title and a description, valid for ajv", () => {
    const [project, shop, strict] = schemas;
    expect([project, shop, strict].map((schema) => [schema!.$schema, schema!.$id, schema!.title])).toEqual([
      ["https://json-schema.org/draft/2020-12/schema", "urn:sit-tracking:event-definition", "sit event definition"],
      ["https://json-schema.org/draft/2020-12/schema", "urn:sit-tracking:event-definition", "sit event definition"],
      ["https://json-schema.org/draft/2020-12/schema", "urn:sit-tracking:gitlab-event-definition", "GitLab event definition"],
    ]);
    for (const schema of schemas) {
      expect(schema.additionalProperties).toBe(false);
      expect(typeof schema.description).toBe("string");
      expect(new Ajv2020(AJV_OPTIONS).validateSchema(schema)).toBe(true);
    }
  });

  it("describes every key at every depth, for editors to show on hover", () => {
    for (const schema of schemas) {
      const keys = declaredKeys(schema);
      expect(keys.length).toBeGreaterThan(20);
      expect(keys.filter(([, key]) => typeof key["description"] !== "string").map(([path]) => path)).toEqual([]);
      const definitions = Object.entries((schema["definitions"] ?? {}) as Record<string, JsonSchema>);
      expect(definitions.filter(([, definition]) => typeof definition.description !== "string").map(([name]) => name)).toEqual([]);
    }
  });

  it("describes the project's own words", () => {
    const shop = schemas[1]!;
    const described = (key: string): string => (shop.properties![key] as JsonSchema).description!;
    expect(described("identifiers")).toContain("project, namespace, user, feature_enabled_by_namespace_ids, account");
    expect(described("tiers")).toContain("starter, pro, enterprise");
    expect(described("action")).toContain("as your data names it");
    expect(described("additional_properties")).toContain("named as your data names them");
    expect(shop.required).toEqual(["description", "action"]);
  });

  it("keeps GitLab's own format free of sit's extensions", () => {
    const strict = schemas[2]!;
    expect(Object.keys(strict.properties!)).not.toContain("function_name");
    const property = ((strict["definitions"] as Record<string, JsonSchema>)["property"]!.anyOf![1]!.properties) as Record<string, unknown>;
    expect(Object.keys(property)).toEqual(["description"]);
    expect(strict.required).toEqual(["description", "action", "product_group", "milestone", "introduced_by_url", "tiers"]);
  });

  it("uses only keywords draft-07 reads alike, and $ref alone, into definitions", () => {
    for (const schema of schemas) {
      const all = subschemas(schema);
      expect([...new Set(all.flatMap((subschema) => Object.keys(subschema)))].filter((keyword) => !SHARED_KEYWORDS.has(keyword))).toEqual([]);
      const refs = all.filter((subschema) => "$ref" in subschema);
      expect(refs.length).toBeGreaterThan(0);
      const definitions = schema["definitions"] as Record<string, unknown>;
      for (const ref of refs) {
        expect(Object.keys(ref)).toEqual(["$ref"]);
        expect(ref["$ref"]).toMatch(/^#\/definitions\/[A-Za-z]+$/);
        expect(definitions[(ref["$ref"] as string).slice("#/definitions/".length)]).toBeDefined();
      }
    }
  });

  it("renders the same bytes every time, ending with a newline", () => {
    const text = renderDefinitionJsonSchema();
    expect(renderDefinitionJsonSchema()).toBe(text);
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(definitionJsonSchema());
  });

  it("finds the words of an action as the function name is made of them", () => {
    const word = new RegExp(wordCharacterPattern({ ...GITLAB_VOCABULARY, eventNames: "any" }), "u");
    const snakeCaseWord = new RegExp(wordCharacterPattern(GITLAB_VOCABULARY), "u");
    const names = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.stringMatching(/^[a-z0-9_]+$/));
    fc.assert(
      fc.property(names, (name) => {
        expect(word.test(name)).toBe(functionNameOf(name) !== undefined);
        if (/^[a-z0-9_]+$/.test(name)) expect(snakeCaseWord.test(name)).toBe(functionNameOf(name) !== undefined);
      }),
    );
  });

  it("accepts every file of the GitLab corpus, as sit does, in GitLab's own format too", () => {
    expect(loadProject({ cwd: CORPUS, gitlabStrict: true }).diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const files = definitionFiles(join(CORPUS, "definitions"));
    expect(files.length).toBe(730);
    for (const dialect of [DIALECTS.gitlab, DIALECTS.strict]) {
      const { acceptsText } = schemaOf(dialect);
      const rejected = files.filter((file) => !acceptsText(readFileSync(file, "utf8"))).map((file) => relative(CORPUS, file));
      expect({ dialect: dialect.name, rejected }).toEqual({ dialect: dialect.name, rejected: [] });
    }
  });

  describe.each(Object.entries(DIALECTS) as [keyof typeof DIALECTS, Dialect][])("under %s", (key, dialect) => {
    const { acceptsText, draft07AcceptsText } = schemaOf(dialect);
    const random = randomDefinitions(WORDS[key], 400, SEED);

    it("rejects what sit rejects and accepts what it accepts, case by case", () => {
      const files: Record<string, string> = {};
      const rejections = new Map<string, string>();
      for (const cases of CASES[key]) {
        for (const [name, { code, text }] of Object.entries(cases.rejected)) {
          files[name] = text(name);
          rejections.set(name, code);
        }
        for (const [name, text] of Object.entries(cases.accepted)) files[name] = text(name);
      }
      const errors = sitErrors(dialect, files);
      const verdicts = Object.keys(files).map((name) => ({ name, sit: errors.get(name), schemaAccepts: acceptsText(files[name]!) }));
      const expected = Object.keys(files).map((name) => {
        const code = rejections.get(name);
        return { name, sit: code === undefined ? [] : expect.arrayContaining([code]), schemaAccepts: code === undefined };
      });
      expect(verdicts).toEqual(expected);
    });

    it("agrees with sit on hundreds of random, mostly broken definitions", () => {
      const files = random;
      const errors = sitErrors(dialect, files);
      // Errors only checks across files explain may or may not be caught by the schema.
      const acrossFiles = new Set(Object.values(ACROSS_FILES).map((gap) => gap.code));
      const disagreements = Object.entries(files).filter(([name, text]) => {
        const codes = errors.get(name) ?? [];
        const accepts = acceptsText(text);
        if (codes.length === 0) return !accepts;
        return accepts && codes.some((code) => !acrossFiles.has(code));
      });
      expect({ seed: SEED, disagreements: disagreements.map(([name, text]) => ({ name, sit: errors.get(name), text })) }).toEqual({ seed: SEED, disagreements: [] });
      // The sample must exercise both verdicts, or the comparison proves little.
      const valid = Object.keys(files).filter((name) => errors.get(name)?.length === 0).length;
      expect(valid).toBeGreaterThan(40);
      expect(valid).toBeLessThan(360);
    });

    it("means the same under draft-07's rules, which yaml-language-server validates with", () => {
      const texts = [
        ...corpusTexts(),
        ...CASES[key].flatMap((cases) => [...Object.entries(cases.rejected).map(([name, { text }]) => text(name)), ...Object.entries(cases.accepted).map(([name, text]) => text(name))]),
        ...Object.values(random),
      ];
      expect({ seed: SEED, disagreements: texts.filter((text) => draft07AcceptsText(text) !== acceptsText(text)) }).toEqual({ seed: SEED, disagreements: [] });
    });
  });

  it("leaves to sit validate only what one file's JSON Schema cannot express", () => {
    const { acceptsText } = schemaOf(DIALECTS.gitlab);
    const gaps = { ...ACROSS_FILES, ...WITHIN_A_FILE };
    const files = Object.assign({}, ...Object.values(gaps).map((gap) => gap.files)) as Record<string, string>;
    const errors = sitErrors(DIALECTS.gitlab, files);
    for (const [gap, { code, files: gapFiles }] of Object.entries(gaps)) {
      const names = Object.keys(gapFiles);
      const codes = new Set(names.flatMap((name) => errors.get(name) ?? []));
      const schemaAccepts = names.every((name) => acceptsText(gapFiles[name]!));
      expect({ gap, codes: [...codes], schemaAccepts }).toEqual({ gap, codes: [code], schemaAccepts: true });
    }
  });
});
