import { jsonPointer, parseJson } from "../../src/import/json-document";
import { readEventJsonSchema } from "../../src/import/json-schema-event";
import { mapEventSchema, MAX_EVENT_VALUES } from "../../src/import/schema-to-definition";
import { SourceFile } from "../../src/load/source-file";

/** An event whose properties are `properties` (and the rest of the event's schema), mapped. */
function mapped(properties: Record<string, unknown>, rest: Record<string, unknown> = {}) {
  const text = JSON.stringify({ title: "Order Completed", type: "object", properties, ...rest }, null, 2);
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const reading = readEventJsonSchema({ source: new SourceFile("order.json", text), root: parsed.root }, "order.json");
  const result = mapEventSchema(reading.events[0]!);
  return {
    properties: Object.fromEntries(result.properties),
    losses: result.losses.map((loss) => `${jsonPointer(loss.path)}: ${loss.message}`),
    errors: result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`),
  };
}

/** One property `p` of schema `schema`: what the definition says of it, when nothing is lost. */
function exact(schema: unknown): unknown {
  const result = mapped({ p: schema });
  expect(result.losses).toEqual([]);
  expect(result.errors).toEqual([]);
  return result.properties["p"];
}

describe("JSON Schema → sit, exactly", () => {
  it.each<[string, unknown, unknown]>([
    ["a type", { type: "string", description: "the coupon" }, { description: "the coupon", type: "string" }],
    ["a type list with null", { type: ["string", "null"] }, { type: ["string", "null"] }],
    ["integer and number as number", { type: ["integer", "number"] }, { type: "number" }],
    ["a union kept in the plan's order", { type: ["string", "null", "integer"] }, { type: ["string", "null", "integer"] }],
    ["an empty schema as any", {}, { type: "any" }],
    ["true as any", true, { type: "any" }],
    ["an enum typed by its values", { enum: ["a", null, 1] }, { type: ["string", "null", "number"], enum: ["a", null, 1] }],
    ["an enum beside its type", { type: "string", enum: ["Evil Morty", "Lawyer Morty"] }, { type: "string", enum: ["Evil Morty", "Lawyer Morty"] }],
    ["const as a one-value enum", { const: "x" }, { type: "string", enum: ["x"] }],
    ["an array without items as an array of any values", { type: "array" }, { type: "array", items: { type: "any" } }],
    ["nested arrays of objects", { type: "array", items: { type: "array", items: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } } }, {
      type: "array",
      items: { type: "array", items: { type: "object", properties: { name: { type: "string", required: true } } } },
    }],
    ["properties without type as an object", { properties: { a: { type: "string" } } }, { type: "object", properties: { a: { type: "string" } } }],
    ["items without type as an array", { items: { type: "string" } }, { type: "array", items: { type: "string" } }],
    ["bounds and lengths", { type: ["number", "null"], minimum: 0, maximum: 9.5 }, { type: ["number", "null"], minimum: 0, maximum: 9.5 }],
    ["a pattern", { type: "string", pattern: "^[A-Z]{4}$", minLength: 4, maxLength: 4 }, { type: "string", minLength: 4, maxLength: 4, pattern: "^[A-Z]{4}$" }],
    ["an exclusive bound on integers as the next integer", { type: "integer", exclusiveMinimum: 0, exclusiveMaximum: 10 }, { type: "integer", minimum: 1, maximum: 9 }],
    ["draft 4's exclusiveMinimum: true", { type: "integer", minimum: 0, exclusiveMinimum: true }, { type: "integer", minimum: 1 }],
    ["a nullable union written with anyOf", { description: "d", anyOf: [{ type: "string", maxLength: 3 }, { type: "null" }] }, { description: "d", type: ["string", "null"], maxLength: 3 }],
    ["a oneOf of distinct types with enums", { oneOf: [{ type: "string", enum: ["a"] }, { type: "null" }] }, { type: ["string", "null"], enum: ["a", null] }],
    ["allOf of one schema", { allOf: [{ type: "boolean" }] }, { type: "boolean" }],
    ["required keys the object does not describe, as any value", { type: "object", required: ["id"] }, { type: "object", properties: { id: { type: "any", required: true } } }],
    ["a title where there is no description", { title: "Coupon", type: "string" }, { description: "Coupon", type: "string" }],
  ])("%s", (_, schema, expected) => {
    expect(exact(schema)).toEqual(expected);
  });

  it("follows $refs within the file, keeping a description beside them", () => {
    const result = mapped(
      { price: { $ref: "#/$defs/money", description: "unit price" }, total: { allOf: [{ $ref: "#/definitions/money" }] } },
      { $defs: { money: { type: "number", minimum: 0 } }, definitions: { money: { type: "integer" } } },
    );
    expect(result).toEqual({
      properties: { price: { description: "unit price", type: "number", minimum: 0 }, total: { type: "integer" } },
      losses: [],
      errors: [],
    });
  });

  it("keeps the plan's order of properties and marks the required ones", () => {
    const result = mapped({ b: { type: "string" }, a: { type: "integer" } }, { required: ["a"], additionalProperties: false });
    expect(Object.keys(result.properties)).toEqual(["b", "a"]);
    expect(result.properties).toEqual({ b: { type: "string" }, a: { type: "integer", required: true } });
    expect(result.losses).toEqual([]);
  });

  it("keeps property names that collide once normalised, and names that need quoting", () => {
    const result = mapped({ "Property Collided": { type: "string" }, property_collided: { type: "string" }, "0000---terrible-property-name~!3": { type: "string" } });
    expect(Object.keys(result.properties)).toEqual(["Property Collided", "property_collided", "0000---terrible-property-name~!3"]);
  });
});

describe("JSON Schema → sit, with a loss", () => {
  it.each<[string, unknown, string, unknown]>([
    ["a format", { type: "string", format: "date-time" }, "/properties/p/format: `format: date-time` is not checked by sit: imported without it", { type: "string" }],
    ["an object of any keys", { type: ["object", "null"] }, "/properties/p/type: an object whose keys are not declared cannot be expressed: imported as any value", { type: "any" }],
    [
      "additional keys",
      { type: "object", properties: { a: { type: "string" } }, additionalProperties: true },
      "/properties/p/additionalProperties: keys beyond the declared ones cannot be expressed: sit types and sends the declared keys only",
      { type: "object", properties: { a: { type: "string" } } },
    ],
    [
      "overlapping alternatives",
      { oneOf: [{ type: "object", properties: { a: { type: "string" } } }, { type: "object", properties: { b: { type: "string" } } }] },
      "/properties/p/oneOf: `oneOf` of alternatives that both accept object values cannot be expressed: imported as any value",
      { type: "any" },
    ],
    [
      "an enum on one alternative only",
      { anyOf: [{ type: "string", enum: ["a"] }, { type: "number" }] },
      "/properties/p/anyOf: `anyOf` of alternatives with and without an enum cannot be expressed: imported as string | number without the enum",
      { type: ["string", "number"] },
    ],
    ["allOf of several schemas", { allOf: [{ type: "string" }, { maxLength: 3 }] }, "/properties/p/allOf: `allOf` of several schemas cannot be expressed: imported as any value", { type: "any" }],
    ["a tuple", { type: "array", items: [{ type: "string" }] }, "/properties/p/items: `items` as a list (a tuple) cannot be expressed: imported as an array of any values", { type: "array", items: { type: "any" } }],
    ["a $ref to another file", { $ref: "money.json" }, "/properties/p/$ref: `$ref` to another document (money.json) cannot be followed: imported as any value", { type: "any" }],
    ["an exclusive bound on numbers", { type: "number", exclusiveMinimum: 0 }, "/properties/p/exclusiveMinimum: an exclusive bound cannot be expressed (sit's minimum includes the bound): imported as minimum 0", { type: "number", minimum: 0 }],
    ["a bound on a string", { type: "string", minimum: 3 }, "/properties/p/minimum: `minimum` bounds numbers, and the value is string: ignored", { type: "string" }],
    ["a pattern JavaScript cannot compile", { type: "string", pattern: "(?<" }, "/properties/p/pattern: `pattern` is no JavaScript regular expression (Invalid regular expression: /(?</u: Invalid capture group name): imported without it", { type: "string" }],
    ["an enum value of another type", { type: "string", enum: ["a", 1] }, '/properties/p/enum: enum value 1 is not of type string, so no value can match it: imported without it', { type: "string", enum: ["a"] }],
    ["a value that can only be null", { type: "null" }, "/properties/p/type: a value that can only be null cannot be expressed: imported as any value", { type: "any" }],
    ["not", { type: "string", not: { const: "x" } }, "/properties/p/not: `not` is not checked by sit: imported without it", { type: "string" }],
    ["an annotation", { type: "integer", default: 3 }, "/properties/p/default: `default` has no place in a sit definition: imported without it", { type: "integer" }],
    ["false", false, "/properties/p: `false` accepts no value at all: imported as any value", { type: "any" }],
    ["bounds no value fits", { type: "integer", minimum: 5, maximum: 1 }, "/properties/p/maximum: no number lies between the bounds (5 > 1): imported without them", { type: "integer" }],
  ])("%s", (_, schema, loss, expected) => {
    const result = mapped({ p: schema });
    expect(result.errors).toEqual([]);
    expect(result.losses).toEqual([loss]);
    expect(result.properties["p"]).toEqual(expected);
  });

  it("imports a recursive $ref as any value where it recurs", () => {
    const node = { type: "object", properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/$defs/node" } } } };
    const result = mapped({ tree: { $ref: "#/$defs/node" } }, { $defs: { node } });
    expect(result.losses).toEqual(['/$defs/node/properties/children/items/$ref: `$ref` "#/$defs/node" refers to itself (a recursive type): imported as any value at this depth']);
    expect(result.properties["tree"]).toEqual({ type: "object", properties: { name: { type: "string" }, children: { type: "array", items: { type: "any" } } } });
  });

  it("reports undeclared keys of the event itself, and keywords the event cannot have", () => {
    const result = mapped({ a: { type: "string" } }, { additionalProperties: true, minProperties: 1 });
    expect(result.losses).toEqual([
      "/minProperties: `minProperties` is not checked by sit: imported without it",
      "/additionalProperties: keys beyond the declared ones cannot be expressed: sit types and sends the declared keys only",
    ]);
  });
});

describe("JSON Schema → sit, errors", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["an unknown type", { p: { type: "date" } }, 'SIT071 event "Order Completed": "date" is no JSON Schema type (at /properties/p/type)'],
    ["draft 3's required flag", { p: { type: "object", properties: { a: {} }, required: true } }, 'SIT071 event "Order Completed": `required` is no list of property names (at /properties/p/required)'],
    ["a property every object has", { constructor: { type: "string" } }, 'SIT078 event "Order Completed": property "constructor" cannot be used: every JavaScript object already has a `constructor` (from Object.prototype), so no typed SDK can tell it from a value the caller passed (at /properties/constructor)'],
    ["GitLab's value of another type", { value: { type: "string" } }, 'SIT078 event "Order Completed": property "value" is string in the plan, and GitLab\'s format fixes "value" as a number (at /properties/value)'],
    ["a $ref to nothing", { p: { $ref: "#/$defs/missing" } }, 'SIT071 event "Order Completed": `$ref` "#/$defs/missing" leads to nothing in this file (at /properties/p/$ref)'],
    ["a minLength below zero", { p: { type: "string", minLength: -1 } }, 'SIT071 event "Order Completed": `minLength` is no non-negative whole number (at /properties/p/minLength)'],
  ])("%s", (_, properties, error) => {
    expect(mapped(properties).errors).toEqual([error]);
  });

  it("refuses an event schema that is no object", () => {
    expect(mapped({}, { type: "array" }).errors).toEqual(['SIT071 event "Order Completed": an event\'s schema describes an object (its properties): `type` must be "object" (at /type)']);
  });

  it("refuses values nested deeper than a definition may nest them", () => {
    let schema: unknown = { type: "string" };
    for (let level = 0; level < 17; level++) schema = { type: "array", items: schema };
    const result = mapped({ p: schema });
    expect(result.errors).toEqual([
      `SIT075 event "Order Completed": the items nest more than 16 levels deep, as many as sit's definitions allow (at /properties/p${"/items".repeat(16)}/items)`,
    ]);
    let fits: unknown = { type: "string" };
    for (let level = 0; level < 16; level++) fits = { type: "array", items: fits };
    expect(mapped({ p: fits }).errors).toEqual([]);
  });

  it(`refuses a schema whose $refs expand to more than ${MAX_EVENT_VALUES} values`, () => {
    const defs: Record<string, unknown> = { d0: { type: "string" } };
    for (let level = 1; level <= 14; level++) defs[`d${level}`] = { type: "object", properties: { a: { $ref: `#/$defs/d${level - 1}` }, b: { $ref: `#/$defs/d${level - 1}` } } };
    const result = mapped({ p: { $ref: "#/$defs/d14" } }, { $defs: defs });
    expect(result.errors).toEqual([`SIT075 event "Order Completed": the event's schema expands to more than ${MAX_EVENT_VALUES} values (its $refs followed): a definition holds at most that many (at #)`]);
    expect(result.properties).toEqual({});
  });
});
