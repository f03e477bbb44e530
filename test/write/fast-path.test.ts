import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as emitSdkModule from "../../src/emit/emit-sdk";
import { definition, runCli, runSit, writeFiles } from "../helpers/project";
import { CONFIG, CONFIG_WITH_AUDIT, makeSdkProject, readText, snapshotFolder } from "./output-folder";

/** Counts the runs that emitted the SDK: the fast path must not, and nothing else may skip it. */
const emitted = jest.spyOn(emitSdkModule, "emitSdk");
beforeEach(() => emitted.mockClear());

function generatedProject(): { project: string; output: string } {
  const project = makeSdkProject();
  expect(runCli(["generate"], project).code).toBe(0);
  emitted.mockClear();
  return { project, output: join(project, "generated") };
}

const replaceIn = (output: string, name: string, from: string | RegExp, to: string): void => {
  const before = readText(output, name);
  const after = before.replace(from, to);
  expect(after).not.toBe(before);
  writeFileSync(join(output, name), after);
};

describe("the fast path", () => {
  it("finishes --check and generate without emitting when nothing changed", () => {
    const { project, output } = generatedProject();
    const before = snapshotFolder(output);
    for (const args of [["generate", "--check"], ["generate"]]) {
      expect(runCli(args, project)).toEqual({ code: 0, stdout: "", stderr: "generated/ is up to date" });
    }
    expect(emitted).not.toHaveBeenCalled();
    expect(snapshotFolder(output)).toEqual(before);
  });

  // Each of these must make --check fail (no false pass) and generate repair the output, after
  // which the fast path applies again.
  const defeats: readonly [string, (project: string, output: string) => void][] = [
    ["a hand edit of the body", (_, output) => replaceIn(output, "index.ts", "trackOpenHelp(", "trackOpenHelpToo(")],
    ["a hand edit of the first header line", (_, output) => replaceIn(output, "index.ts", "Do not edit", "Edit freely")],
    ["a hand edit of the hash line", (_, output) => replaceIn(output, "catalog.ts", /content:[0-9a-f]/, "content:x")],
    ["an edit of the blank line after the header", (_, output) => replaceIn(output, "runtime.ts", /(content:[0-9a-f]{32})\n\n/, "$1\n// note\n")],
    ["a deleted generated file", (_, output) => rmSync(join(output, "runtime.ts"))],
    ["an extra stale generated file", (_, output) => copyFileSync(join(output, "index.ts"), join(output, "index-old.ts"))],
    ["a changed config", (project) => writeFiles(project, { "sit.config.yaml": CONFIG_WITH_AUDIT })],
    ["a changed definition", (project) => writeFiles(project, { "definitions/open_help.yml": definition("open_help").replace("free", "premium") })],
    ["a new definition", (project) => writeFiles(project, { "definitions/view_snippet.yml": definition("view_snippet") })],
    [
      "a moved definition file",
      (project) => {
        const text = readFileSync(join(project, "definitions", "open_help.yml"), "utf8");
        rmSync(join(project, "definitions", "open_help.yml"));
        writeFiles(project, { "definitions/help/open_help.yml": text });
      },
    ],
  ];

  it.each(defeats)("is defeated by %s", (_label, damage) => {
    const { project, output } = generatedProject();
    damage(project, output);

    expect(runCli(["generate", "--check"], project).code).toBe(1);
    expect(emitted).toHaveBeenCalledTimes(1);
    expect(runCli(["generate"], project).code).toBe(0);
    emitted.mockClear();
    expect(runCli(["generate", "--check"], project)).toEqual({ code: 0, stdout: "", stderr: "generated/ is up to date" });
    expect(emitted).not.toHaveBeenCalled();
  });

  it("is defeated by an intact file from an older generation put back in place", () => {
    const { project, output } = generatedProject();
    const olderEvents = readText(output, "index.ts");
    writeFiles(project, { "definitions/view_snippet.yml": definition("view_snippet") });
    expect(runCli(["generate"], project).code).toBe(0);
    // Self-consistent (its own hash matches), but from other inputs: e.g. `git checkout HEAD~ -- generated/index.ts`.
    writeFileSync(join(output, "index.ts"), olderEvents);

    const result = runCli(["generate", "--check"], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("out of date: generated/index.ts");
  });

  // The fast path does not validate the config: it relies on the hash of the config as written.
  // Each of these makes the config invalid, so --check must report it rather than pass.
  const invalidConfigs: readonly [string, string, (project: string) => void][] = [
    ["an unknown key", "SIT041", (project) => writeFiles(project, { "sit.config.yaml": `${CONFIG}colour: blue\n` })],
    ["a duplicate key", "SIT041", (project) => writeFiles(project, { "sit.config.yaml": `${CONFIG}output: generated\n` })],
    ["a processor module deleted", "SIT042", (project) => rmSync(join(project, "src", "internal-events.ts"))],
    ["a default processor not defined", "SIT041", (project) => writeFiles(project, { "sit.config.yaml": CONFIG.replace("[InternalEvents]", "[InternalEvents, Audit]") })],
    ["an infinite output path", "SIT041", (project) => writeFiles(project, { "sit.config.yaml": CONFIG.replace("output: generated", "output: .inf") })],
  ];

  it.each(invalidConfigs)("reports a config made invalid by %s", (_label, code, damage) => {
    const { project } = generatedProject();
    damage(project);
    const result = runCli(["generate", "--check"], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error ${code}`);
  });

  it("loads no validator when the output is up to date", () => {
    const { project } = generatedProject();
    const probe = join(project, "probe.js");
    writeFileSync(probe, `process.on("exit", () => process.stderr.write("\\nloaded " + Object.keys(require.cache).filter((path) => /[\\\\/](zod|validate)[\\\\/]/.test(path)).length));\n`);
    const result = runSit(["generate", "--check"], project, { NODE_OPTIONS: `--require ${probe}` });
    expect(result).toMatchObject({ code: 0, stderr: "generated/ is up to date\n\nloaded 0" });
  });

  it("is not taken when a leftover temporary file needs removing, yet --check still passes", () => {
    const { project, output } = generatedProject();
    writeFileSync(join(output, ".sit-tmp-7-0-index.ts.tmp"), "");
    expect(runCli(["generate", "--check"], project).code).toBe(0);
    expect(emitted).toHaveBeenCalledTimes(1);
  });
});
