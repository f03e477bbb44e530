import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { definition, makeProject, runCli, runSit, writeFiles } from "../helpers/project";

const CONFIG = `processors:
  InternalEvents: { module: "@acme/tracking", export: InternalEvents }
defaultProcessors: [InternalEvents]
`;

describe("finding the project", () => {
  it("uses the nearest sit.config.* in a parent folder, naming files from where sit runs", () => {
    const root = makeProject({ "sit.config.yaml": CONFIG, "definitions/a.yml": definition("a").replace("tiers:\n  - free", "tiers: []") });
    mkdirSync(join(root, "src", "feature"), { recursive: true });
    const result = runCli(["validate"], join(root, "src", "feature"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("../../definitions/a.yml:9:8: error SIT013: `tiers` must not be empty");
    expect(runCli(["generate"], join(root, "src", "feature")).code).toBe(1);
  });

  it("writes the output the found config names, relative to the config, from any subfolder", () => {
    const root = makeProject({ "sit.config.yaml": CONFIG, "definitions/a.yml": definition("a") });
    mkdirSync(join(root, "deep", "er"), { recursive: true });
    expect(runCli(["generate"], join(root, "deep", "er"))).toMatchObject({ code: 0, stderr: expect.stringContaining("../../generated/: 1 event; wrote 6") });
    expect(runCli(["generate", "--check"], root)).toMatchObject({ code: 0 });
  });

  it("stops at the repository root: a config above it is another project's", () => {
    const outer = makeProject({ "sit.config.yaml": CONFIG, "definitions/a.yml": definition("a") });
    const repo = join(outer, "vendor", "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    mkdirSync(join(repo, "app"));
    const result = runSit(["validate"], join(repo, "app"));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      ".: error SIT043: no sit.config.yaml in this folder or its parents up to the repository root, and no definitions/ folder here\n" +
        "  hint: run `npx sit init` to start a tracking plan here, cd into the project, or pass --config path/to/sit.config.yaml\n" +
        "1 error and 0 warnings in 1 file (0 definition files checked)\n",
    );
    // The repository's own config, even in its root, is found.
    writeFiles(repo, { "sit.config.yaml": CONFIG, "definitions/b.yml": definition("b") });
    expect(runCli(["validate"], join(repo, "app"))).toMatchObject({ code: 0 });
  });

  it("works without a config where a definitions/ folder is, with every default", () => {
    const root = makeProject({ "definitions/a.yml": definition("a") });
    mkdirSync(join(root, ".git"));
    const result = runCli(["generate"], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning SIT029: there is no sit.config.yaml, so no defaultProcessors are configured");
  });

  it("exits 2 from generate too when there is no project", () => {
    const root = makeProject({});
    mkdirSync(join(root, ".git"));
    const result = runSit(["generate"], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error SIT043");
  });
});

describe("sit validate with files", () => {
  const project = () =>
    makeProject({
      "sit.config.yaml": CONFIG,
      "definitions/good.yml": definition("good"),
      "definitions/bad.yml": definition("bad").replace("tiers:\n  - free", "tiers: [gold]"),
      "definitions/renamed.yml": definition("renamed_one"),
      "definitions/twin.yml": definition("good").replace("description: good happened", "description: the same action again"),
    });

  it("reports on the named files only", () => {
    const result = runCli(["validate", "definitions/bad.yml"], project());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'definitions/bad.yml:9:9: error SIT013: `tiers[0]` is "gold"; expected one of free, premium, ultimate\n1 error and 0 warnings in 1 file (1 definition file checked)',
    );
  });

  it("includes the checks across files a named file takes part in, whichever side it is on", () => {
    const dir = project();
    const first = runCli(["validate", "definitions/good.yml"], dir);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('definitions/twin.yml:3:9: error SIT015: action "good" is already defined by definitions/good.yml');
    expect(first.stderr).not.toContain("bad.yml");
    const second = runCli(["validate", "definitions/twin.yml", "definitions/renamed.yml"], dir);
    expect(second.stderr).toContain("error SIT015");
    expect(second.stderr).toContain("definitions/renamed.yml:3:9: warning SIT022");
    expect(second.stderr).toContain("(2 definition files checked)");
  });

  it("passes when the named files are fine, whatever the others hold", () => {
    const dir = project();
    writeFileSync(join(dir, "definitions", "twin.yml"), definition("twin"));
    expect(runCli(["validate", "definitions/good.yml"], dir)).toEqual({ code: 0, stdout: "", stderr: "no problems (1 definition file checked)" });
  });

  it("refuses a file that is no definition sit reads, and one that does not exist", () => {
    const dir = project();
    writeFiles(dir, { "notes/a.yml": definition("a"), "definitions/readme.md": "# notes\n" });
    const result = runCli(["validate", "notes/a.yml", "definitions/readme.md", "definitions/gone.yml"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").slice(0, 3)).toEqual([
      "notes/a.yml: error SIT032: not in the definitions folder, so sit does not read it as a definition",
      "definitions/readme.md: error SIT032: not a definition: definitions are .yml or .yaml files",
      "definitions/gone.yml: error SIT007: cannot read file: no such file",
    ]);
  });

  it("names files relative to where it runs, as lint-staged passes them", () => {
    const dir = project();
    mkdirSync(join(dir, "src"));
    const result = runCli(["validate", "../definitions/bad.yml", "--json"], join(dir, "src"));
    expect(JSON.parse(result.stdout).diagnostics.map((diagnostic: { file: string }) => diagnostic.file)).toEqual(["../definitions/bad.yml"]);
  });
});
