import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { definition, makeProject } from "../helpers/project";
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

const read = (dir: string, action: string): string => readFileSync(join(dir, "definitions", `${action}.yml`), "utf8");

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
    await terminal.expect(/Another property \(empty when done\):/); // label's type is GitLab's: not asked
    terminal.type(`size${KEY.enter}`);
    await terminal.expect(/Description of size:/);
    terminal.type(`bytes${KEY.enter}`);
    await terminal.expect(/Type of size:\s+❯ string or number \(GitLab's default\)\s+string\s+integer/);
    terminal.type(`${KEY.down}${KEY.down}${KEY.enter}`);
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
    expect(read(dir, "open_snippet")).toBe(`description: 'A snippet is opened: from a link'
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
    expect(read(dir, "quick_event")).toContain("product_group: source_code\nmilestone: '18.0'\nintroduced_by_url: null\ntiers:\n  - free\n");
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
    expect(read(dir, "pasted_event")).toContain(`product_group: ${written}\n`);
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
    expect(read(dir, "defaulted_event")).toContain(
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
