import { generate, validate } from "../../src/index";
import { makeProject, runCli } from "../helpers/project";
import { expectDiagnostic } from "./expect-diagnostic";

/** The codes `sit validate` reports in `dir`, and its exit code. */
function validated(dir: string): { code: number; codes: string[] } {
  const result = runCli(["validate", "--json"], dir);
  return { code: result.code, codes: (JSON.parse(result.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code) };
}

/**
 * A team's own vocabulary: each thing its config and definitions can get wrong is reported at its
 * position, with its code.
 */

const SHOP_CONFIG = `processors:
  Shop: { module: "@acme/shop", export: Shop }
defaultProcessors: [Shop]
identifiers:
  account: { type: string }
rules:
  eventNames: any
  propertyNames: any
  tiers: [starter, pro]
  required: [description, action]
`;

/** A project of the shop's vocabulary with one definition, `body` after its first lines. */
function shop(body: string, file = "definitions/order_completed.yml", config = SHOP_CONFIG): string {
  return makeProject({ "sit.config.yaml": config, [file]: `description: d\ninternal_events: true\naction: Order Completed\nidentifiers: [account]\n${body}` });
}

const property = (yaml: string): string => `additional_properties:\n  p:\n    description: d\n${yaml.replace(/^/gm, "    ")}\n`;

describe("property types", () => {
  it.each<[string, string, number, number, string]>([
    ["an array without items", "type: array", 8, 5, "is an array, so it needs `items`"],
    ["items without an array", "type: string\nitems: { type: string }", 9, 5, "`items` of property \"p\" belongs to an array"],
    ["an object without properties", "type: object", 8, 5, "is an object, so it needs `properties`"],
    ["properties without an object", "type: string\nproperties:\n  a: { type: string }", 9, 5, "`properties` of property \"p\" belong to an object"],
    ["an object with no property", "type: object\nproperties: {}", 9, 17, "declares no properties"],
    ["any beside other types", 'type: [any, string]', 8, 11, "lists `any` with other types"],
    ["null alone", 'type: ["null"]', 8, 11, "can only be null"],
    ["a type listed twice", "type: [string, integer, string]", 8, 29, 'type "string" of property "p" is listed twice'],
  ])("reports %s (SIT060)", (_, yaml, line, column, message) => {
    expectDiagnostic(shop(property(yaml)), { code: "SIT060", file: "definitions/order_completed.yml", line, column, message });
  });

  it.each<[string, string, string, number, number, string]>([
    ["a string constraint on a number", "type: integer\nmaxLength: 3", "SIT061", 9, 5, "`maxLength` of property \"p\" constrains strings"],
    ["a number constraint on a string", "type: string\nminimum: 1", "SIT061", 9, 5, "`minimum` of property \"p\" constrains numbers"],
    ["bounds that no value fits", "type: number\nminimum: 5\nmaximum: 1", "SIT061", 10, 14, "`maximum` of property \"p\" is below its `minimum` (1 < 5)"],
    ["lengths that no value fits", "type: string\nminLength: 4\nmaxLength: 2", "SIT061", 10, 16, "`maxLength` of property \"p\" is below its `minLength`"],
    ["a pattern that does not compile", 'type: string\npattern: "(a"', "SIT062", 9, 14, "`pattern` of property \"p\" is no regular expression"],
    ["an enum value of no declared type", 'type: [integer, "null"]\nenum: [1, null, "x"]', "SIT026", 9, 21, 'enum value "x" of property "p" is not of type integer or null'],
    ["a fractional length", "type: string\nminLength: 1.5", "SIT012", 9, 16, "minLength"],
  ])("reports %s", (_, yaml, code, line, column, message) => {
    expectDiagnostic(shop(property(yaml)), { code: code as "SIT061", file: "definitions/order_completed.yml", line, column, message });
  });

  it("checks nested items and properties as it checks properties, naming their path", () => {
    const yaml = "type: array\nitems:\n  type: object\n  properties:\n    sku: { type: string, minimum: 1 }\n    tags: { type: array }";
    const dir = shop(property(yaml));
    expectDiagnostic(dir, { code: "SIT061", file: "definitions/order_completed.yml", line: 12, column: 30, message: '`minimum` of property "sku" constrains numbers' });
    expectDiagnostic(dir, { code: "SIT060", file: "definitions/order_completed.yml", line: 13, column: 17, message: 'property "tags" is an array, so it needs `items`' });
  });

  it("accepts every type, union and constraint used as documented", () => {
    const yaml = [
      "type: array",
      "items:",
      "  type: object",
      "  properties:",
      "    sku: { description: d, type: string, required: true, minLength: 1, maxLength: 12, pattern: '^[A-Z]' }",
      "    price: { description: d, type: [number, 'null'], minimum: 0 }",
      "    tags: { description: d, type: array, items: { type: string, enum: [a, b] } }",
      "    extra: { description: d, type: any }",
    ].join("\n");
    expect(validated(shop(property(yaml)))).toEqual({ code: 0, codes: [] });
  });
});

describe("names", () => {
  it("reports an action with a control character, and one with no word to name a function", () => {
    const dir = makeProject({
      "sit.config.yaml": SHOP_CONFIG,
      "definitions/a.yml": 'description: d\ninternal_events: true\naction: "Order\\u0007Completed"\n',
      "definitions/b.yml": 'description: d\ninternal_events: true\naction: "!!!"\n',
    });
    expectDiagnostic(dir, { code: "SIT014", file: "definitions/a.yml", line: 3, column: 9, message: "holds a control character" });
    expectDiagnostic(dir, { code: "SIT064", file: "definitions/b.yml", line: 3, column: 9, message: 'action "!!!" has no letter or digit to make a function name of' });
  });

  it("keeps two actions that give one function name apart with function_name, and names both files otherwise", () => {
    const files = {
      "sit.config.yaml": SHOP_CONFIG,
      "definitions/Event Collided.yml": "description: d\ninternal_events: true\naction: Event Collided\nidentifiers: [account]\n",
      "definitions/event_collided.yml": "description: d\ninternal_events: true\naction: event_collided\n",
    };
    expectDiagnostic(makeProject(files), { code: "SIT018", file: "definitions/event_collided.yml", line: 3, column: 9, message: "both generate `trackEventCollided`" });
    const apart = makeProject({ ...files, "definitions/event_collided.yml": `${files["definitions/event_collided.yml"]}function_name: trackEventCollidedSnake\n` });
    expect(validated(apart)).toEqual({ code: 0, codes: [] });
  });

  it.each<[string, string]>([
    ["track-order", "must be a camelCase name"],
    ["TrackOrder", "must be a camelCase name"],
    ["delete", "is a reserved word"],
    ["configureTracking", "is a name the SDK uses itself"],
    ["sendToShop", "is a name the SDK uses itself"],
    ["checkArgs", "is a name the SDK uses itself"],
  ])("refuses function_name %s (SIT064)", (name, message) => {
    expectDiagnostic(shop(`function_name: ${name}\n`), { code: "SIT064", file: "definitions/order_completed.yml", line: 5, column: 16, message });
  });

  it("wants the file named after the action or its slug, as a warning", () => {
    const dir = shop("", "definitions/checkout/paid.yml");
    expectDiagnostic(dir, { code: "SIT022", severity: "warning", file: "definitions/checkout/paid.yml", line: 3, column: 9, hint: "rename the file to order_completed.yml" });
    expect(validated(shop("", "definitions/order_completed.yml"))).toEqual({ code: 0, codes: [] });
  });

  it("takes property names as the data writes them, but no control character and no Object.prototype member", () => {
    const dir = shop('additional_properties:\n  "Product ID": { description: d }\n  "a\\tb": { description: d }\n  toString: { description: d }\n');
    expectDiagnostic(dir, { code: "SIT024", file: "definitions/order_completed.yml", line: 7, column: 3, message: "holds a control character" });
    expectDiagnostic(dir, { code: "SIT019", file: "definitions/order_completed.yml", line: 8, column: 3, message: 'property "toString" cannot be used' });
  });
});

describe("the vocabulary of the config", () => {
  it("refuses an identifier the config does not declare, with a did-you-mean", () => {
    const dir = makeProject({ "sit.config.yaml": SHOP_CONFIG, "definitions/a.yml": "description: d\ninternal_events: true\naction: a\nidentifiers: [acount]\n" });
    expectDiagnostic(dir, { code: "SIT013", file: "definitions/a.yml", line: 4, column: 15, message: '`identifiers[0]` is "acount"', hint: 'did you mean "account"?' });
  });

  it("takes the config's tiers and required keys", () => {
    const dir = makeProject({ "sit.config.yaml": SHOP_CONFIG, "definitions/a.yml": "internal_events: true\naction: a\ntiers: [free]\n" });
    expectDiagnostic(dir, { code: "SIT011", file: "definitions/a.yml", line: 1, column: 1, message: "missing required key `description`" });
    expectDiagnostic(dir, { code: "SIT013", file: "definitions/a.yml", line: 3, column: 9, message: '`tiers[0]` is "free"; expected one of starter, pro' });
  });

  it.each<[string, string, number, number, string]>([
    ["a required key definitions do not have", "rules:\n  required: [description, owner]\n", 2, 27, '"owner" in rules.required is not a key of definitions'],
    ["a tier listed twice", "rules:\n  tiers: [pro, pro]\n", 2, 16, 'tier "pro" is listed twice in rules.tiers'],
    ["a default tier the rules do not have", "rules:\n  tiers: [pro]\ndefaults:\n  tiers: [free]\n", 4, 11, 'default tier "free" is not one of the tiers'],
    ["two identifiers with one field", "identifiers:\n  order_id: { type: string }\n  orderId: { type: string }\n", 2, 13, 'identifiers "orderId" and "order_id" would both be `orderId` in the SDK'],
    ["an identifier every object has", "identifiers:\n  constructor: { type: string }\n", 2, 16, 'identifier "constructor" cannot be used'],
    ["an unknown naming rule", "rules:\n  eventNames: free\n", 2, 15, "`rules.eventNames`"],
    ["an imported identifier type without its name", "identifiers:\n  store: { module: ./models }\n", 2, 20, 'identifier "store" imports its type from a module'],
  ])("reports %s in the config (SIT041)", (_, config, line, column, message) => {
    const project = makeProject({ "sit.config.yaml": config, "models.ts": "export type Store = string;\n", "definitions/.keep": "" });
    expectDiagnostic(project, { code: "SIT041", file: "sit.config.yaml", line, column, message });
  });
});

describe("GitLab's own format, asked of the library", () => {
  it("holds definitions to it in generate as in validate, and gives no file then", () => {
    const cwd = makeProject({
      "sit.config.yaml": "processors:\n  InternalEvents: { module: \"@acme/tracking\", export: InternalEvents }\ndefaultProcessors: [InternalEvents]\n",
      "definitions/click_button.yml": "description: d\ninternal_events: true\naction: click_button\nidentifiers: [user]\nproduct_group: analytics_instrumentation\nmilestone: '18.0'\nintroduced_by_url: null\ntiers: [free]\nadditional_properties:\n  label:\n    description: which\n    enum: [save, cancel]\n",
    });
    const sit025 = { file: "definitions/click_button.yml", line: 12, column: 5, code: "SIT025" };
    expect(generate({ cwd }).files.length).toBeGreaterThan(0);
    const strict = generate({ cwd, gitlabStrict: true });
    expect(strict.files).toEqual([]);
    expect(strict.diagnostics).toContainEqual(expect.objectContaining(sit025));
    expect(validate({ cwd, gitlabStrict: true }).diagnostics).toContainEqual(expect.objectContaining(sit025));
  });
});
