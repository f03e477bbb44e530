import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeGenerated } from "../../src/index";
import { headed } from "../../src/write/ownership-header";
import { ForeignFileError } from "../../src/write/write-output";
import { definition, runCli, writeFiles } from "../helpers/project";
import { makeSdkProject, readText, SDK_FILES, snapshotFolder, touchedEntries } from "./output-folder";

const USER_FILES = {
  "generated/helpers.ts": "export const mine = 1;\n",
  "generated/README.md": "# my notes\n",
  "generated/.gitignore": "!*\n",
};

describe("ownership of the output folder", () => {
  it("leaves a user's own files (no sit header) untouched, on the first run and after", () => {
    const project = makeSdkProject(USER_FILES);
    const output = join(project, "generated");
    const userNames = Object.keys(USER_FILES).map((path) => path.slice("generated/".length));
    const before = snapshotFolder(output);

    expect(runCli(["generate"], project).code).toBe(0);
    const afterFirst = snapshotFolder(output);
    expect(touchedEntries(before, afterFirst)).toEqual(SDK_FILES);

    writeFiles(project, { "definitions/view_snippet.yml": definition("view_snippet") });
    expect(runCli(["generate"], project).code).toBe(0);
    const afterSecond = snapshotFolder(output);
    for (const name of userNames) expect(afterSecond[name]).toEqual(before[name]);
    expect(runCli(["generate", "--check"], project).code).toBe(0);
  });

  it("never overwrites a user's file whose name collides with a generated one", () => {
    const project = makeSdkProject({ "generated/index.ts": "export const myEvents = [];\n" });
    const output = join(project, "generated");
    const before = snapshotFolder(output);

    for (const args of [["generate"], ["generate", "--check"]]) {
      const result = runCli(args, project);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        "generated/index.ts: error SIT044: this file has the name of a generated file but not sit's header line, so sit will not overwrite it\n" +
          "  hint: move it out of generated/; if sit generated it and its header line was removed, delete it and run `npx sit generate`",
      );
      expect(result.stderr).toContain("sit will not overwrite files it did not generate; nothing written");
      expect(snapshotFolder(output)).toEqual(before);
    }
  });

  it("reports the collision in --json output", () => {
    const project = makeSdkProject({ "generated/index.ts": "export {};\n" });
    const result = runCli(["generate", "--json"], project);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      mode: "generate",
      status: "conflict",
      diagnostics: [{ file: "generated/index.ts", line: 0, column: 0, severity: "error", code: "SIT044" }],
      changes: [],
    });
  });

  it("treats a folder in the way of a generated file as a collision, not a failed write", () => {
    const project = makeSdkProject();
    expect(runCli(["generate"], project).code).toBe(0);
    const output = join(project, "generated");
    writeFiles(project, { "definitions/view_snippet.yml": definition("view_snippet") });
    // runtime.ts becomes a folder: it is renamed last, so failing only then would leave a mix.
    rmSync(join(output, "runtime.ts"));
    mkdirSync(join(output, "runtime.ts"));
    const before = snapshotFolder(output);

    const result = runCli(["generate"], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("generated/runtime.ts: error SIT044: this file has the name of a generated file but not sit's header line");
    expect(snapshotFolder(output)).toEqual(before);
  });

  it("does not read a named pipe called like a .ts file (it would block), and refuses to replace one", () => {
    const project = makeSdkProject();
    const output = join(project, "generated");
    mkdirSync(output);
    execFileSync("mkfifo", [join(output, "pipe.ts"), join(output, "index.ts")]);
    const result = runCli(["generate"], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("generated/index.ts: error SIT044");
    expect(result.stderr).not.toContain("pipe.ts");
  });

  it("refuses in the library API too: writeGenerated never replaces a user's file", () => {
    const project = makeSdkProject({ "generated/catalog.ts": "export const mine = true;\n" });
    const output = join(project, "generated");
    const before = snapshotFolder(output);
    const files = SDK_FILES.map((path) => headed(path, [Buffer.from(`// ${path}\n`)]));
    expect(() => writeGenerated(output, files)).toThrow(ForeignFileError);
    expect(snapshotFolder(output)).toEqual(before);
  });

  it("deletes stale files that carry sit's header, edited or not, and keeps the rest", () => {
    const project = makeSdkProject(USER_FILES);
    expect(runCli(["generate"], project).code).toBe(0);
    const output = join(project, "generated");
    copyFileSync(join(output, "index.ts"), join(output, "legacy.ts"));
    writeFileSync(join(output, "old-index.ts"), `${readText(output, "index.ts")}// edited by hand\n`);
    const before = snapshotFolder(output);

    const result = runCli(["generate"], project);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("removed 2 (legacy.ts, old-index.ts)");
    expect(touchedEntries(before, snapshotFolder(output))).toEqual(["legacy.ts", "old-index.ts"]);
    expect(existsSync(join(output, "helpers.ts"))).toBe(true);
  });

  it("considers only top-level files: a sit file in a subfolder is neither stale nor deleted", () => {
    const project = makeSdkProject();
    expect(runCli(["generate"], project).code).toBe(0);
    const output = join(project, "generated");
    mkdirSync(join(output, "v1"));
    copyFileSync(join(output, "index.ts"), join(output, "v1", "index.ts"));
    mkdirSync(join(output, ".sit-tmp-1-0123456789abcdef-a-folder.tmp"));
    const nested = snapshotFolder(join(output, "v1"));

    expect(runCli(["generate", "--check"], project).code).toBe(0);
    expect(runCli(["generate"], project).code).toBe(0);
    expect(snapshotFolder(join(output, "v1"))).toEqual(nested);
    expect(existsSync(join(output, ".sit-tmp-1-0123456789abcdef-a-folder.tmp"))).toBe(true);
  });

  it("still owns its files after a checkout turned their line endings into CRLF", () => {
    const project = makeSdkProject();
    expect(runCli(["generate"], project).code).toBe(0);
    const output = join(project, "generated");
    const lf = Object.fromEntries(SDK_FILES.map((name) => [name, readText(output, name)]));
    for (const name of SDK_FILES) writeFileSync(join(output, name), lf[name]!.replace(/\n/g, "\r\n"));

    const check = runCli(["generate", "--check"], project);
    expect(check.code).toBe(1);
    for (const name of SDK_FILES) expect(check.stderr).toContain(`differs from what sit generates (out of date or edited by hand): generated/${name}`);
    expect(runCli(["generate"], project).code).toBe(0);
    for (const name of SDK_FILES) expect(readText(output, name)).toBe(lf[name]);
  });
});
