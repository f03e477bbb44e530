import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { definition, makeProject, runCli, runSit } from "../helpers/project";

/** A Typewriter 8 plan.json of `rules`, each `[name, properties, required?]`. */
type Rule = readonly [name: string, properties: Record<string, unknown>, required?: readonly string[]];

function plan(rules: readonly Rule[]): string {
  return `${JSON.stringify(
    {
      id: "tp_1",
      name: "Shop",
      rules: rules.map(([key, properties, required]) => ({
        key,
        type: "TRACK",
        version: 1,
        jsonSchema: { $schema: "http://json-schema.org/draft-07/schema#", description: `${key} happened`, type: "object", properties, ...(required === undefined ? {} : { required }) },
      })),
    },
    null,
    2,
  )}\n`;
}

const ORDER: Rule = ["Order Completed", { order_id: { description: "the order", type: "string" } }, ["order_id"]];

const ORDER_DEFINITION = `description: Order Completed happened
internal_events: true
action: Order Completed
additional_properties:
  order_id:
    description: the order
    type: string
    required: true
`;

/** Every file under a folder, relative to it, for "nothing was written". */
const tree = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();

describe("sit import", () => {
  it("writes a definition per event and a config with the rules the plan needs, in a folder without a project", () => {
    const project = makeProject({ "plan.json": plan([ORDER]) });
    expect(runCli(["import", "typewriter", "plan.json"], project)).toEqual({
      code: 0,
      stdout: "",
      stderr:
        "Typewriter 8 plan.json: wrote 1 event into definitions/, and created sit.config.yaml with: eventNames: any, required: [description, action]\nnext: npx sit generate",
    });
    expect(readFileSync(join(project, "definitions", "order_completed.yml"), "utf8")).toBe(ORDER_DEFINITION);
    expect(readFileSync(join(project, "sit.config.yaml"), "utf8")).toMatch(/\nrules:\n {2}eventNames: any\n {2}required: \[description, action\]\n$/);
    expect(runCli(["validate"], project)).toMatchObject({ code: 0 });
  });

  it("prints what it would write with --dry-run, and writes nothing", () => {
    const project = makeProject({ "plan.json": plan([ORDER]), "sit.config.yaml": "output: sdk\n" });
    const result = runCli(["import", "typewriter", "plan.json", "--dry-run"], project);
    expect(result).toEqual({
      code: 0,
      stdout: `# definitions/order_completed.yml (new)\n${ORDER_DEFINITION.trimEnd()}\n\n--- sit.config.yaml\n+++ sit.config.yaml\n@@ -1,1 +1,4 @@\n output: sdk\n+rules:\n+  eventNames: any\n+  required: [description, action]`,
      stderr: "Typewriter 8 plan.json: would write 1 event into definitions/, and would set in sit.config.yaml: eventNames: any, required: [description, action]; nothing written (--dry-run)",
    });
    expect(tree(project)).toEqual(["plan.json", "sit.config.yaml"]);
  });

  it("writes nothing when any event has an error, and reports every problem with its position and JSON pointer", () => {
    const project = makeProject({
      "plan.json": plan([ORDER, ["Cart Viewed", { items: { type: "list" } }], ["Signed Up", { constructor: { type: "string" } }]]),
    });
    const result = runCli(["import", "typewriter", "plan.json"], project);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        'plan.json:34:21: error SIT071: event "Cart Viewed": "list" is no JSON Schema type (at /rules/1/jsonSchema/properties/items/type)',
        "  hint: types are string, integer, number, boolean, array, object and null",
        'plan.json:48:11: error SIT078: event "Signed Up": property "constructor" cannot be used: every JavaScript object already has a `constructor` (from Object.prototype), so no typed SDK can tell it from a value the caller passed (at /rules/2/jsonSchema/properties/constructor)',
        '  hint: rename it in the plan, e.g. "constructor_name"',
        "2 errors and 0 warnings in 1 file; nothing written",
      ].join("\n"),
    });
    expect(tree(project)).toEqual(["plan.json"]);
  });

  it("stops at what sit cannot express, unless --lossy: then it imports the nearest type and says what it widened", () => {
    const files = { "plan.json": plan([["Order Completed", { placed_at: { type: "string", format: "date-time" }, extra: { type: "object" } }]]) };
    const strict = makeProject(files);
    expect(runCli(["import", "typewriter", "plan.json"], strict)).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        'plan.json:16:13: error SIT074: event "Order Completed": `format: date-time` is not checked by sit: imported without it (at /rules/0/jsonSchema/properties/placed_at/format)',
        "  hint: pass --lossy to import it so",
        'plan.json:19:21: error SIT074: event "Order Completed": an object whose keys are not declared cannot be expressed: imported as any value (at /rules/0/jsonSchema/properties/extra/type)',
        "  hint: pass --lossy to import it so",
        "2 errors and 0 warnings in 1 file; nothing written",
      ].join("\n"),
    });
    expect(tree(strict)).toEqual(["plan.json"]);

    const lossy = makeProject(files);
    const result = runCli(["import", "typewriter", "plan.json", "--lossy"], lossy);
    expect(result.code).toBe(0);
    expect(result.stderr.split("\n").slice(0, 2)).toEqual([
      'plan.json:16:13: warning SIT074: event "Order Completed": `format: date-time` is not checked by sit: imported without it (at /rules/0/jsonSchema/properties/placed_at/format)',
      'plan.json:19:21: warning SIT074: event "Order Completed": an object whose keys are not declared cannot be expressed: imported as any value (at /rules/0/jsonSchema/properties/extra/type)',
    ]);
    expect(readFileSync(join(lossy, "definitions", "order_completed.yml"), "utf8")).toBe(
      "description: Order Completed happened\ninternal_events: true\naction: Order Completed\nadditional_properties:\n  placed_at:\n    type: string\n  extra:\n    type: any\n",
    );
  });

  it("replaces no definition without --force, and lists every one in the way", () => {
    const project = makeProject({
      "plan.json": plan([ORDER, ["Cart Viewed", {}]]),
      "sit.config.yaml": "rules: { eventNames: any, required: [description, action] }\n",
      "definitions/order_completed.yml": ORDER_DEFINITION.replace("the order", "an older text"),
      "definitions/cart_viewed.yml/readme.txt": "a folder where a definition goes\n",
    });
    expect(runCli(["import", "typewriter", "plan.json"], project)).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        'definitions/cart_viewed.yml: error SIT076: stands where the definition of event "Cart Viewed" goes, and is no file',
        "  hint: move it away",
        'definitions/order_completed.yml: error SIT076: exists already, and sit import replaces no definition without --force (event "Order Completed")',
        "  hint: pass --force to replace it with the plan's version",
        "2 errors and 0 warnings in 2 files; nothing written",
      ].join("\n"),
    });
    expect(readFileSync(join(project, "definitions", "order_completed.yml"), "utf8")).toMatch(/an older text/);
  });

  it("replaces an event's definition where the project keeps it with --force, and leaves an unchanged one alone", () => {
    const project = makeProject({
      "plan.json": plan([ORDER, ["Cart Viewed", {}]]),
      "sit.config.yaml": "rules: { eventNames: any, required: [description, action] }\n",
      "definitions/shop/order.yml": ORDER_DEFINITION.replace("the order", "an older text"),
      "definitions/cart_viewed.yml": "description: Cart Viewed happened\ninternal_events: true\naction: Cart Viewed\n",
    });
    expect(runCli(["import", "typewriter", "plan.json", "--force"], project)).toEqual({
      code: 0,
      stdout: "",
      stderr: "Typewriter 8 plan.json: wrote 1 event into definitions/shop/ (1 up to date)\nnext: npx sit generate",
    });
    expect(readFileSync(join(project, "definitions", "shop", "order.yml"), "utf8")).toBe(ORDER_DEFINITION);
    expect(tree(join(project, "definitions"))).toEqual(["cart_viewed.yml", "shop/order.yml"]);
  });

  it("keeps an action another file defines under another name apart, with a function name of its own", () => {
    const project = makeProject({
      "plan.json": plan([["order completed", {}]]),
      "sit.config.yaml": "rules: { eventNames: any, required: [description, action] }\n",
      "definitions/order_completed.yml": definition("order_completed"),
    });
    const result = runCli(["import", "typewriter", "plan.json"], project);
    expect(result.stderr.split("\n")[0]).toBe(
      'definitions/order completed.yml: "order completed" is tracked with trackOrderCompleted2() (function_name): "order_completed" makes `trackOrderCompleted` too',
    );
    expect(runCli(["validate"], project)).toMatchObject({ code: 0 });
  });

  it("reports rules of the config that the plan conflicts with, and writes nothing", () => {
    const project = makeProject({ "plan.json": plan([ORDER]), "sit.config.yaml": "rules:\n  eventNames: snake_case\n" });
    expect(runCli(["import", "typewriter", "plan.json"], project)).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        'sit.config.yaml:2:15: error SIT077: rules.eventNames is "snake_case", and the plan has event names that are not snake_case, such as "Order Completed"',
        "  hint: set `eventNames: any` to keep the names as the application sends them",
        "1 error and 0 warnings in 1 file; nothing written",
      ].join("\n"),
    });
    expect(tree(project)).toEqual(["plan.json", "sit.config.yaml"]);
  });

  it("undoes what it wrote when a later write fails", () => {
    const project = makeProject({ "plan.json": plan([ORDER, ["Cart Viewed", {}]]) });
    // A folder named like the config it creates: found by nothing, and in the way of its last write.
    mkdirSync(join(project, "sit.config.yaml"));
    const result = runCli(["import", "typewriter", "plan.json"], project);
    expect(result).toEqual({ code: 2, stdout: "", stderr: "sit import: cannot write sit.config.yaml: a file or a broken link is in the way of one sit creates; nothing was changed" });
    expect(existsSync(join(project, "definitions"))).toBe(false);
  });

  it.each([
    ["a file that is not JSON", "{\n  \"rules\": [\n    { key: 1 }\n  ]\n}\n", 'plan.json:3:7: error SIT070: not JSON: unexpected "k" where a key should be\n  hint: JSON keys are strings in double quotes: "name"'],
    ["a plan with no events", '{ "rules": [] }', "plan.json: error SIT072: the plan holds no track events: nothing to import\n  hint: name a plan with events, or a folder of event schemas"],
    ["something else", '{ "name": "x" }', "plan.json:1:1: error SIT071: this is no Typewriter tracking plan: it has no list of rules or events (at #)\n  hint: Typewriter 8 and later write `rules: [...]`, Typewriter 7 `rules: { events: [...] }`, a local tracking-plan.json `events: [...]`"],
    ["an event without a name", '{ "rules": [{ "type": "TRACK", "jsonSchema": {} }] }', "plan.json:1:13: error SIT073: the rule has no `key`: every event needs the name it is sent under (at /rules/0)"],
    ["a name on two lines", '{ "events": [{ "name": "Order\\nCompleted" }] }', 'plan.json:1:24: error SIT073: event name "Order\\nCompleted" holds a control character (at /events/0/name)\n  hint: write the name on one line, in printable characters'],
    ["a document nested too deep", `{ "rules": ${"[".repeat(300)}${"]".repeat(300)} }`, "plan.json:1:267: error SIT075: the JSON nests deeper than 256 levels"],
  ])("reports %s with its position, never a stack", (_, text, error) => {
    const project = makeProject({ "plan.json": text });
    const result = runCli(["import", "typewriter", "plan.json"], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${error}\n1 error and 0 warnings in 1 file; nothing written`);
  });

  it("refuses an event whose definition would hold more values than sit reads in a definition, and takes one just below", () => {
    const properties = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`p${index}`, { type: "string" }]));
    const over = makeProject({ "plan.json": plan([["Order Completed", properties(2498)]]) });
    expect(runCli(["import", "typewriter", "plan.json"], over)).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "plan.json:6:14: error SIT075: event \"Order Completed\" is too large: its definition would be 10001 values, over sit's limit of 10000 (at /rules/0/key)\n" +
        "  hint: split the event, or flatten its properties\n1 error and 0 warnings in 1 file; nothing written",
    });
    expect(tree(over)).toEqual(["plan.json"]);
    const within = makeProject({ "plan.json": plan([["Order Completed", properties(2497)]]) });
    expect(runCli(["import", "typewriter", "plan.json"], within).code).toBe(0);
    expect(runCli(["validate"], within)).toMatchObject({ code: 0 });
  });

  it("says why it cannot read what it is given (exit 2)", () => {
    const project = makeProject({ "schemas/a.json": "{}" });
    expect(runCli(["import", "typewriter", "missing.json"], project)).toEqual({ code: 2, stdout: "", stderr: "sit import: cannot read missing.json: no such file or folder (removed meanwhile, or a broken symbolic link?)" });
    expect(runCli(["import", "typewriter", "schemas"], project)).toEqual({ code: 2, stdout: "", stderr: "sit import: schemas is a folder: name Typewriter's plan.json (or a local tracking-plan.json)" });
    expect(runCli(["import", "segment", "schemas"], project).code).toBe(2);
  });
});

describe("sit import json-schema", () => {
  const schema = (fields: Record<string, unknown>) => `${JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", type: "object", ...fields }, null, 2)}\n`;

  it("reads one JSON Schema per event from a folder, named by its title or else its file", () => {
    const project = makeProject({
      "ampli/checkout/order.json": schema({ title: "Order Completed", properties: { total: { type: "number" } }, required: ["total"], additionalProperties: false }),
      "ampli/Song Played.json": schema({ description: "a song starts", properties: { "song id": { type: "string" } } }),
      "ampli/notes.txt": "not a schema\n",
    });
    const result = runCli(["import", "json-schema", "ampli"], project);
    expect(result.stderr).toBe(
      "JSON Schema: wrote 2 events into definitions/, and created sit.config.yaml with: eventNames: any, propertyNames: any, required: [description, action]\nnext: npx sit generate",
    );
    expect(tree(join(project, "definitions"))).toEqual(["order_completed.yml", "song_played.yml"]);
    expect(readFileSync(join(project, "definitions", "song_played.yml"), "utf8")).toBe(
      "description: a song starts\ninternal_events: true\naction: Song Played\nadditional_properties:\n  song id:\n    type: string\n",
    );
  });

  it("refuses two schemas of one event", () => {
    const project = makeProject({ "a.json": schema({ title: "Song Played" }), "b.json": schema({ title: "Song Played" }) });
    writeFileSync(join(project, "sit.config.yaml"), "rules: { eventNames: any, required: [action] }\n");
    expect(runCli(["import", "json-schema", "."], project)).toEqual({
      code: 1,
      stdout: "",
      stderr: 'b.json:4:12: error SIT079: event "Song Played" is imported twice (at /title)\n  hint: the first is at a.json:4:12\n1 error and 0 warnings in 1 file; nothing written',
    });
  });

  it("has --help with examples and exit codes, through the real binary", () => {
    const result = runSit(["import", "--help"], process.cwd());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Examples:\n {2}\$ npx sit import typewriter plan\.json\n/);
    expect(result.stdout).toMatch(/Exit codes: 0 imported/);
  });
});
