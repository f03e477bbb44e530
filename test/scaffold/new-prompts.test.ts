import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { definition, makeProject, runCli } from "../helpers/project";
import { KEY, TerminalSession } from "./terminal-session";

const CONFIG = `processors:
  InternalEvents: { module: ./src/tracking/internal-events, export: InternalEvents }
  Gitlab::Tracking::AiTracking: { module: ./src/tracking/ai, export: AiTracking }
  Audit: { module: ./src/tracking/audit }
defaultProcessors: [InternalEvents]
`;

/** A project whose definitions use two product groups and the identifiers user (twice) and project (once). */
function project(config = CONFIG): string {
  return makeProject({
    "sit.config.yaml": config,
    "src/tracking/internal-events.ts": "export const InternalEvents = { trackEvent(): void {} };\n",
    "src/tracking/ai.ts": "export const AiTracking = { trackEvent(): void {} };\n",
    "src/tracking/audit.ts": "export const Audit = { trackEvent(): void {} };\n",
    "definitions/existing_event.yml": definition("existing_event"),
    "definitions/snippet_event.yml": definition("snippet_event")
      .replace("  - user\n", "  - project\n  - user\n")
      .replace("analytics_instrumentation", "source_code"),
  });
}

const readAction = (dir: string, action: string): string => readFileSync(join(dir, "definitions", `${action}.yml`), "utf8");

describe("sit new in a terminal", () => {
  it("asks for every field, offering what the project uses, and writes the answers", async () => {
    const dir = project();
    const terminal = new TerminalSession(["new", "open_snippet"], dir);
    await terminal.expect(/Description \(what happened, as one sentence\):/);
    terminal.type(`A snippet is opened: from a link${KEY.enter}`);
    await terminal.expect(
      /Identifiers the event is tracked with:\s+❯◯ user \(2 events\)\s+◯ project \(1 event\)\s+◯ namespace\s+◯ feature_enabled_by_namespace_ids/,
    );
    terminal.type(`${KEY.space}${KEY.down}${KEY.space}${KEY.enter}`);
    await terminal.expect(/Property name \(empty for none\):/);
    terminal.type(`label${KEY.enter}`);
    await terminal.expect(/Description of label:/);
    terminal.type(`where the link was${KEY.enter}`);
    // label's type is GitLab's: not asked, and what can be added to a string is offered.
    await terminal.expect(/Also for label \(space to pick, Enter for none\):\s+❯◯ required: callers must pass it\s+◯ only some values \(enum\)\s+◯ a minimum length\s+◯ a maximum length\s+◯ a pattern/);
    terminal.type(KEY.enter);
    await terminal.expect(/Another property \(empty when done\):/);
    terminal.type(`size${KEY.enter}`);
    await terminal.expect(/Description of size:/);
    terminal.type(`bytes${KEY.enter}`);
    await terminal.expect(/Type of size:\s+❯ string or number \(GitLab's default\)\s+string\s+integer/);
    terminal.type(`${KEY.down}${KEY.down}${KEY.enter}`);
    await terminal.expect(/Also for size[^\n]*\s+❯◯ required: callers must pass it\s+◯ may be null\s+◯ only some values \(enum\)\s+◯ a minimum\s+◯ a maximum/);
    terminal.type(KEY.enter);
    await terminal.expect(/Another property \(empty when done\):/);
    terminal.type(KEY.enter);
    await terminal.expect(/Product group \(type to search, or a new name\):\s+❯ analytics_instrumentation \(1 event\)\s+source_code \(1 event\)/);
    terminal.type("sour");
    await terminal.expect(/❯ source_code \(1 event\)\s+sour \(a new group\)/);
    terminal.type(KEY.enter);
    await terminal.expect(/Tiers:\s+❯◉ free\s+◉ premium\s+◉ ultimate/);
    terminal.type(`${KEY.down}${KEY.down}${KEY.space}${KEY.enter}`);
    await terminal.expect(/Extra trackers \(called after InternalEvents, in the order listed\):\s+❯◯ Audit\s+◯ Gitlab::Tracking::AiTracking/);
    terminal.type(`${KEY.down}${KEY.space}${KEY.enter}`);
    await terminal.expect(/Milestone that introduces the event/);
    terminal.type(`18${KEY.enter}`);
    await terminal.expect(/a milestone looks like 18\.0/);
    terminal.type(`.3${KEY.enter}`);
    await terminal.expect(/URL of the merge request/);
    terminal.type(`https://gitlab.com/gitlab-org/gitlab/-/merge_requests/7${KEY.enter}`);
    await terminal.expect(/created definitions\/open_snippet\.yml/);
    expect(await terminal.exitCode).toBe(0);
    expect(readAction(dir, "open_snippet")).toBe(`description: 'A snippet is opened: from a link'
internal_events: true
action: open_snippet
identifiers:
  - user
  - project
additional_properties:
  label:
    description: where the link was
  size:
    description: bytes
    type: integer
product_group: source_code
milestone: '18.3'
introduced_by_url: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/7
tiers:
  - free
  - premium
extra_trackers:
  - tracking_class: Gitlab::Tracking::AiTracking
`);
  });

  it("asks only for what the flags leave out", async () => {
    const dir = project();
    const terminal = new TerminalSession(
      [
        "new",
        "quick_event",
        "--description",
        "Quick",
        "--product-group",
        "source_code",
        "--identifiers",
        "user",
        "--tiers",
        "free",
        "--milestone",
        "18.0",
        "--url",
        "",
      ],
      dir,
    );
    await terminal.expect(/Property name \(empty for none\):/);
    terminal.type(KEY.enter);
    await terminal.expect(/Extra trackers/);
    terminal.type(KEY.enter);
    await terminal.expect(/created definitions\/quick_event\.yml/);
    expect(await terminal.exitCode).toBe(0);
    expect(terminal.output).not.toMatch(/Description \(|Identifiers|Product group|Tiers|Milestone|URL of/);
    expect(readAction(dir, "quick_event")).toContain("product_group: source_code\nmilestone: '18.0'\nintroduced_by_url: null\ntiers:\n  - free\n");
  });

  it.each([
    ["a new group", "settings", "settings"],
    ["the start of a known group", "sour", "source_code"],
  ])("writes the product group it shows when %s and Enter arrive in one write (a paste)", async (_, typed, written) => {
    const dir = project();
    const args = ["new", "pasted_event", "--description", "Pasted", "--identifiers", "user", "--tiers", "free", "--milestone", "", "--url", ""];
    const terminal = new TerminalSession(args, dir);
    await terminal.expect(/Property name \(empty for none\):/);
    terminal.type(KEY.enter);
    await terminal.expect(/Product group \(type to search, or a new name\):\s+❯ analytics_instrumentation/);
    terminal.type(`${typed}${KEY.enter}`);
    await terminal.expect(new RegExp(`Product group[^\\n]*${written}`));
    await terminal.expect(/Extra trackers/);
    terminal.type(KEY.enter);
    await terminal.expect(/created definitions\/pasted_event\.yml/);
    expect(await terminal.exitCode).toBe(0);
    expect(readAction(dir, "pasted_event")).toContain(`product_group: ${written}\n`);
  });

  it("suggests the config's defaults as answers", async () => {
    const dir = project(`${CONFIG}defaults:\n  product_group: new_team\n  milestone: '17.9'\n  tiers: [premium]\n`);
    const terminal = new TerminalSession(["new", "defaulted_event", "--description", "Defaults", "--identifiers", "", "--tracker", "Audit"], dir);
    await terminal.expect(/Property name/);
    terminal.type(KEY.enter);
    await terminal.expect(/Product group[^\n]*\s+❯ new_team \(the config's default\)\s+analytics_instrumentation/);
    terminal.type(KEY.enter);
    await terminal.expect(/Tiers:\s+❯◯ free\s+◉ premium\s+◯ ultimate/);
    terminal.type(KEY.enter);
    await terminal.expect(/Milestone[^\n]*\(17\.9\)/);
    terminal.type(KEY.enter);
    await terminal.expect(/URL of the merge request/);
    terminal.type(KEY.enter);
    expect(await terminal.exitCode).toBe(0);
    expect(readAction(dir, "defaulted_event")).toContain(
      "product_group: new_team\nmilestone: '17.9'\nintroduced_by_url: null\ntiers:\n  - premium\nextra_trackers:\n  - tracking_class: Audit\n",
    );
  });

  it("writes nothing and exits 130 when the user presses Ctrl-C", async () => {
    const dir = project();
    const before = readdirSync(join(dir, "definitions"));
    const terminal = new TerminalSession(["new", "cancelled_event"], dir);
    await terminal.expect(/Description/);
    terminal.type(`Half an answer${KEY.enter}`);
    await terminal.expect(/Identifiers/);
    terminal.type(KEY.ctrlC);
    expect(await terminal.exitCode).toBe(130);
    expect(terminal.output).toContain("sit new: cancelled; nothing written");
    expect(existsSync(join(dir, "definitions", "cancelled_event.yml"))).toBe(false);
    expect(readdirSync(join(dir, "definitions"))).toEqual(before);
  });

  it("refuses a taken action before asking anything", async () => {
    const dir = project();
    const terminal = new TerminalSession(["new", "existing_event"], dir);
    expect(await terminal.exitCode).toBe(1);
    expect(terminal.output).toContain('sit new: action "existing_event" is already defined by definitions/existing_event.yml:3:9');
    expect(terminal.output).not.toContain("Description");
  });
});

const read = (dir: string, file: string): string => readFileSync(join(dir, "definitions", file), "utf8");

describe("sit new in a terminal, under a team's own plan", () => {
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

  it("asks for types, what they add (required, null, enum, bounds, pattern), items and object properties; not for keys the rules do not require", async () => {
    const dir = makeProject({
      "sit.config.yaml": PLAN,
      "src/processors.ts": "export const Collector = { trackEvent(): void {} };\nexport const Audit = { trackEvent(): void {} };\n",
    });
    const terminal = new TerminalSession(["new", "Order Completed"], dir);
    await terminal.expect(/Description \(what happened, as one sentence\):/);
    terminal.type(`An order is paid${KEY.enter}`);
    await terminal.expect(/Identifiers the event is tracked with:\s+❯◯ project\s+◯ namespace\s+◯ user \(from the tracking context\)\s+◯ feature_enabled_by_namespace_ids\s+◯ account/);
    terminal.type(`${KEY.down}${KEY.down}${KEY.space}${KEY.down}${KEY.down}${KEY.space}${KEY.enter}`);

    await terminal.expect(/Property name \(empty for none\):/);
    terminal.type(`products${KEY.enter}`);
    await terminal.expect(/Description of products:/);
    terminal.type(`what was bought${KEY.enter}`);
    await terminal.expect(/Type of products:\s+❯ string or number \(GitLab's default\)\s+string\s+integer\s+number\s+boolean\s+array\s+object/);
    terminal.type(`${KEY.down.repeat(5)}${KEY.enter}`);
    await terminal.expect(/Also for products[^\n]*\s+❯◯ required: callers must pass it\s+◯ may be null\s*\n/);
    terminal.type(`${KEY.space}${KEY.enter}`);
    await terminal.expect(/Type of products\[\]:/);
    terminal.type(`${KEY.down.repeat(6)}${KEY.enter}`);
    await terminal.expect(/Also for products\[\][^\n]*\s+❯◯ may be null\s*\n/); // items are never required
    terminal.type(KEY.enter);
    await terminal.expect(/First property of products\[\]:/);
    terminal.type(KEY.enter);
    await terminal.expect(/an object needs at least one property/);
    terminal.type(`sku${KEY.enter}`);
    await terminal.expect(/Description of products\[\]\.sku:/);
    terminal.type(`stock keeping unit${KEY.enter}`);
    await terminal.expect(/Type of products\[\]\.sku:/);
    terminal.type(`${KEY.down}${KEY.enter}`);
    await terminal.expect(/Also for products\[\]\.sku[^\n]*\s+❯◯ required[^\n]*\s+◯ may be null\s+◯ only some values \(enum\)\s+◯ a minimum length\s+◯ a maximum length\s+◯ a pattern/);
    terminal.type(`${KEY.space}${KEY.down.repeat(3)}${KEY.space}${KEY.down}${KEY.space}${KEY.down}${KEY.space}${KEY.enter}`);
    await terminal.expect(/Minimum length of products\[\]\.sku:/);
    terminal.type(`-1${KEY.enter}`);
    await terminal.expect(/a whole number, 0 or more/);
    terminal.type(`${KEY.backspace.repeat(2)}1${KEY.enter}`);
    await terminal.expect(/Maximum length of products\[\]\.sku:/);
    terminal.type(`40${KEY.enter}`);
    await terminal.expect(/Pattern of products\[\]\.sku/);
    terminal.type(`(${KEY.enter}`);
    await terminal.expect(/Invalid regular expression/);
    terminal.type(`${KEY.backspace}^[A-Z0-9-]+$${KEY.enter}`);
    await terminal.expect(/Another property of products\[\] \(empty when done\):/);
    terminal.type(`price${KEY.enter}`);
    await terminal.expect(/Description of products\[\]\.price:/);
    terminal.type(`unit price${KEY.enter}`);
    await terminal.expect(/Type of products\[\]\.price:/);
    terminal.type(`${KEY.down.repeat(3)}${KEY.enter}`);
    await terminal.expect(/Also for products\[\]\.price[^\n]*\s+❯◯ required[^\n]*\s+◯ may be null\s+◯ only some values \(enum\)\s+◯ a minimum\s+◯ a maximum/);
    terminal.type(`${KEY.down.repeat(3)}${KEY.space}${KEY.enter}`);
    await terminal.expect(/Minimum of products\[\]\.price:/);
    terminal.type(`zero${KEY.enter}`);
    await terminal.expect(/a number, like 0 or 9\.5/);
    terminal.type(`${KEY.backspace.repeat(4)}0${KEY.enter}`);
    await terminal.expect(/Another property of products\[\] \(empty when done\):/);
    terminal.type(KEY.enter);

    await terminal.expect(/Another property \(empty when done\):/);
    terminal.type(`Quantity${KEY.enter}`);
    await terminal.expect(/Description of Quantity:/);
    terminal.type(`units bought${KEY.enter}`);
    await terminal.expect(/Type of Quantity:/);
    terminal.type(`${KEY.down.repeat(2)}${KEY.enter}`);
    await terminal.expect(/Also for Quantity/);
    terminal.type(`${KEY.space}${KEY.down.repeat(3)}${KEY.space}${KEY.down}${KEY.space}${KEY.enter}`);
    await terminal.expect(/Minimum of Quantity:/);
    terminal.type(`1${KEY.enter}`);
    await terminal.expect(/Maximum of Quantity:/);
    terminal.type(`0${KEY.enter}`);
    await terminal.expect(/not below 1, the lower bound/);
    terminal.type(`${KEY.backspace}99${KEY.enter}`);

    await terminal.expect(/Another property \(empty when done\):/);
    terminal.type(`state${KEY.enter}`);
    await terminal.expect(/Description of state:/);
    terminal.type(`of the payment${KEY.enter}`);
    await terminal.expect(/Type of state:/);
    terminal.type(`${KEY.down}${KEY.enter}`);
    await terminal.expect(/Also for state/);
    terminal.type(`${KEY.down}${KEY.space}${KEY.down}${KEY.space}${KEY.enter}`);
    await terminal.expect(/A value state may have:/);
    terminal.type(KEY.enter);
    await terminal.expect(/give at least one value/);
    terminal.type(`paid${KEY.enter}`);
    await terminal.expect(/Another value state may have \(empty when done\):/);
    terminal.type(`pending${KEY.enter}`);
    await terminal.expect(/Another value state may have/);
    terminal.type(`paid${KEY.enter}`);
    await terminal.expect(/"paid" is listed already/);
    terminal.type(`${KEY.backspace.repeat(4)}${KEY.enter}`);

    await terminal.expect(/Another property \(empty when done\):/);
    terminal.type(`constructor${KEY.enter}`);
    await terminal.expect(/"constructor" cannot be used: every JavaScript object has it already/);
    terminal.type(`${KEY.backspace.repeat("constructor".length)}${KEY.enter}`);
    await terminal.expect(/Extra trackers \(called after Shop::Collector, in the order listed\):\s+❯◯ Shop::Audit/);
    terminal.type(KEY.enter);
    await terminal.expect(/created definitions\/order_completed\.yml/);
    expect(await terminal.exitCode).toBe(0);
    expect(terminal.output).not.toMatch(/Product group|Tiers:|Milestone|URL of/);
    expect(read(dir, "order_completed.yml")).toBe(`description: An order is paid
internal_events: true
action: Order Completed
identifiers:
  - user
  - account
additional_properties:
  products:
    description: what was bought
    type: array
    required: true
    items:
      type: object
      properties:
        sku:
          description: stock keeping unit
          type: string
          required: true
          minLength: 1
          maxLength: 40
          pattern: ^[A-Z0-9-]+$
        price:
          description: unit price
          type: number
          minimum: 0
  Quantity:
    description: units bought
    type: integer
    required: true
    minimum: 1
    maximum: 99
  state:
    description: of the payment
    type: [string, 'null']
    enum: [paid, pending, null]
`);
    expect(runCli(["validate"], dir)).toMatchObject({ code: 0, stderr: "no problems (1 definition file checked)" });
    expect(runCli(["generate"], dir).code).toBe(0);
  });

  it("offers the rules' tiers when the rules require tiers", async () => {
    const dir = makeProject({
      "sit.config.yaml": PLAN.replace("required: [description, action]", "required: [description, action, tiers]"),
      "src/processors.ts": "export const Collector = { trackEvent(): void {} };\nexport const Audit = { trackEvent(): void {} };\n",
    });
    const terminal = new TerminalSession(["new", "Cart Viewed", "--description", "A cart is shown", "--identifiers", "", "--tracker", "Shop::Audit"], dir);
    await terminal.expect(/Property name \(empty for none\):/);
    terminal.type(KEY.enter);
    await terminal.expect(/Tiers:\s+❯◉ starter\s+◉ pro\s+◉ enterprise/);
    terminal.type(`${KEY.space}${KEY.enter}`);
    await terminal.expect(/created definitions\/cart_viewed\.yml/);
    expect(await terminal.exitCode).toBe(0);
    expect(read(dir, "cart_viewed.yml")).toBe("description: A cart is shown\ninternal_events: true\naction: Cart Viewed\ntiers:\n  - pro\n  - enterprise\nextra_trackers:\n  - tracking_class: Shop::Audit\n");
  });

  it("stops offering arrays and objects at the depth validation allows", async () => {
    const dir = makeProject({ "sit.config.yaml": PLAN, "src/processors.ts": "export const Collector = { trackEvent(): void {} };\nexport const Audit = { trackEvent(): void {} };\n" });
    const terminal = new TerminalSession(["new", "Deep", "--description", "d", "--identifiers", "account", "--tracker", "Shop::Audit"], dir);
    await terminal.expect(/Property name/);
    terminal.type(`deep${KEY.enter}`);
    await terminal.expect(/Description of deep:/);
    terminal.type(`sixteen lists down${KEY.enter}`);
    for (let depth = 0; depth < 16; depth++) {
      await terminal.expect(new RegExp(`Type of deep${"\\[\\]".repeat(depth)}:\\s+❯ string or number[^]*array\\s+object`));
      terminal.type(`${KEY.down.repeat(5)}${KEY.enter}`);
      await terminal.expect(/Also for deep/);
      terminal.type(KEY.enter);
    }
    await terminal.expect(/Type of deep(\[\]){16}:\s+❯ string or number \(GitLab's default\)\s+string\s+integer\s+number\s+boolean\s+any\s/);
    terminal.type(`${KEY.down}${KEY.enter}`);
    await terminal.expect(/Also for deep/);
    terminal.type(KEY.enter);
    await terminal.expect(/Another property/);
    terminal.type(KEY.enter);
    await terminal.expect(/created definitions\/deep\.yml/);
    expect(await terminal.exitCode).toBe(0);
    expect(runCli(["validate"], dir)).toMatchObject({ code: 0, stderr: "no problems (1 definition file checked)" });
  });
});

describe("sit new in a terminal, for an action that needs its own function name", () => {
  it("asks for it first, checking it as validation will, against the other events' too", async () => {
    const dir = project();
    const flags = ["--description", "d", "--product-group", "source_code", "--identifiers", "", "--tiers", "free", "--milestone", "", "--url", ""];
    const terminal = new TerminalSession(["new", "event", ...flags], dir);
    // Long messages wrap at the terminal's width.
    await terminal.expect(/Function name, like trackSomething \(action "event" would generate\s+`trackEvent`, which the SDK already uses for its own API\):/);
    terminal.type(`trackExistingEvent${KEY.enter}`);
    await terminal.expect(/actions "existing_event" \(definitions\/existing_event\.yml\) and "event"\s+both\s+generate\s+`trackExistingEvent`/);
    terminal.type(`${KEY.backspace.repeat("ExistingEvent".length)}EventHappened${KEY.enter}`);
    await terminal.expect(/Property name \(empty for none\):/);
    terminal.type(KEY.enter);
    await terminal.expect(/Extra trackers/);
    terminal.type(KEY.enter);
    await terminal.expect(/created definitions\/event\.yml/);
    expect(await terminal.exitCode).toBe(0);
    expect(read(dir, "event.yml")).toMatch(/^description: d\ninternal_events: true\naction: event\nfunction_name: trackEventHappened\nproduct_group: source_code\n/);
  });
});
