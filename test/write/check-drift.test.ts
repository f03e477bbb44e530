import { copyFileSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { definition, runCli, runSit, writeFiles } from "../helpers/project";
import { CONFIG_WITH_AUDIT, makeSdkProject, readText, SDK_FILES, snapshotFolder } from "./output-folder";

const FIX = "To fix it, run `npx sit generate` and commit generated/.";

/** A generated project, then `change` applied to it: what `--check` is run on. */
function driftedProject(change: (project: string, output: string) => void): { project: string; output: string } {
  const project = makeSdkProject();
  expect(runCli(["generate"], project).code).toBe(0);
  const output = join(project, "generated");
  change(project, output);
  return { project, output };
}

/** Runs `--check`, asserting what every drift must show and that the output folder is untouched. */
function checkDrift(project: string, output: string, expected: Readonly<Record<string, string>>): string {
  const before = snapshotFolder(output);
  const result = runCli(["generate", "--check"], project);
  expect(snapshotFolder(output)).toEqual(before);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  const listed = result.stderr.split("\n").filter((line) => /^(missing|differs|stale)\b.*: generated\//.test(line));
  expect(listed).toEqual(Object.entries(expected).map(([path, label]) => `${label}: generated/${path}`));
  for (const path of Object.keys(expected)) expect(result.stderr).toMatch(new RegExp(`^(---|\\+\\+\\+) generated/${path.replace(".", "\\.")} `, "m"));
  expect(result.stderr).toContain(`generated/ is out of date with the definitions: ${Object.keys(expected).length} file`);
  expect(result.stderr.trimEnd().endsWith(FIX)).toBe(true);
  return result.stderr;
}

const DIFFERS = "differs from what sit generates (out of date or edited by hand)";

/** What adding or removing an event changes: its function, its catalog entry, its checks; not the runtime. */
const eventsChanged = { "catalog.ts": DIFFERS, "index.ts": DIFFERS, "validation.ts": DIFFERS };

describe("sit generate --check", () => {
  it("exits 0 and writes nothing when the output is up to date", () => {
    const { project, output } = driftedProject(() => undefined);
    const before = snapshotFolder(output);
    const result = runCli(["generate", "--check"], project);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "generated/ is up to date" });
    expect(snapshotFolder(output)).toEqual(before);
  });

  it("reports a changed definition", () => {
    const { project, output } = driftedProject((root) =>
      writeFiles(root, { "definitions/create_snippet.yml": definition("create_snippet").replace("create_snippet happened", "A snippet is created") }),
    );
    // A description is in the function's comment and the catalog only.
    const stderr = checkDrift(project, output, { "catalog.ts": DIFFERS, "index.ts": DIFFERS });
    expect(stderr).toMatch(/^- \* create_snippet happened\.$/m);
    expect(stderr).toMatch(/^\+ \* A snippet is created\.$/m);
  });

  it("reports a hand-edited output file, and only that file", () => {
    const { project, output } = driftedProject((_, out) =>
      writeFileSync(join(out, "index.ts"), readText(out, "index.ts").replace("export function trackOpenHelp", "export function trackOpenHelpNow")),
    );
    const stderr = checkDrift(project, output, { "index.ts": DIFFERS });
    expect(stderr).toMatch(/^-export function trackOpenHelpNow/m);
    expect(stderr).toMatch(/^\+export function trackOpenHelp\(/m);
  });

  it("reports a deleted event (its definition file removed)", () => {
    const { project, output } = driftedProject((root) => rmSync(join(root, "definitions", "open_help.yml")));
    expect(checkDrift(project, output, eventsChanged)).toMatch(/^-export function trackOpenHelp\(/m);
  });

  it("reports a new event", () => {
    const { project, output } = driftedProject((root) => writeFiles(root, { "definitions/view_snippet.yml": definition("view_snippet") }));
    expect(checkDrift(project, output, eventsChanged)).toMatch(/^\+export function trackViewSnippet\(/m);
  });

  it("reports a changed config", () => {
    const { project, output } = driftedProject((root) => writeFiles(root, { "sit.config.yaml": CONFIG_WITH_AUDIT }));
    // A new default processor gets its own sender in runtime.ts and a place in the catalog's list of defaults; the events call the defaults through the runtime.
    const changed = { "catalog.ts": DIFFERS, "runtime.ts": DIFFERS };
    expect(checkDrift(project, output, changed)).toMatch(/^\+.*Audit/m);
  });

  it("reports a generated file that was deleted", () => {
    const { project, output } = driftedProject((_, out) => rmSync(join(out, "runtime.ts")));
    const stderr = checkDrift(project, output, { "runtime.ts": "missing (would be created)" });
    expect(stderr).toContain("--- /dev/null\n+++ generated/runtime.ts (generated)\n@@ -0,0 +1,");
  });

  it("reports a stale generated file left in the output folder", () => {
    const { project, output } = driftedProject((_, out) => copyFileSync(join(out, "index.ts"), join(out, "legacy.ts")));
    const stderr = checkDrift(project, output, { "legacy.ts": "stale (would be deleted)" });
    expect(stderr).toContain("--- generated/legacy.ts (on disk)\n+++ /dev/null\n@@ -1,");
  });

  it("reports every file as missing when the output folder does not exist, and does not create it", () => {
    const project = makeSdkProject();
    // The project folder stands for the output folder here: the snapshot shows generated/ is not created.
    checkDrift(project, project, Object.fromEntries(SDK_FILES.map((path) => [path, "missing (would be created)"])));
    expect(existsSync(join(project, "generated"))).toBe(false);
  });

  it("keeps the diff bounded however large the drift", () => {
    const { project, output } = driftedProject((root) => {
      for (let index = 0; index < 300; index++) writeFiles(root, { [`definitions/event_${index}.yml`]: definition(`event_${index}`) });
    });
    const stderr = checkDrift(project, output, eventsChanged);
    expect(stderr.split("\n").length).toBeLessThan(200);
    expect(stderr).toContain("... (diff cut after 40 lines)");
  });

  it("names the config in the fix when one was given, quoted for the shell when needed", () => {
    const { project } = driftedProject((root) => writeFiles(root, { "definitions/view_snippet.yml": definition("view_snippet") }));
    const result = runCli(["generate", "--check", "--config", "sit.config.yaml"], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("To fix it, run `npx sit generate --config sit.config.yaml` and commit generated/.");
    copyFileSync(join(project, "sit.config.yaml"), join(project, "my sit.yaml"));
    const quoted = runCli(["generate", "--check", "--config", "my sit.yaml"], project);
    expect(quoted.stderr).toContain("To fix it, run `npx sit generate --config 'my sit.yaml'` and commit generated/.");
  });

  it("exits 1 from the real binary, with the report on stderr", () => {
    const { project, output } = driftedProject((_, out) => rmSync(join(out, "index.ts")));
    const before = snapshotFolder(output);
    const result = runSit(["generate", "--check"], project);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("missing (would be created): generated/index.ts");
    expect(result.stderr).toContain(FIX);
    expect(snapshotFolder(output)).toEqual(before);
  });

  describe("--json", () => {
    it("prints the drift as one JSON object on stdout", () => {
      const { project } = driftedProject((_, out) => {
        rmSync(join(out, "runtime.ts"));
        copyFileSync(join(out, "index.ts"), join(out, "legacy.ts"));
        writeFileSync(join(out, "index.ts"), `${readText(out, "index.ts")}// edited\n`);
      });
      const result = runCli(["generate", "--check", "--json"], project);
      expect(result.code).toBe(1);
      const json = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(Object.keys(json)).toEqual(["mode", "status", "outputDir", "changes", "diagnostics", "message", "fix"]);
      expect(json).toMatchObject({
        mode: "check",
        status: "drift",
        outputDir: "generated",
        diagnostics: [],
        message: "generated/ is out of date with the definitions: 3 files differ",
        fix: "run `npx sit generate` and commit generated/",
      });
      expect(json["changes"]).toEqual([
        { path: "index.ts", kind: "changed", diff: expect.stringContaining("\n-// edited") },
        { path: "legacy.ts", kind: "stale", diff: expect.stringMatching(/^--- generated\/legacy\.ts \(on disk\)\n\+\+\+ \/dev\/null\n/) },
        { path: "runtime.ts", kind: "new", diff: expect.stringMatching(/^--- \/dev\/null\n\+\+\+ generated\/runtime\.ts \(generated\)\n/) },
      ]);
    });

    it("reports up to date with no changes", () => {
      const { project } = driftedProject(() => undefined);
      const result = runCli(["generate", "--check", "--json"], project);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({
        mode: "check",
        status: "up-to-date",
        outputDir: "generated",
        changes: [],
        diagnostics: [],
        message: "generated/ is up to date",
        fix: null,
      });
    });
  });
});
