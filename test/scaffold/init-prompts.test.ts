import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { makeProject, REPO_ROOT } from "../helpers/project";
import { KEY, TerminalSession } from "./terminal-session";

const QUESTION =
  /Whose conventions do the event definitions follow\?\s+❯ GitLab's: snake_case names, its identifiers, tiers and required keys\s+our own: any names, our own identifiers, tiers and required keys\s/;
const template = (name: string): string => readFileSync(join(REPO_ROOT, "templates", "init", name), "utf8");

describe("sit init in a terminal", () => {
  it.each([
    ["GitLab's", "", "sit.config.yaml", "definitions/view_home_page.yml"],
    ["its own", KEY.down, "sit.config.own.yaml", "definitions/home_page_viewed.yml"],
  ])("asks whose conventions the definitions follow, and writes %s", async (_, keys, configTemplate, example) => {
    const dir = makeProject({});
    const terminal = new TerminalSession(["init"], dir);
    await terminal.expect(QUESTION);
    terminal.type(`${keys}${KEY.enter}`);
    await terminal.expect(new RegExp(`created ${example}`));
    await terminal.expect(/Next steps:/);
    expect(await terminal.exitCode).toBe(0);
    expect(readFileSync(join(dir, "sit.config.yaml"), "utf8")).toBe(template(configTemplate));
    expect(readdirSync(join(dir, "definitions"))).toEqual([example.slice("definitions/".length)]);
  });

  it("does not ask when --conventions says", async () => {
    const dir = makeProject({});
    const terminal = new TerminalSession(["init", "--conventions", "own"], dir);
    await terminal.expect(/created definitions\/home_page_viewed\.yml/);
    expect(await terminal.exitCode).toBe(0);
    expect(terminal.output).not.toContain("Whose conventions");
  });

  it("writes nothing and exits 130 when the user presses Ctrl-C", async () => {
    const dir = makeProject({});
    const terminal = new TerminalSession(["init"], dir);
    await terminal.expect(QUESTION);
    terminal.type(KEY.ctrlC);
    expect(await terminal.exitCode).toBe(130);
    expect(terminal.output).toContain("sit init: cancelled; nothing written");
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, "sit.config.yaml"))).toBe(false);
  });
});
