import Ajv2020 from "ajv/dist/2020";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { renderDefinitionJsonSchema } from "../../src/schema/definition-json-schema";
import { definition, makeProject, runCli } from "../helpers/project";

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
      stderr: "sit: cannot write taken/readme.txt/schema.json: a file stands where a folder is needed",
    });
    expect(readdirSync(join(project, "taken")).sort()).toEqual(["readme.txt", "schema.json"]);
    expect(existsSync(join(project, "taken/schema.json/.schema.json"))).toBe(false);
  });

  it("has --help with an example and exit codes", () => {
    const result = runCli(["schema", "--help"], makeProject({}));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: sit schema \[options\]/);
    expect(result.stdout).toMatch(/# yaml-language-server: \$schema=/);
    expect(result.stdout).toMatch(/Exit codes: 0 /);
  });

  it("exits 2 on an unknown option", () => {
    expect(runCli(["schema", "--outt", "x.json"], makeProject({})).code).toBe(2);
  });
});
