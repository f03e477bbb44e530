import { runSit } from "../helpers/project";

describe("sit --help", () => {
  const COMMANDS = ["generate", "validate", "init", "new", "import", "schema", "docs", "diff", "usage", "inspect"];

  it.each([[["--help"]], ...COMMANDS.map((command) => [[command, "--help"]])])("%j prints usage with an example and exits 0", (args) => {
    const result = runSit(args, process.cwd());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: sit/);
    expect(result.stdout).toMatch(/Examples?:/);
    if (args.length > 1) expect(result.stdout).toMatch(/Exit codes?:/);
  });

  it("lists every command in the overview", () => {
    const overview = runSit(["--help"], process.cwd()).stdout;
    for (const command of COMMANDS) expect(overview).toMatch(new RegExp(`^  ${command}\\b`, "m"));
  });

  it("exits 2 on an unknown command or option", () => {
    expect(runSit(["generat"], process.cwd()).code).toBe(2);
    expect(runSit(["generate", "--chek"], process.cwd()).code).toBe(2);
  });

  it("does not load zod, ts-morph, prettier or typescript for --help", () => {
    const script = `require(${JSON.stringify(require.resolve("../../dist/cli/main.js"))}).main(["--help"], { out() {}, err() {} });
      const loaded = Object.keys(require.cache).filter((path) => /node_modules\\/(zod|ts-morph|prettier|typescript)\\//.test(path));
      process.stdout.write(JSON.stringify(loaded));`;
    const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
    const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
