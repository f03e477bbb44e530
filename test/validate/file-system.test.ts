import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { definition, makeProject, runCli, runSit } from "../helpers/project";
import { CONFIG, expectDiagnostic, runSitUnprivileged } from "./expect-diagnostic";

const project = (files: Readonly<Record<string, string>>): string => makeProject({ "sit.config.yaml": CONFIG, ...files });

/**
 * Unreadable files and folders. Tests run as root here, and chmod 000 does not stop root, so
 * permission errors are produced by running the real binary as an unprivileged user (uid 65534)
 * when the tests run as root; the other cases (broken links, loops, FIFOs) need no privileges.
 */
describe("the definitions folder", () => {
  it("reports a symbolic-link loop between folders once, and reads every definition once", () => {
    const dir = project({ "definitions/team/a.yml": definition("a") });
    symlinkSync("..", join(dir, "definitions", "team", "up"));
    const diagnostics = expectDiagnostic(dir, {
      code: "SIT007",
      file: "definitions/team/up",
      line: 0,
      column: 0,
      message: 'symbolic-link loop: this folder leads back to "definitions"',
    });
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["SIT007"]);
  });

  it("reads a folder reached through two paths once, saying where from", () => {
    const dir = project({ "definitions/real/a.yml": definition("a") });
    symlinkSync("real", join(dir, "definitions", "alias"));
    expectDiagnostic(dir, { code: "SIT007", file: "definitions/alias", line: 0, column: 0, message: 'this folder is "definitions/real" again' });
  });

  it("reports a definition that is a link to itself (a loop) and a broken link", () => {
    const dir = project({ "definitions/a.yml": definition("a") });
    symlinkSync("loop.yml", join(dir, "definitions", "loop.yml"));
    symlinkSync("missing.yml", join(dir, "definitions", "gone.yml"));
    expectDiagnostic(dir, { code: "SIT007", file: "definitions/loop.yml", line: 0, column: 0, message: "symbolic-link loop" });
    expectDiagnostic(dir, { code: "SIT007", file: "definitions/gone.yml", line: 0, column: 0, message: "broken symbolic link" });
  });

  it("ignores broken links that are not definitions", () => {
    const dir = project({ "definitions/a.yml": definition("a") });
    symlinkSync("missing", join(dir, "definitions", "README.md"));
    expect(runCli(["validate"], dir)).toMatchObject({ code: 0, stderr: "no problems (1 definition file checked)" });
  });

  it("reports a FIFO named like a definition without reading it (which would block forever)", () => {
    const dir = project({ "definitions/a.yml": definition("a") });
    execFileSync("mkfifo", [join(dir, "definitions", "pipe.yml")]);
    expectDiagnostic(dir, { code: "SIT007", file: "definitions/pipe.yml", line: 0, column: 0, message: "not a regular file" }, { run: runSit });
  });

  it("walks a folder named like a definition as a folder", () => {
    const dir = project({ "definitions/odd.yml/a.yml": definition("a") });
    expect(runCli(["validate"], dir)).toMatchObject({ code: 0, stderr: "no problems (1 definition file checked)" });
  });

  it("reports a definition that cannot be read for lack of permission", () => {
    const dir = project({ "definitions/a.yml": definition("a"), "definitions/secret.yml": definition("secret") });
    chmodSync(join(dir, "definitions", "secret.yml"), 0o000);
    // The project's folder is private to its creator: let the unprivileged user in.
    chmodSync(dir, 0o755);
    expectDiagnostic(dir, { code: "SIT007", file: "definitions/secret.yml", line: 0, column: 0, message: "cannot read file: permission denied" }, { run: runSitUnprivileged });
  });

  it("reports a folder that cannot be listed for lack of permission", () => {
    const dir = project({ "definitions/a.yml": definition("a"), "definitions/private/b.yml": definition("b") });
    chmodSync(join(dir, "definitions", "private"), 0o000);
    chmodSync(dir, 0o755);
    expectDiagnostic(dir, { code: "SIT007", file: "definitions/private", line: 0, column: 0, message: "cannot read folder: permission denied" }, { run: runSitUnprivileged });
  });

  it("reports a definitions folder that does not exist", () => {
    const dir = makeProject({ "sit.config.yaml": `${CONFIG}definitions: events\n` });
    mkdirSync(join(dir, "definitions"));
    expectDiagnostic(dir, { code: "SIT030", file: "sit.config.yaml", line: 5, column: 14, message: 'definitions folder "events" not found' });
  });
});
