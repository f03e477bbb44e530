import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hostname } from "node:os";
import { LockLostError, OutputLock } from "../../src/write/output-lock";
import { LOCK_NAME, readOutputTree } from "../../src/write/output-tree";
import { headed } from "../../src/write/ownership-header";
import type { FileChange } from "../../src/write/plan-output";
import { applyPlan } from "../../src/write/write-output";
import { definition, makeProject, runCli, SIT_BIN, writeFiles } from "../helpers/project";
import { CONFIG, makeSdkProject, readText, snapshotFolder, touchedEntries } from "./output-folder";

const temporaries = (folder: string): string[] => readdirSync(folder).filter((name) => name.startsWith(".sit-tmp-"));

/** A generated project whose definitions then changed, so the next `generate` has all files to write. */
function projectWithPendingChange(): { project: string; output: string } {
  const project = makeSdkProject();
  expect(runCli(["generate"], project).code).toBe(0);
  writeFiles(project, { "definitions/view_snippet.yml": definition("view_snippet") });
  return { project, output: join(project, "generated") };
}

describe("all-or-nothing writes", () => {
  it("leaves the output untouched, leftovers included, when a definition is invalid", () => {
    const { project, output } = projectWithPendingChange();
    writeFileSync(join(output, ".sit-tmp-1-0123456789abcdef-index.ts.tmp"), "half");
    writeFiles(project, { "definitions/broken.yml": definition("broken").replace("tiers:\n  - free", "tiers: []") });
    const before = snapshotFolder(output);

    for (const args of [["generate"], ["generate", "--check"]]) {
      const result = runCli(args, project);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/definitions\/broken\.yml:\d+:\d+: error SIT\d+/);
      expect(result.stderr).toMatch(/; nothing written$/);
      expect(snapshotFolder(output)).toEqual(before);
    }
  });

  // As root, chmod does not stop writes, so these use failures that hold for any user.
  it("fails with exit 2 and a clear message when the output path goes through a file", () => {
    const project = makeSdkProject({ "sit.config.yaml": CONFIG.replace("output: generated", "output: blocker/generated"), blocker: "a file\n" });
    const before = snapshotFolder(project);
    const messages = {
      generate: "sit: cannot write blocker/generated/: a part of the path is a file, not a folder; the previous output is unchanged",
      check: "sit: cannot read blocker/generated/: a part of the path is a file, not a folder",
    };
    for (const [mode, args] of [["generate", ["generate"]], ["check", ["generate", "--check"]]] as const) {
      const result = runCli(args, project);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(messages[mode]);
      expect(snapshotFolder(project)).toEqual(before);
    }
  });

  it("fails with exit 2 and leaves the previous output exactly as it was when a write fails half-way", () => {
    const { project, output } = projectWithPendingChange();
    const before = snapshotFolder(output);
    // As root, chmod does not stop writes. A file-size limit does, for any user and on any file
    // system: writing the first file fails after one block (512 or 1024 bytes, by shell), like a
    // full disk, as Node.js ignores SIGXFSZ and gets EFBIG.
    const script = `ulimit -f 1 && exec "${process.execPath}" "${SIT_BIN}" generate`;
    const result = spawnSync("/bin/sh", ["-c", script], { cwd: project, encoding: "utf8" });
    expect(result.stderr).toMatch(/^sit: cannot write generated\/\w+\.ts: file too large for the limit set on this process \(ulimit -f\); the previous output is unchanged$/m);
    expect(result.status).toBe(2);
    expect(snapshotFolder(output)).toEqual(before);
    expect(temporaries(output)).toEqual([]);

    expect(runCli(["generate"], project).code).toBe(0);
    expect(readText(output, "index.ts")).toContain("trackViewSnippet");
  });

  it("leaves no output folder behind when the first run fails half-way", () => {
    const project = makeSdkProject({ "sit.config.yaml": CONFIG.replace("output: generated", "output: sdk/generated") });
    const script = `ulimit -f 1 && exec "${process.execPath}" "${SIT_BIN}" generate`;
    const result = spawnSync("/bin/sh", ["-c", script], { cwd: project, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/sit: cannot write sdk\/generated\/\w+\.ts: file too large/);
    expect(existsSync(join(project, "sdk"))).toBe(false);
  });

  it("rewrites nothing on a second run: the fast path reports it up to date", () => {
    const project = makeSdkProject();
    expect(runCli(["generate"], project).code).toBe(0);
    const output = join(project, "generated");
    const before = snapshotFolder(output);
    const result = runCli(["generate"], project);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "generated/ is up to date" });
    expect(snapshotFolder(output)).toEqual(before);
  });

  it("rewrites only the files whose content changes", () => {
    const project = makeSdkProject();
    expect(runCli(["generate"], project).code).toBe(0);
    const output = join(project, "generated");

    // The inputs are the same, so only the damaged files differ from what sit generates.
    writeFileSync(join(output, "index.ts"), `${readText(output, "index.ts")}// edited\n`);
    let before = snapshotFolder(output);
    expect(runCli(["generate"], project).stderr).toContain("wrote 1 (index.ts), 5 unchanged");
    expect(touchedEntries(before, snapshotFolder(output))).toEqual(["index.ts"]);

    rmSync(join(output, "runtime.ts"));
    before = snapshotFolder(output);
    expect(runCli(["generate"], project).code).toBe(0);
    expect(touchedEntries(before, snapshotFolder(output))).toEqual(["runtime.ts"]);

    // A new event changes the files that list events, not the runtime.
    writeFiles(project, { "definitions/view_snippet.yml": definition("view_snippet") });
    before = snapshotFolder(output);
    expect(runCli(["generate"], project).stderr).toContain("wrote 3 (catalog.ts, index.ts, validation.ts), 3 unchanged");
    expect(touchedEntries(before, snapshotFolder(output))).toEqual(["catalog.ts", "index.ts", "validation.ts"]);
  });

  it("keeps the permissions of the files it replaces", () => {
    const { project, output } = projectWithPendingChange();
    chmodSync(join(output, "index.ts"), 0o444);
    chmodSync(join(output, "catalog.ts"), 0o600);
    expect(runCli(["generate"], project).code).toBe(0);
    expect(readText(output, "index.ts")).toContain("trackViewSnippet");
    expect(statSync(join(output, "index.ts")).mode & 0o777).toBe(0o444);
    expect(statSync(join(output, "catalog.ts")).mode & 0o777).toBe(0o600);
  });

  it("removes the temporary files an interrupted run left behind, and only those", () => {
    const project = makeSdkProject();
    expect(runCli(["generate"], project).code).toBe(0);
    const output = join(project, "generated");
    const leftover = ".sit-tmp-4242-0123456789abcdef-index.ts.tmp";
    writeFileSync(join(output, leftover), "export function trackOpen");
    // Named like sit's temporaries at a glance, but not by sit: a user's.
    writeFileSync(join(output, ".sit-tmp-notes"), "mine");
    writeFileSync(join(output, ".sit-tmp-1-0-index.ts.tmp"), "mine too");
    mkdirSync(join(output, ".sit-tmp-folder"));
    const before = snapshotFolder(output);

    // Leftovers do not make the output out of date: --check passes and leaves them to generate.
    expect(runCli(["generate", "--check"], project).code).toBe(0);
    expect(snapshotFolder(output)).toEqual(before);

    const result = runCli(["generate"], project);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("wrote 0, 6 unchanged");
    expect(touchedEntries(before, snapshotFolder(output))).toEqual([leftover]);
    expect(temporaries(output)).toEqual([".sit-tmp-1-0-index.ts.tmp", ".sit-tmp-folder", ".sit-tmp-notes"]);
  });
});

describe("applyPlan when the file system changes under it", () => {
  /** Contents as sit writes them: the guard against replacing a user's file lets them through. */
  const text = (body: string): string => headed("file.ts", [Buffer.from(`${body}\n`)]).content;
  const change = (path: string, kind: FileChange["kind"], before: string, after: string): FileChange => {
    const [beforeText, afterText] = [before === "" ? "" : text(before), after === "" ? "" : text(after)];
    return { path, kind, before: beforeText, after: afterText, beforeBytes: Buffer.from(beforeText), afterBytes: Buffer.from(afterText) };
  };
  const withoutLock = (entries: Record<string, string | undefined>) => Object.fromEntries(Object.entries(entries).filter(([name]) => name !== LOCK_NAME));
  const contents = (folder: string): Record<string, string | undefined> =>
    Object.fromEntries(Object.entries(snapshotFolder(folder)).map(([name, entry]) => [name, entry.bytes?.toString()]));

  it("puts back the files it already replaced when a later rename fails", () => {
    const output = join(makeProject({ "out/a.ts": text("old a"), "out/c.ts": text("old c"), "out/d.ts": text("old d") }), "out");
    const tree = readOutputTree(output);
    // Created after the tree was read, as another process might: the rename onto it fails.
    mkdirSync(join(output, "b.ts"));
    const before = contents(output);
    const plan = [change("a.ts", "changed", "old a", "new a"), change("b.ts", "new", "", "new b"), change("c.ts", "changed", "old c", "new c")];

    expect(() => applyPlan(output, tree, plan, OutputLock.acquire(output))).toThrow(
      expect.objectContaining({ cause: expect.objectContaining({ code: expect.stringMatching(/^E(ISDIR|EXIST|NOTEMPTY)$/) }) }),
    );
    expect(withoutLock(contents(output))).toEqual(before);
  });

  it("puts back replaced and deleted files when deleting a stale file fails", () => {
    const output = join(makeProject({ "out/a.ts": text("old a"), "out/s1.ts": text("stale 1") }), "out");
    const tree = readOutputTree(output);
    mkdirSync(join(output, "s2.ts"));
    const before = contents(output);
    const plan = [change("a.ts", "changed", "old a", "new a"), change("s1.ts", "stale", "stale 1", ""), change("s2.ts", "stale", "stale 2", "")];

    expect(() => applyPlan(output, tree, plan, OutputLock.acquire(output))).toThrow();
    expect(withoutLock(contents(output))).toEqual(before);
  });

  it("replaces nothing once another run has taken its lock over (it judged this run stale)", () => {
    const output = join(makeProject({ "out/a.ts": text("old a"), "out/s1.ts": text("stale 1") }), "out");
    const tree = readOutputTree(output);
    const lock = OutputLock.acquire(output);
    writeFileSync(join(output, LOCK_NAME), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), token: "another run's" }));
    const before = snapshotFolder(output);
    const plan = [change("a.ts", "changed", "old a", "new a"), change("b.ts", "new", "", "new b"), change("s1.ts", "stale", "stale 1", "")];

    expect(() => applyPlan(output, tree, plan, lock)).toThrow(LockLostError);
    expect(touchedEntries(before, snapshotFolder(output))).toEqual([]);
  });
});
