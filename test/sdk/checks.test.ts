import { join } from "node:path";
import type * as Checks from "../../src/sdk/checks";
import { loadSdk } from "../helpers/load-sdk";
import { REPO_ROOT } from "../helpers/project";

/** The fixed checks every generated SDK copies (src/sdk/checks.ts), held to their rules directly. */

const { createEventChecker } = loadSdk<typeof Checks>(join(REPO_ROOT, "src", "sdk", "checks.ts"));

const ORDER: Checks.EventRule = {
  action: "Order Completed",
  identifiers: ["account"],
  properties: [
    {
      name: "products",
      types: ["array"],
      items: {
        types: ["object"],
        properties: [
          { name: "sku", types: ["string"], required: true, minLength: 1 },
          { name: "price", types: ["number", "null"], minimum: 0 },
        ],
      },
    },
    { name: "quantity", types: ["number"], integer: true, minimum: 1, maximum: 99, required: true },
    { name: "coupon", types: ["string"], pattern: "^[A-Z0-9]{4,12}$", maxLength: 12 },
    { name: "Product ID", types: ["string"], enum: ["a", "b"] },
    { name: "meta" },
  ],
};

const check = createEventChecker(`${JSON.stringify(ORDER)}\n`);

describe("checkEvents", () => {
  it("accepts what the rules allow, at every depth", () => {
    expect(check("Order Completed", { account: "a", additionalProperties: { quantity: 3, products: [{ sku: "A", price: null }], meta: { x: [1] } } })).toEqual([]);
  });

  it("names each violation by its path, however deep", () => {
    const args = {
      additionalProperties: {
        quantity: 0.5,
        coupon: "no!",
        "Product ID": "c",
        products: [{ price: -1, colour: "red" }, "x", { sku: "", price: "1" }],
        extra: 1,
      },
    };
    expect(check("Order Completed", args)).toEqual([
      "identifier account is missing",
      "property products[0].sku is required",
      "property products[0].price must be at least 0, not -1",
      "property products[0].colour is not declared, so it is not sent",
      'property products[1] must be object, not "x"',
      "property products[2].sku must be at least 1 characters long, not 0",
      'property products[2].price must be number or null, not "1"',
      "property quantity must be an integer, not 0.5",
      'property coupon must match /^[A-Z0-9]{4,12}$/, not "no!"',
      'property Product ID must be one of "a", "b", not "c"',
      "property extra is not declared, so it is not sent",
    ]);
  });

  it("counts characters, not UTF-16 code units, as JSON Schema does", () => {
    expect(check("Order Completed", { account: "a", additionalProperties: { quantity: 1, coupon: "ABCD🎉🎉🎉🎉🎉🎉🎉🎉" } })).toEqual([
      'property coupon must match /^[A-Z0-9]{4,12}$/, not "ABCD🎉🎉🎉🎉🎉🎉🎉🎉"',
    ]);
    expect(check("Order Completed", { account: "a", additionalProperties: { quantity: 1, coupon: "🎉".repeat(13) } })).toContain("property coupon must be at most 12 characters long, not 13");
  });

  it("reports what is no JSON value where any value is allowed", () => {
    expect(check("Order Completed", { account: "a", additionalProperties: { quantity: 1, meta: () => 1 } })).toEqual(["property meta must be a JSON value, not a function"]);
    expect(check("Order Completed", { account: "a", additionalProperties: { quantity: 1, meta: 10n } })).toEqual(["property meta must be a JSON value, not 10n"]);
  });

  it("stops at a value nested past its bound, and at a flood of violations", () => {
    const nested: Checks.ValueRule = { types: ["array"], items: { types: ["array"] } };
    let rule: Checks.ValueRule = { types: ["string"] };
    for (let depth = 0; depth < 40; depth++) rule = { types: ["array"], items: rule };
    const deep = createEventChecker(`${JSON.stringify({ action: "deep", identifiers: [], properties: [{ name: "p", ...rule }, { name: "q", ...nested }] })}\n`);
    let value: unknown = "x";
    for (let depth = 0; depth < 40; depth++) value = [value];
    expect(deep("deep", { additionalProperties: { p: value } })).toEqual(["property p[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0] is nested too deep to check"]);
    const flood = check("Order Completed", { account: "a", additionalProperties: { quantity: 1, products: Array.from({ length: 500 }, () => ({})) } });
    expect(flood).toHaveLength(101);
    expect(flood[100]).toBe("and 400 more violations");
  });

  it("never throws, whatever it is given", () => {
    expect(check("nope", {})).toEqual(['"nope" is not an event']);
    expect(check(undefined as unknown as string, {})).toEqual(["undefined is not an event"]);
    expect(check("Order Completed", null)).toEqual(["the arguments must be an object, not null"]);
  });
});
