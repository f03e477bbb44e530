import Ajv2020 from "ajv/dist/2020";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eventJsonSchema } from "../../src/schema/event-json-schema";
import type { DefinitionData } from "../../src/validate/definition-schema";
import { definition, makeProject, runCli } from "../helpers/project";

const ORDER: DefinitionData = {
  description: "An order is paid",
  internal_events: true,
  action: "Order Completed",
  identifiers: ["user"],
  additional_properties: {
    label: { description: "where the order came from" },
    value: { type: "integer" },
    note: null,
    quantity: { description: "units", type: "integer", minimum: 1, required: true },
    coupon: { type: ["string", "null"], pattern: "^[A-Z0-9]{4,12}$", maxLength: 12 },
    channel: { type: "string", enum: ["web", "app"] },
    context: { type: "any" },
    products: {
      type: "array",
      items: { description: "a product", type: "object", properties: { sku: { type: "string", required: true }, "Unit Price": { type: ["number", "null"], minimum: 0 } } },
    },
  },
  product_group: "checkout",
  tiers: ["free"],
};

describe("eventJsonSchema", () => {
  it("says what the definition says of the event's properties, GitLab's defaults and fixed types included", () => {
    expect(eventJsonSchema(ORDER)).toEqual({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "Order Completed",
      description: "An order is paid",
      type: "object",
      properties: {
        label: { description: "where the order came from", type: "string" },
        value: { type: "integer" },
        note: { type: ["string", "number"] },
        quantity: { description: "units", type: "integer", minimum: 1 },
        coupon: { type: ["string", "null"], maxLength: 12, pattern: "^[A-Z0-9]{4,12}$" },
        channel: { type: "string", enum: ["web", "app"] },
        context: {},
        products: {
          type: "array",
          items: {
            description: "a product",
            type: "object",
            properties: { sku: { type: "string" }, "Unit Price": { type: ["number", "null"], minimum: 0 } },
            required: ["sku"],
            additionalProperties: false,
          },
        },
      },
      required: ["quantity"],
      additionalProperties: false,
    });
  });

  it("accepts and rejects the payloads the SDK's types and checks accept and reject", () => {
    const accepts = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(eventJsonSchema(ORDER));
    expect(accepts({ quantity: 2, coupon: null, products: [{ sku: "A1", "Unit Price": 9.5 }], context: [1, "x"], note: "n" })).toBe(true);
    for (const wrong of [{}, { quantity: 0 }, { quantity: 1.5 }, { quantity: 1, coupon: "no!" }, { quantity: 1, channel: "fax" }, { quantity: 1, products: [{ price: 1 }] }, { quantity: 1, other: 1 }]) {
      expect(accepts(wrong)).toBe(false);
    }
  });
});

describe("sit schema --events", () => {
  it("writes one schema per internal event at its definition's path, and leaves legacy definitions out", () => {
    const project = makeProject({
      "sit.config.yaml": "warnings: { SIT029: off }\n",
      "definitions/checkout/order_completed.yml": definition("order_completed", "additional_properties:\n  label:\n    description: source\n"),
      "definitions/legacy_click.yml": `${definition("legacy_click").replace("internal_events: true\n", "")}category: projects\n`,
    });
    expect(runCli(["schema", "--events", "schemas"], project)).toEqual({ code: 0, stdout: "", stderr: "schemas/: 1 event schema; wrote 1" });
    expect(JSON.parse(readFileSync(join(project, "schemas", "checkout", "order_completed.json"), "utf8"))).toMatchObject({
      title: "order_completed",
      properties: { label: { description: "source", type: "string" } },
    });
    expect(existsSync(join(project, "schemas", "legacy_click.json"))).toBe(false);
    expect(runCli(["schema", "--events", "schemas"], project).stderr).toBe("schemas/: 1 event schema; up to date");
  });

  it("writes nothing when a definition is invalid", () => {
    const project = makeProject({ "definitions/order_completed.yml": definition("order_completed", "tier: [free]\n") });
    const result = runCli(["schema", "--events", "schemas"], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ error SIT010: [^\n]*\n[^\n]*\n?.*; nothing written$/);
    expect(existsSync(join(project, "schemas"))).toBe(false);
  });
});
