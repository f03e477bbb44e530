import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runNew, type NewCommandOptions } from "../../src/cli/commands/new";
import { definition, makeProject, runCli, runSit, writeFiles } from "../helpers/project";

const CONFIG = `processors:
  InternalEvents: { module: ./src/tracking/internal-events, export: InternalEvents }
  Gitlab::Tracking::AiTracking: { module: ./src/tracking/ai, export: AiTracking }
  Audit: { module: ./src/tracking/audit }
defaultProcessors: [InternalEvents]
`;

const LEGACY = `description: A button is clicked
category: projects
action: click_button
product_group: source_code
milestone: '15.0'
introduced_by_url: null
tiers: [free]
`;

function project(files: Readonly<Record<string, string>> = {}): string {
  return makeProject({
    "sit.config.yaml": CONFIG,
    "src/tracking/internal-events.ts": "export const InternalEvents = { trackEvent(): void {} };\n",
    "src/tracking/ai.ts": "export const AiTracking = { trackEvent(): void {} };\n",
    "src/tracking/audit.ts": "export const Audit = { trackEvent(): void {} };\n",
    "definitions/existing_event.yml": definition("existing_event"),
    "definitions/legacy/20230101_projects_click_button.yml": LEGACY,
    ...files,
  });
}

/** `sit new` in-process, as when it is not run in a terminal (unless `terminal`). */
function sitNew(dir: string, action: string, options: NewCommandOptions = {}, terminal = false) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runNew(action, options, { out: (text) => out.push(text), err: (text) => err.push(text) }, dir, terminal);
  if (typeof code !== "number") throw new Error("sit new asked in the terminal");
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const required = { description: "A thing is created", productGroup: "analytics_instrumentation" };
const definitionFiles = (dir: string): string[] => readdirSync(join(dir, "definitions"), { recursive: true, encoding: "utf8" }).sort();

describe("sit new with flags", () => {
  it("writes every flag into a definition that validates and is in the next generate", () => {
    const dir = project();
    const result = sitNew(dir, "create_thing", {
      description: "A thing is created: by hand or by the API",
      identifiers: "project,user",
      property: ["label:how it was created: web or api", "count:number of parts:integer", "draft:whether it is a draft:boolean"],
      productGroup: "analytics_instrumentation",
      tiers: "premium,ultimate",
      tracker: ["Audit", "Gitlab::Tracking::AiTracking"],
      milestone: "18.10",
      url: "https://gitlab.com/gitlab-org/gitlab/-/merge_requests/9",
    });
    expect(result).toEqual({ code: 0, stdout: "created definitions/create_thing.yml\nnext: `npx sit generate` adds it to the SDK", stderr: "" });
    expect(readFileSync(join(dir, "definitions/create_thing.yml"), "utf8")).toBe(`description: 'A thing is created: by hand or by the API'
internal_events: true
action: create_thing
identifiers:
  - project
  - user
additional_properties:
  label:
    description: 'how it was created: web or api'
  count:
    description: number of parts
    type: integer
  draft:
    description: whether it is a draft
    type: boolean
product_group: analytics_instrumentation
milestone: '18.10'
introduced_by_url: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/9
tiers:
  - premium
  - ultimate
extra_trackers:
  - tracking_class: Audit
  - tracking_class: Gitlab::Tracking::AiTracking
`);
    expect(runCli(["validate"], dir)).toMatchObject({ code: 0, stderr: expect.stringContaining("no problems") as unknown });
    expect(runCli(["generate"], dir).code).toBe(0);
    const sdk = readFileSync(join(dir, "generated/index.ts"), "utf8");
    expect(sdk).toContain("export function trackCreateThing(");
    expect(sdk).toMatch(/count\?: number/);
  });

  it("takes the config's defaults for the fields without a flag, else all tiers and null", () => {
    const dir = project();
    expect(sitNew(dir, "plain_event", required).code).toBe(0);
    expect(readFileSync(join(dir, "definitions/plain_event.yml"), "utf8")).toBe(
      "description: A thing is created\ninternal_events: true\naction: plain_event\nproduct_group: analytics_instrumentation\nmilestone: null\nintroduced_by_url: null\ntiers:\n  - free\n  - premium\n  - ultimate\n",
    );

    writeFiles(dir, {
      "sit.config.yaml": `${CONFIG}defaults:\n  product_group: analytics_instrumentation\n  milestone: '17.5'\n  introduced_by_url: https://x.test/1\n  tiers: [ultimate]\n`,
    });
    expect(sitNew(dir, "defaulted_event", { description: "Defaults apply" }).code).toBe(0);
    expect(readFileSync(join(dir, "definitions/defaulted_event.yml"), "utf8")).toContain(
      "product_group: analytics_instrumentation\nmilestone: '17.5'\nintroduced_by_url: https://x.test/1\ntiers:\n  - ultimate\n",
    );
    expect(sitNew(dir, "flag_wins", { description: "Flags win", milestone: "", url: "", tiers: "free" }).code).toBe(0);
    expect(readFileSync(join(dir, "definitions/flag_wins.yml"), "utf8")).toContain("milestone: null\nintroduced_by_url: null\ntiers:\n  - free\n");
  });

  it("needs --description and --product-group when it cannot ask (exit 2), naming what is missing", () => {
    const dir = project();
    expect(sitNew(dir, "x_event")).toEqual({
      code: 2,
      stdout: "",
      stderr: "sit new: --description and --product-group are required when sit new cannot ask (it is not run in a terminal)",
    });
    expect(sitNew(dir, "x_event", { description: "d" }).stderr).toBe(
      "sit new: --product-group is required when sit new cannot ask (it is not run in a terminal)",
    );
    expect(sitNew(dir, "y_event", { yes: true }, true).stderr).toBe("sit new: --description and --product-group are required with --yes");
    expect(existsSync(join(dir, "definitions/y_event.yml"))).toBe(false);
  });

  it("refuses an action that exists, legacy ones included, or a file of that name (exit 1), writing nothing", () => {
    const dir = project({ "definitions/taken_file.yml": definition("other_action") });
    const before = definitionFiles(dir);
    expect(sitNew(dir, "existing_event", required)).toMatchObject({
      code: 1,
      stderr: 'sit new: action "existing_event" is already defined by definitions/existing_event.yml:3:9',
    });
    expect(sitNew(dir, "click_button", required)).toMatchObject({
      code: 1,
      stderr: 'sit new: action "click_button" is already defined by definitions/legacy/20230101_projects_click_button.yml:3:9 (a legacy definition)',
    });
    expect(sitNew(dir, "taken_file", required)).toMatchObject({ code: 1, stderr: "sit new: definitions/taken_file.yml already exists" });
    expect(definitionFiles(dir)).toEqual(before);
  });

  it("refuses an invalid action name before anything else (exit 2)", () => {
    const dir = project();
    expect(sitNew(dir, "Create-Thing", required)).toMatchObject({
      code: 2,
      stderr: 'sit new: action "Create-Thing" must be lowercase letters, digits and underscores, or the config\'s rules must allow any name (`rules: { eventNames: any }`)',
    });
    expect(sitNew(dir, "__proto__", required).code).toBe(2);
  });

  it("lists the known trackers for an unknown --tracker (exit 2)", () => {
    const dir = project();
    expect(sitNew(dir, "tracked_event", { ...required, tracker: ["Audt"] })).toMatchObject({
      code: 2,
      stderr: '--tracker Audt: not a tracking class configured in processors (known: Audit, Gitlab::Tracking::AiTracking); did you mean "Audit"?'.replace(
        /^/,
        "sit new: ",
      ),
    });
    expect(existsSync(join(dir, "definitions/tracked_event.yml"))).toBe(false);
  });

  it("warns about a product group no definition uses yet, listing the known ones, and writes the file", () => {
    const dir = project();
    const result = sitNew(dir, "grouped_event", { ...required, productGroup: "analytics_instrumentaton" });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'sit new: warning: product group "analytics_instrumentaton" is not used by any definition yet (did you mean "analytics_instrumentation"?); known: analytics_instrumentation, source_code',
    );
  });

  it("checks the result as generate does: nothing is written when it would be invalid (exit 1)", () => {
    const dir = project();
    const badProperty = sitNew(dir, "bad_property", { ...required, property: ["Label:the label"] });
    expect(badProperty.code).toBe(1);
    expect(badProperty.stderr).toContain(
      'definitions/bad_property.yml:5:3: error SIT024: property name "Label" in additional_properties is not lowercase snake_case',
    );
    expect(badProperty.stderr).toContain("sit new: definitions/bad_property.yml would not be a valid definition, so it was not written");
    const badType = sitNew(dir, "bad_type", { ...required, property: ["tags: { description: labels, type: array }"] });
    expect(badType.code).toBe(1);
    expect(badType.stderr).toContain('definitions/bad_type.yml:7:5: error SIT060: property "tags" is an array, so it needs `items`: what each item is');
    expect(definitionFiles(dir).filter((file) => /bad_property|bad_type/.test(file))).toEqual([]);
    expect(readdirSync(join(dir, "definitions")).filter((file) => file.startsWith("."))).toEqual([]);
  });

  it("warns that files it cannot read may hold the action, and writes the file", () => {
    const dir = project({ "definitions/broken.yml": "description: [unclosed\n", "definitions/twin.yml": definition("existing_event") });
    const result = sitNew(dir, "after_broken", required);
    expect(result.code).toBe(0);
    // twin.yml repeats an action (an error across files), but its own action is known: only broken.yml counts.
    expect(result.stderr).toBe('sit new: warning: 1 file has errors, so its action could not be compared with "after_broken"; `npx sit validate` shows them');
  });

  it("creates the definitions folder when there is none yet", () => {
    const dir = makeProject({ "sit.config.yaml": "definitions: events\n" });
    expect(sitNew(dir, "first_event", required)).toMatchObject({ code: 0, stdout: expect.stringContaining("created events/first_event.yml") as unknown });
    const validation = runCli(["validate"], dir);
    expect(validation.code).toBe(0);
    expect(validation.stderr).toMatch(/warning SIT029: no defaultProcessors[^]*\n0 errors and 1 warning in 1 file \(1 definition file checked\)$/);
  });

  it("refuses a product group with a line break, from a flag or the config's defaults (exit 2), writing nothing", () => {
    const dir = project();
    const before = definitionFiles(dir);
    expect(sitNew(dir, "broken_group", { ...required, productGroup: "team\nother" })).toEqual({ code: 2, stdout: "", stderr: "sit new: --product-group must be one line" });
    writeFiles(dir, { "sit.config.yaml": `${CONFIG}defaults:\n  product_group: "team\\nother"\n` });
    const result = sitNew(dir, "broken_group", { description: "A thing is created" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`sit.config.yaml:7:18: error SIT041: \`defaults.product_group\` is "team\\nother": must be one line`);
    expect(definitionFiles(dir)).toEqual(before);
  });

  it("stops with exit 2 when the config is invalid", () => {
    const dir = makeProject({ "sit.config.yaml": "definitons: x\n" });
    const result = sitNew(dir, "some_event", required);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("sit.config.yaml:1:1: error SIT041: unknown key `definitons`");
  });

  it("runs as the real binary, reading flags as commander parses them", () => {
    const dir = project();
    const result = runSit(
      [
        "new",
        "cli_event",
        "--description",
        "From the CLI",
        "--product-group",
        "source_code",
        "--property",
        "label:a: b",
        "--property",
        "parts:count:integer",
        "--tracker",
        "Audit",
      ],
      dir,
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(join(dir, "definitions/cli_event.yml"), "utf8")).toContain(
      "additional_properties:\n  label:\n    description: 'a: b'\n  parts:\n    description: count\n    type: integer\n",
    );
    expect(runSit(["new", "cli_event", "--description", "again", "--product-group", "source_code"], dir).code).toBe(1);
    expect(runSit(["new", "other_event"], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--description and --product-group are required") as unknown,
    });
  });
});

describe("sit new with the project's templates", () => {
  const withTemplates = (template: string | undefined) =>
    project({
      "sit.config.yaml": `${CONFIG}templates: tracking-templates\n`,
      ...(template === undefined ? { "tracking-templates/README.md": "ours\n" } : { "tracking-templates/event-definition.yml": template }),
    });

  it("uses the project's event-definition.yml instead of sit's", () => {
    const dir = withTemplates(
      "# Owned by the analytics team\ndescription: {{description}}\ninternal_events: true\naction: {{action}}\nproduct_group: {{product_group}}\nproduct_categories:\n  - tracking\nmilestone: {{milestone}}\nintroduced_by_url: {{introduced_by_url}}\ntiers: {{tiers}}\nidentifiers: {{identifiers}}\n",
    );
    expect(sitNew(dir, "ours_event", { ...required, identifiers: "user" }).code).toBe(0);
    expect(readFileSync(join(dir, "definitions/ours_event.yml"), "utf8")).toBe(
      "# Owned by the analytics team\ndescription: A thing is created\ninternal_events: true\naction: ours_event\nproduct_group: analytics_instrumentation\nproduct_categories:\n  - tracking\nmilestone: null\nintroduced_by_url: null\ntiers:\n  - free\n  - premium\n  - ultimate\nidentifiers:\n  - user\n",
    );
  });

  it("falls back to sit's template for one the project's folder lacks", () => {
    const dir = withTemplates(undefined);
    expect(sitNew(dir, "fallback_event", required).code).toBe(0);
    expect(readFileSync(join(dir, "definitions/fallback_event.yml"), "utf8")).toMatch(/^description: A thing is created\ninternal_events: true\n/);
  });

  it("does not ask for or require a field the template does not write, and warns when its flag is given", () => {
    const dir = withTemplates(
      "description: {{description}}\ninternal_events: true\naction: {{action}}\nproduct_group: analytics_instrumentation\nmilestone: null\nintroduced_by_url: null\ntiers: [free]\n",
    );
    expect(sitNew(dir, "fixed_group", { description: "d" })).toMatchObject({ code: 0, stderr: "" });
    expect(sitNew(dir, "fixed_again", { description: "d", tracker: ["Audit"] })).toMatchObject({
      code: 0,
      stderr: "sit new: warning: tracking-templates/event-definition.yml has no {{extra_trackers}}, so the value given for extra_trackers is not written",
    });
  });

  it.each([
    [
      "an unknown placeholder",
      "description: {{description}}\naction: {{action}}\ngroup: {{product_grup}}\n",
      "tracking-templates/event-definition.yml:3:8: error: unknown placeholder {{product_grup}}",
    ],
    [
      "a placeholder inside a value",
      "description: '{{description}}'\naction: {{action}}\n",
      "tracking-templates/event-definition.yml:1:15: error: a placeholder must be the whole value of a key",
    ],
    [
      "no action",
      "description: {{description}}\naction: fixed\n",
      "tracking-templates/event-definition.yml: error: the template must write the action as `action: {{action}}`",
    ],
  ])("refuses a template with %s (exit 2)", (_, template, message) => {
    const dir = withTemplates(template);
    const result = sitNew(dir, "templated", required);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("refuses a templates folder that does not exist, pointing at the config (exit 2)", () => {
    const dir = project({ "sit.config.yaml": `${CONFIG}templates: tracking-templates\n` });
    expect(sitNew(dir, "templated", required)).toMatchObject({
      code: 2,
      stderr: 'sit.config.yaml:6:12: error: templates folder "tracking-templates" not found',
    });
  });
});

describe("creating the file", () => {
  it("never replaces a file that appears at the last moment, and leaves no temporary file", () => {
    const { createFile } = require("../../src/files/atomic-write") as typeof import("../../src/files/atomic-write");
    const dir = makeProject({});
    const path = join(dir, "deep", "a.yml");
    createFile(path, "first\n", { overwrite: false });
    expect(() => createFile(path, "second\n", { overwrite: false })).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(readFileSync(path, "utf8")).toBe("first\n");
    createFile(path, "third\n", { overwrite: true });
    expect(readFileSync(path, "utf8")).toBe("third\n");
    expect(readdirSync(join(dir, "deep"))).toEqual(["a.yml"]);
  });

  it("reports a definitions folder it cannot create (exit 2)", () => {
    const dir = project({ "sit.config.yaml": `definitions: not-a-folder\n`, "not-a-folder": "a file\n" });
    const result = sitNew(dir, "blocked_event", required);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sit new: cannot write not-a-folder\/blocked_event.yml: ENOTDIR/);
  });
});

describe("sit new under a team's own plan", () => {
  const PLAN = `processors:
  Shop::Collector: { module: ./src/processors, export: Collector }
  Shop::Audit: { module: ./src/processors, export: Audit }
defaultProcessors: [Shop::Collector]
identifiers:
  account: { type: string }
  user: { type: "{ readonly id: string }", fromContext: true }
rules:
  eventNames: any
  propertyNames: any
  tiers: [starter, pro, enterprise]
  required: [description, action]
`;
  const plan = (files: Readonly<Record<string, string>> = {}) =>
    makeProject({
      "sit.config.yaml": PLAN,
      "src/processors.ts": "export const Collector = { trackEvent(): void {} };\nexport const Audit = { trackEvent(): void {} };\n",
      ...files,
    });
  const read = (dir: string, file: string): string => readFileSync(join(dir, "definitions", file), "utf8");

  it("writes a free event name into the file of its slug, with custom and context identifiers and typed properties, that validates and generates", () => {
    const dir = plan();
    const result = sitNew(dir, "Order Completed", {
      description: "An order is paid",
      identifiers: "account,user",
      property: [
        "Coupon Code:the coupon, as the shop writes it:string|null",
        "quantity: { description: units bought, type: integer, minimum: 1, maximum: 99, required: true }",
        "products: { description: what was bought, type: array, items: { type: object, properties: { sku: { description: stock keeping unit, type: string, required: true, pattern: '^[A-Z0-9-]+$' }, price: { description: unit price, type: number, minimum: 0 } } } }",
        "state: { description: of the payment, type: string, enum: [paid, pending] }",
        "context:anything the page knows:any",
      ],
      tracker: ["Shop::Audit"],
    });
    expect(result).toEqual({ code: 0, stdout: "created definitions/order_completed.yml\nnext: `npx sit generate` adds it to the SDK", stderr: "" });
    expect(read(dir, "order_completed.yml")).toBe(`description: An order is paid
internal_events: true
action: Order Completed
identifiers:
  - account
  - user
additional_properties:
  Coupon Code:
    description: the coupon, as the shop writes it
    type: [string, 'null']
  quantity:
    description: units bought
    type: integer
    required: true
    minimum: 1
    maximum: 99
  products:
    description: what was bought
    type: array
    items:
      type: object
      properties:
        sku:
          description: stock keeping unit
          type: string
          required: true
          pattern: ^[A-Z0-9-]+$
        price:
          description: unit price
          type: number
          minimum: 0
  state:
    description: of the payment
    type: string
    enum: [paid, pending]
  context:
    description: anything the page knows
    type: any
extra_trackers:
  - tracking_class: Shop::Audit
`);
    expect(runCli(["validate"], dir)).toMatchObject({ code: 0, stderr: "no problems (1 definition file checked)" });
    expect(runCli(["generate"], dir).code).toBe(0);
    const sdk = readFileSync(join(dir, "generated/index.ts"), "utf8");
    expect(sdk).toContain("export function trackOrderCompleted(");
    expect(sdk).toMatch(/readonly "Coupon Code"\?: string \| null;[^]*readonly quantity: number;[^]*readonly sku: string;[^]*readonly state\?: "paid" \| "pending";/);
  });

  it("neither requires nor writes the keys the rules do not require, unless a flag or the config's defaults give them", () => {
    const dir = plan();
    expect(sitNew(dir, "Cart Viewed", { description: "A cart is shown" })).toMatchObject({ code: 0, stderr: "" });
    expect(read(dir, "cart_viewed.yml")).toBe("description: A cart is shown\ninternal_events: true\naction: Cart Viewed\n");
    expect(sitNew(dir, "Cart Emptied", { description: "A cart is emptied", tiers: "pro,enterprise", productGroup: "checkout", milestone: "1.2", url: "" })).toMatchObject({ code: 0 });
    expect(read(dir, "cart_emptied.yml")).toBe(
      "description: A cart is emptied\ninternal_events: true\naction: Cart Emptied\nproduct_group: checkout\nmilestone: '1.2'\nintroduced_by_url: null\ntiers:\n  - pro\n  - enterprise\n",
    );
    writeFiles(dir, { "sit.config.yaml": `${PLAN}defaults:\n  product_group: checkout\n  tiers: [starter]\n` });
    expect(sitNew(dir, "Cart Saved", { description: "A cart is saved" }).code).toBe(0);
    expect(read(dir, "cart_saved.yml")).toBe("description: A cart is saved\ninternal_events: true\naction: Cart Saved\nproduct_group: checkout\ntiers:\n  - starter\n");
    expect(runCli(["validate"], dir).code).toBe(0);
  });

  it("checks identifiers and tiers against the config's, and event names against the rules (exit 2), writing nothing", () => {
    const dir = plan();
    expect(sitNew(dir, "Cart Viewed", { description: "d", identifiers: "acount", tiers: "premium" })).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        'sit new: --identifiers: "acount" is not one of project, namespace, user, feature_enabled_by_namespace_ids, account (did you mean "account"?)',
        'sit new: --tiers: "premium" is not one of starter, pro, enterprise',
        "sit new: --tiers needs at least one of starter, pro, enterprise",
      ].join("\n"),
    });
    expect(sitNew(dir, "Cart\nViewed", { description: "d" })).toEqual({ code: 2, stdout: "", stderr: 'sit new: action "Cart\\nViewed" must be a name on one line, in printable characters' });
    expect(sitNew(dir, "", { description: "d" }).stderr).toBe('sit new: action "" must be a name on one line, in printable characters');
    expect(sitNew(dir, "../x", { description: "d" }).code).toBe(0); // its file is named by its words: x.yml
    expect(sitNew(dir, "..", { description: "d" })).toMatchObject({ code: 2, stderr: 'sit new: action ".." has no letter or digit to name its file after, and cannot be a file name itself' });
    expect(definitionFiles(dir)).toEqual(["x.yml"]);
  });

  it("reports the problems of a --property in YAML at their column (exit 2), before anything else is checked", () => {
    const dir = plan();
    expect(sitNew(dir, "Cart Viewed", { description: "d", property: ["items: { type: aray, enum: 3 }"] })).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        '--property:1:16: error SIT013: `items.type` is "aray"; expected one of string, integer, number, boolean, array, object, any',
        '  hint: did you mean "array"?',
        "--property:1:28: error SIT012: `items.enum` must be a list, not the number 3",
        "  hint: write a list: `enum: [3]`",
      ].join("\n"),
    });
  });
});

describe("sit new and the event's function name", () => {
  it("needs --function-name for an action whose function the SDK uses already (exit 2), and writes it after the action", () => {
    const dir = project();
    expect(sitNew(dir, "event", required)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "sit new: --function-name is required when sit new cannot ask (it is not run in a terminal)\n" +
        "sit new: --function-name names the event's function, because action \"event\" would generate `trackEvent`, which the SDK already uses for its own API",
    });
    expect(sitNew(dir, "event", { ...required, functionName: "trackEventHappened" }).code).toBe(0);
    expect(readFileSync(join(dir, "definitions/event.yml"), "utf8")).toMatch(/^description: A thing is created\ninternal_events: true\naction: event\nfunction_name: trackEventHappened\nproduct_group:/);
    expect(runCli(["generate"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "generated/index.ts"), "utf8")).toContain("export function trackEventHappened(");
  });

  it("needs one for a free name without a word, or one whose function another event has, and names the file after the action when it has no word", () => {
    const dir = project({ "sit.config.yaml": `${CONFIG}rules:\n  eventNames: any\n`, "definitions/Order Completed.yml": definition("Order Completed").replace("action: Order Completed", "action: 'Order Completed'") });
    expect(sitNew(dir, "🎉", required).stderr).toContain('because action "🎉" has no letter or digit to make a function name of');
    expect(sitNew(dir, "order completed", required).stderr).toContain(
      'because actions "Order Completed" (definitions/Order Completed.yml) and "order completed" both generate `trackOrderCompleted`',
    );
    expect(sitNew(dir, "🎉", { ...required, functionName: "trackParty" }).code).toBe(0);
    expect(sitNew(dir, "order completed", { ...required, functionName: "trackOrderCompletedAgain" }).code).toBe(0);
    expect(definitionFiles(dir).filter((file) => /🎉|order_completed/.test(file))).toEqual(["order_completed.yml", "🎉.yml"]);
    expect(runCli(["validate"], dir).code).toBe(0);
  });

  it.each([
    ["TrackX", 'function_name "TrackX" must be a camelCase name of ASCII letters and digits, starting with a lowercase letter'],
    ["default", 'function_name "default" is a reserved word of JavaScript'],
    ["trackEvent", 'function_name "trackEvent" is a name the SDK uses itself'],
    ["trackExistingEvent", 'actions "existing_event" (definitions/existing_event.yml) and "new_event" both generate `trackExistingEvent`'],
  ])("refuses --function-name %s (exit 2), as validation would", (name, message) => {
    const dir = project();
    expect(sitNew(dir, "new_event", { ...required, functionName: name })).toEqual({ code: 2, stdout: "", stderr: `sit new: --function-name ${name}: ${message}` });
    expect(existsSync(join(dir, "definitions/new_event.yml"))).toBe(false);
  });

  it("refuses an action that needs a function name when the project's template cannot write one", () => {
    const dir = project({
      "sit.config.yaml": `${CONFIG}templates: tracking-templates\n`,
      "tracking-templates/event-definition.yml": "description: {{description}}\ninternal_events: true\naction: {{action}}\nproduct_group: {{product_group}}\nmilestone: null\nintroduced_by_url: null\ntiers: [free]\n",
    });
    expect(sitNew(dir, "event", required)).toEqual({
      code: 2,
      stdout: "",
      stderr: 'sit new: action "event" would generate `trackEvent`, which the SDK already uses for its own API, and tracking-templates/event-definition.yml has no {{function_name}} to name the function with',
    });
  });
});
