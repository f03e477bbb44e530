import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { makeProject, REPO_ROOT, runSit } from "../helpers/project";

/** The modules under node_modules that `sit <args>` loads, run in `cwd` without a terminal. */
function loadedPackages(args: readonly string[], cwd: string): string[] {
  const script = `require(${JSON.stringify(join(REPO_ROOT, "dist/cli/main.js"))}).main(${JSON.stringify(args)}, { out() {}, err() {} });
    process.stdout.write(JSON.stringify([...new Set(Object.keys(require.cache).map((path) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(path)?.[1]).filter(Boolean))]));`;
  const result = spawnSync(process.execPath, ["-e", script], { cwd, encoding: "utf8" });
  return JSON.parse(result.stdout) as string[];
}

describe("sit init and sit new on the command line", () => {
  it.each([[["init", "--help"]], [["new", "--help"]]])("%j prints usage with examples and exit codes", (args) => {
    const result = runSit(args, process.cwd());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: sit (init|new)/);
    expect(result.stdout).toMatch(/Examples:\n  \$ npx sit/);
    expect(result.stdout).toMatch(/Exit codes: 0 /);
  });

  it("lists both commands in sit --help", () => {
    expect(runSit(["--help"], process.cwd()).stdout).toMatch(
      /\n  init \[options\] \[dir\] +scaffold a project[^]+\n  new \[options\] <action> +write a new event definition/,
    );
  });

  it("loads the prompt library only to ask", () => {
    expect(loadedPackages(["--help"], REPO_ROOT)).not.toContain("@inquirer/prompts");
    expect(loadedPackages(["new", "--help"], REPO_ROOT)).not.toContain("@inquirer/prompts");
    const dir = makeProject({});
    const packages = loadedPackages(["new", "quiet_event", "--description", "d", "--product-group", "g"], dir);
    expect(packages).toContain("zod"); // it did validate the new file…
    expect(packages.filter((name) => name.startsWith("@inquirer"))).toEqual([]); // …without loading any prompt
  });

  it("exits 2 on a missing action or an unknown option", () => {
    expect(runSit(["new"], process.cwd()).code).toBe(2);
    expect(runSit(["init", "--forse"], process.cwd()).code).toBe(2);
  });
});
