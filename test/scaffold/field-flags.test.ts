import { parseFieldFlags, type TrackerChoices } from "../../src/scaffold/field-flags";
import { parsePropertyFlag } from "../../src/scaffold/property-flag";
import { GITLAB_VOCABULARY } from "../../src/validate/vocabulary";

const trackers: TrackerChoices = { extra: ["Gitlab::Tracking::AiTracking", "Audit"], defaults: ["InternalEvents"] };
const gitlab = GITLAB_VOCABULARY;

describe("--property name:description[:type]", () => {
  it.each([
    ["label:source of the event", { name: "label", description: "source of the event" }],
    ["count:number of commits:integer", { name: "count", description: "number of commits", type: "integer" }],
    ["url:where: a URL, with colons: like https://x:8080", { name: "url", description: "where: a URL, with colons: like https://x:8080" }],
    ["kind:one of a:b:string", { name: "kind", description: "one of a:b", type: "string" }],
    ["flag:  on or off :boolean", { name: "flag", description: "on or off", type: "boolean" }],
    ["ratio:share:number", { name: "ratio", description: "share", type: "number" }],
    ["text:a type-looking end:strings", { name: "text", description: "a type-looking end:strings" }],
    ["context:anything the page knows:any", { name: "context", description: "anything the page knows", type: "any" }],
    ["referrer:where from:string|null", { name: "referrer", description: "where from", type: ["string", "null"] }],
    ["id:the id: string | integer ", { name: "id", description: "the id", type: ["string", "integer"] }],
    ["Product ID:the product, as the catalog names it:string", { name: "Product ID", description: "the product, as the catalog names it", type: "string" }],
    ["state:paid|refunded", { name: "state", description: "paid|refunded" }],
    ["nothing:always:null", { name: "nothing", description: "always:null" }],
  ])("%j", (flag, property) => {
    expect(parsePropertyFlag(flag)).toEqual({ ok: true, properties: [property] });
  });

  it.each([
    ["label", "needs a description"],
    [":no name", "needs a name"],
    ["label:", "needs a description"],
    ["label::integer", "needs a description"],
    ["tags:labels:array", `declares an array, which needs its items: write the property as YAML, e.g. 'tags: { description: labels, type: array, items: { type: string } }'`],
    ["size:of the picture:object|null", "declares an object, which needs its properties: write the property as YAML, e.g. 'size: { description: of the picture, type: object, properties: { id: { type: string } } }'"],
  ])("refuses %j", (flag, message) => {
    expect(parsePropertyFlag(flag)).toEqual({ ok: false, problems: [expect.stringContaining(message)], diagnostics: [] });
  });
});

describe("--property 'name: { the property as a definition declares it }'", () => {
  it("takes every key of a property, nested items and properties included, in the order sit writes them", () => {
    const flag = `products: { items: { properties: { sku: { required: true, type: string, description: code }, price: { type: number, minimum: 0 } }, type: object }, type: array, description: what was bought }`;
    expect(parsePropertyFlag(flag)).toEqual({
      ok: true,
      properties: [
        {
          name: "products",
          description: "what was bought",
          type: "array",
          items: {
            type: "object",
            properties: [
              { name: "sku", description: "code", type: "string", required: true },
              { name: "price", type: "number", minimum: 0 },
            ],
          },
        },
      ],
    });
  });

  it.each([
    [`quantity: { description: units, type: integer, minimum: 1, maximum: 99, required: true }`, { name: "quantity", description: "units", type: "integer", minimum: 1, maximum: 99, required: true }],
    [`state: {type: string, enum: [paid, refunded, 'yes']}`, { name: "state", type: "string", enum: ["paid", "refunded", "yes"] }],
    [`"a:b": { type: [string, "null"], pattern: "^[a-z]+$", minLength: 1, maxLength: 9 }`, { name: "a:b", type: ["string", "null"], pattern: "^[a-z]+$", minLength: 1, maxLength: 9 }],
    [`{"coupon": {"description": "code", "type": "string"}}`, { name: "coupon", description: "code", type: "string" }],
    [`empty: {}`, { name: "empty" }],
  ])("%s", (flag, property) => {
    expect(parsePropertyFlag(flag)).toEqual({ ok: true, properties: [property] });
  });

  it("takes several properties from one flow mapping", () => {
    expect(parsePropertyFlag("{ a: { type: string }, b: { type: boolean } }")).toEqual({
      ok: true,
      properties: [
        { name: "a", type: "string" },
        { name: "b", type: "boolean" },
      ],
    });
  });

  it("reports every problem of the YAML at its column, with did-you-mean, as validation words it", () => {
    const result = parsePropertyFlag("quantity: { type: integr, requird: true, items: { required: true }, properties: { __proto__: { type: string } } }");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.code}: ${d.message}${d.hint === undefined ? "" : ` (${d.hint})`}`).sort()).toEqual([
      "--property:1:19: SIT013: `quantity.type` is \"integr\"; expected one of string, integer, number, boolean, array, object, any (did you mean \"integer\"?)",
      "--property:1:27: SIT010: unknown key `requird` in `quantity` (did you mean \"required\"?)",
      "--property:1:51: SIT010: unknown key `required` in `quantity.items`",
      "--property:1:83: SIT019: `__proto__` cannot be used: as an object key it would replace the prototype instead of naming a property",
    ]);
  });

  it.each([
    ["quantity: { type: integer", "SIT001"],
    ["a: { type: string }\nb: [x]", "SIT012"],
  ])("reports YAML that does not parse, or is no property, %j", (flag, code) => {
    const result = parsePropertyFlag(flag);
    expect(result).toMatchObject({ ok: false, diagnostics: [expect.objectContaining({ file: "--property", code })] });
  });
});

describe("parseFieldFlags", () => {
  it("turns every flag into its field", () => {
    const { given, errors } = parseFieldFlags(
      {
        description: " A thing happened ",
        identifiers: "user, project",
        property: ["label:source", "count:how many:integer"],
        productGroup: "code_review",
        milestone: "18.0",
        url: "https://example.com/mr/1",
        tiers: "free,premium",
        tracker: ["Audit", "Gitlab::Tracking::AiTracking"],
      },
      gitlab,
      trackers,
    );
    expect(errors).toEqual([]);
    expect(given).toEqual({
      description: "A thing happened",
      identifiers: ["user", "project"],
      properties: [
        { name: "label", description: "source" },
        { name: "count", description: "how many", type: "integer" },
      ],
      productGroup: "code_review",
      milestone: "18.0",
      introducedByUrl: "https://example.com/mr/1",
      tiers: ["free", "premium"],
      trackers: ["Audit", "Gitlab::Tracking::AiTracking"],
    });
  });

  it("gives nothing for flags not given, and null for an empty milestone or URL", () => {
    expect(parseFieldFlags({}, gitlab, trackers)).toEqual({ given: {}, errors: [], diagnostics: [] });
    expect(parseFieldFlags({ milestone: "", url: " ", identifiers: "" }, gitlab, trackers).given).toEqual({ milestone: null, introducedByUrl: null, identifiers: [] });
  });

  it("reports every problem at once", () => {
    const { errors } = parseFieldFlags(
      {
        description: " ",
        identifiers: "user,projct,user",
        property: ["label:a", "label:b", "nodescription"],
        milestone: "v18",
        tiers: ",",
        tracker: ["AiTracking", "InternalEvents", "Audit", "Audit"],
      },
      gitlab,
      trackers,
    );
    expect(errors).toEqual([
      "--description must not be empty",
      '--identifiers: "projct" is not one of project, namespace, user, feature_enabled_by_namespace_ids (did you mean "project"?)',
      '--identifiers: "user" is listed twice',
      "--tiers needs at least one of free, premium, ultimate",
      '--property "label" is given twice',
      '--property "nodescription" needs a description: name:description or name:description:type',
      '--milestone "v18" must look like 18.0 (or be empty for none)',
      "--tracker AiTracking: not a tracking class configured in processors (known: Gitlab::Tracking::AiTracking, Audit)",
      "--tracker InternalEvents: it is a default processor, which already receives every event",
      "--tracker Audit is given twice",
    ]);
  });

  it("says so when the config has no tracker to choose", () => {
    expect(parseFieldFlags({ tracker: ["Audti"] }, gitlab, { extra: [], defaults: ["InternalEvents"] }).errors).toEqual([
      "--tracker Audti: not a tracking class configured in processors (the config has none besides its default processors)",
    ]);
    expect(parseFieldFlags({ tracker: ["Audti"] }, gitlab, trackers).errors[0]).toContain('did you mean "Audit"?');
  });

  it("takes the project's identifiers and tiers, custom ones included, and the function name", () => {
    const plan = { identifiers: [...gitlab.identifiers, "account"], tiers: ["starter", "pro"] };
    expect(parseFieldFlags({ identifiers: "account,user", tiers: "pro", functionName: " trackOrderAgain " }, plan, trackers)).toEqual({
      given: { identifiers: ["account", "user"], tiers: ["pro"], functionName: "trackOrderAgain" },
      errors: [],
      diagnostics: [],
    });
    expect(parseFieldFlags({ identifiers: "acount", tiers: "free", functionName: "" }, plan, trackers).errors).toEqual([
      "--function-name must not be empty",
      '--identifiers: "acount" is not one of project, namespace, user, feature_enabled_by_namespace_ids, account (did you mean "account"?)',
      '--tiers: "free" is not one of starter, pro',
      "--tiers needs at least one of starter, pro",
    ]);
  });

  it("collects the problems of --property YAML as diagnostics and a property given twice across flags", () => {
    const { errors, diagnostics } = parseFieldFlags({ property: ["a: { type: strng }", "b:one", "{ b: { type: string } }"] }, gitlab, trackers);
    expect(errors).toEqual(['--property "b" is given twice']);
    expect(diagnostics).toEqual([expect.objectContaining({ file: "--property", line: 1, column: 12, code: "SIT013" })]);
  });
});
