import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFile, replaceFile, TEMPORARY_NAME, temporaryName, writeFileAtomically, writeFilesAtomically } from "../../src/files/atomic-write";
import { displayPath } from "../../src/files/display-path";
import { describeFileError, isFileSystemError } from "../../src/files/file-error";

/** One module shows paths, words file-system errors and writes files for every command. */

const folder = (): string => mkdtempSync(join(tmpdir(), "sit-files-"));

describe("displayPath", () => {
  it.each([
    ["/work/app/definitions/a.yml", "/work/app", "definitions/a.yml"],
    ["/work/app", "/work/app", "."],
    ["/work/shared/sit.config.yaml", "/work/app", "../shared/sit.config.yaml"],
    ["/work/app/..data/x.yml", "/work/app", "..data/x.yml"],
  ])("shows %s from %s as %s", (path, base, shown) => {
    expect(displayPath(path, base)).toBe(shown);
  });
});

describe("describeFileError", () => {
  it("words each file-system failure once, whatever the command", () => {
    const failure = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(describeFileError(failure("EISDIR"))).toBe("it is a folder");
    expect(describeFileError(failure("ENOTDIR"))).toBe("a part of the path is a file, not a folder");
    expect(describeFileError(failure("EACCES"))).toBe("permission denied");
    expect(describeFileError(failure("EWHATEVER"))).toBe("EWHATEVER: raw");
  });

  it("knows a file-system error from a bug, even one made in another realm", () => {
    expect(isFileSystemError({ code: "ENOENT", message: "gone" })).toBe(true);
    expect(isFileSystemError(new TypeError("undefined is not a function"))).toBe(false);
    expect(isFileSystemError(undefined)).toBe(false);
  });
});

describe("atomic writes", () => {
  it("names every temporary file so that only sit's are ever taken for leftovers", () => {
    expect(temporaryName("index.ts")).toMatch(TEMPORARY_NAME);
    expect(TEMPORARY_NAME.test(".sit-tmp-notes.tmp")).toBe(false);
  });

  it("replaces a file in one step, keeping its mode and following a link to it", () => {
    const dir = folder();
    writeFileSync(join(dir, "real.yml"), "old\n", { mode: 0o600 });
    symlinkSync("real.yml", join(dir, "link.yml"));
    replaceFile(join(dir, "link.yml"), "new\n");
    expect(readFileSync(join(dir, "real.yml"), "utf8")).toBe("new\n");
    expect(statSync(join(dir, "real.yml")).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(["link.yml", "real.yml"]);
  });

  it("never replaces a file created meanwhile unless asked to", () => {
    const dir = folder();
    writeFileSync(join(dir, "taken.yml"), "theirs\n");
    expect(() => createFile(join(dir, "taken.yml"), "ours\n", { overwrite: false })).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(readFileSync(join(dir, "taken.yml"), "utf8")).toBe("theirs\n");
    createFile(join(dir, "taken.yml"), "ours\n", { overwrite: true });
    expect(readFileSync(join(dir, "taken.yml"), "utf8")).toBe("ours\n");
    expect(readdirSync(dir)).toEqual(["taken.yml"]);
  });

  it("leaves no temporary file behind when a write fails", () => {
    const dir = folder();
    mkdirSync(join(dir, "in-the-way"));
    expect(() => writeFileAtomically(join(dir, "in-the-way"), "text")).toThrow();
    expect(() => writeFilesAtomically([{ path: join(dir, "a.json"), content: "{}" }, { path: join(dir, "in-the-way"), content: "{}" }])).toThrow(
      expect.objectContaining({ code: "EISDIR" }),
    );
    expect(readdirSync(dir)).toEqual(["in-the-way"]);
  });
});
