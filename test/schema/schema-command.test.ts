import Ajv2020 from "ajv/dist/2020";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { loadProject } from "../../src/index";
import { renderDefinitionJsonSchema } from "../../src/schema/definition-json-schema";
import { GITLAB_VOCABULARY } from "../../src/validate/vocabulary";
import { definition, makeProject, REPO_ROOT, runCli } from "../helpers/project";

const SHOP = join(REPO_ROOT, "test", "e2e", "shop");

/** A validator of the schema a run printed, and the definitions of a folder as an editor reads them. */
const validatorOf = (printed: string) => new Ajv2020({ strict: false }).compile(JSON.parse(printed));
const definitionsOf = (folder: string): [string, unknown][] => readdirSync(folder).map((name) => [name, load(readFileSync(join(folder, name), "utf8"))]);

describe("sit schema", () => {
  it("prints the schema's exact bytes on stdout", () => {
    const result = runCli(["schema"], makeProject({}));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(`${result.stdout}\n`).toBe(renderDefinitionJsonSchema());
  });

  it("writes --out atomically into new folders, then leaves an unchanged file alone", () => {
    const project = makeProject({});
    const first = runCli(["schema", "--out", "schemas/editor/sit-definition.schema.json"], project);
    expect(first).toEqual({ code: 0, stdout: "", stderr: "wrote schemas/editor/sit-definition.schema.json" });
    const path = join(project, "schemas/editor/sit-definition.schema.json");
    expect(readFileSync(path, "utf8")).toBe(renderDefinitionJsonSchema());
    expect(readdirSync(join(project, "schemas/editor"))).toEqual(["sit-definition.schema.json"]);
    const mtime = statSync(path).mtimeMs;
    expect(runCli(["schema", "--out", "schemas/editor/sit-definition.schema.json"], project).stderr).toBe("schemas/editor/sit-definition.schema.json is up to date");
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it("writes a schema that validates a definition file, as an editor would use it", () => {
    const project = makeProject({ "definitions/create_snippet.yml": definition("create_snippet") });
    runCli(["schema", "--out", "sit-definition.schema.json"], project);
    const ajv = new Ajv2020({ strict: false });
    const accepts = ajv.compile(JSON.parse(readFileSync(join(project, "sit-definition.schema.json"), "utf8")));
    expect(accepts(load(readFileSync(join(project, "definitions/create_snippet.yml"), "utf8")))).toBe(true);
    expect(accepts(load(definition("create_snippet", "tier: [free]\n")))).toBe(false);
  });

  it("exits 2 with a reason when the file cannot be written", () => {
    const project = makeProject({ "taken/readme.txt": "x\n" });
    mkdirSync(join(project, "taken/schema.json"));
    expect(runCli(["schema", "--out", "taken/schema.json"], project)).toEqual({ code: 2, stdout: "", stderr: "sit: cannot write taken/schema.json: it is a folder" });
    expect(runCli(["schema", "--out", "taken/readme.txt/schema.json"], project)).toEqual({
      code: 2,
      stdout: "",
      stderr: "sit: cannot write taken/readme.txt/schema.json: a part of the path is a file, not a folder",
    });
    expect(readdirSync(join(project, "taken")).sort()).toEqual(["readme.txt", "schema.json"]);
    expect(existsSync(join(project, "taken/schema.json/.schema.json"))).toBe(false);
  });

  it("describes the definitions of the project it runs in: the config's identifiers, tiers, required keys and names", () => {
    const shop = loadProject({ cwd: SHOP }).config!;
    const result = runCli(["schema"], join(SHOP, "definitions"));
    expect(result).toEqual({ code: 0, stdout: renderDefinitionJsonSchema({ vocabulary: shop.vocabulary, gitlabStrict: false }).slice(0, -1), stderr: "" });
    expect(result.stdout).not.toBe(renderDefinitionJsonSchema().slice(0, -1));
    const accepts = validatorOf(result.stdout);
    const definitions = definitionsOf(join(SHOP, "definitions"));
    expect(definitions.length).toBe(4);
    expect(definitions.filter(([, data]) => !accepts(data)).map(([name]) => name)).toEqual([]);
    expect(accepts(load(definition("create_snippet")))).toBe(false);
  });

  it("reads the config --config names, from anywhere", () => {
    const elsewhere = makeProject({});
    expect(runCli(["schema", "--config", join(SHOP, "sit.config.yaml")], elsewhere).stdout).toBe(runCli(["schema"], SHOP).stdout);
  });

  it("prints GitLab's own format with --gitlab-strict, whatever the config says", () => {
    const result = runCli(["schema", "--gitlab-strict"], SHOP);
    expect(result).toEqual({ code: 0, stdout: renderDefinitionJsonSchema({ vocabulary: GITLAB_VOCABULARY, gitlabStrict: true }).slice(0, -1), stderr: "" });
    const accepts = validatorOf(result.stdout);
    expect(definitionsOf(join(SHOP, "definitions")).filter(([, data]) => accepts(data))).toEqual([]);
    expect(accepts(load(definition("create_snippet")))).toBe(true);
    expect(accepts(load(definition("create_snippet", "additional_properties:\n  label:\n    type: string\n")))).toBe(false);
    expect(accepts(load(definition("create_snippet", "function_name: trackSnippet\n")))).toBe(false);
  });

  it("writes nothing and exits 1 for an invalid config, 2 for a config that is not there or with --gitlab-strict", () => {
    const project = makeProject({ "sit.config.yaml": "rules:\n  tiers: []\n  eventNames: kebab\n", "definitions/.keep": "" });
    const invalid = runCli(["schema", "--out", "schema.json"], project);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe("");
    expect(invalid.stderr).toMatch(/^sit\.config\.yaml:2:10: error SIT041: .*\n[\s\S]*sit\.config\.yaml:3:15: error SIT041: [\s\S]*\nsit schema: 2 errors and 0 warnings in 1 file; nothing written$/);
    expect(existsSync(join(project, "schema.json"))).toBe(false);
    expect(runCli(["schema", "--config", "missing.yaml"], project)).toEqual({
      code: 2,
      stdout: "",
      stderr: "missing.yaml: error SIT040: config file not found\nsit schema: 1 error and 0 warnings in 1 file; nothing written",
    });
    expect(runCli(["schema", "--gitlab-strict", "--config", "sit.config.yaml"], project).code).toBe(2);
  });

  it("has --help with examples and exit codes", () => {
    const result = runCli(["schema", "--help"], makeProject({}));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: sit schema \[options\]/);
    expect(result.stdout).toMatch(/--gitlab-strict/);
    expect(result.stdout).toMatch(/\$ npx sit schema --gitlab-strict --out /);
    expect(result.stdout).toMatch(/# yaml-language-server: \$schema=/);
    expect(result.stdout).toMatch(/Exit codes: 0 /);
  });

  it("exits 2 on an unknown option", () => {
    expect(runCli(["schema", "--outt", "x.json"], makeProject({})).code).toBe(2);
  });
});
