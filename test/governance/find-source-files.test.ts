import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findSourceFiles, globToRegExp } from "../../src/governance/find-source-files";
import { makeProject } from "../helpers/project";

describe("globToRegExp", () => {
  it.each<[string, string, boolean]>([
    ["src/**/*.{ts,tsx}", "src/a.ts", true],
    ["src/**/*.{ts,tsx}", "src/deep/er/b.tsx", true],
    ["src/**/*.{ts,tsx}", "src/a.js", false],
    ["src/**/*.{ts,tsx}", "lib/a.ts", false],
    ["src/*.ts", "src/deep/a.ts", false],
    ["**/*.ts", "a.ts", true],
    ["**/*.ts", "x/y/a.ts", true],
    ["src/file?.ts", "src/file1.ts", true],
    ["src/file?.ts", "src/file10.ts", false],
    ["src/[ab].ts", "src/b.ts", true],
    ["src/[!ab].ts", "src/b.ts", false],
    ["src/a+b (1).ts", "src/a+b (1).ts", true],
    ["src/a.ts", "src/abts", false],
  ])("%s against %s: %s", (glob, path, matches) => {
    expect(globToRegExp(glob).test(path)).toBe(matches);
  });
});

describe("findSourceFiles", () => {
  const root = makeProject({
    "src/a.ts": "",
    "src/b.test.ts": "",
    "src/ui/c.tsx": "",
    "src/node_modules/pkg/index.ts": "",
    "src/.cache/d.ts": "",
    "generated/index.ts": "",
    "other/e.ts": "",
  });

  it("walks only where the globs reach, applies ! exclusions, skips what the caller prunes, sorts", () => {
    const skip = (path: string) => path === "generated" || path.endsWith("node_modules") || path.split("/").pop()!.startsWith(".");
    expect(findSourceFiles(root, ["src/**/*.{ts,tsx}", "!src/**/*.test.ts"], skip).files).toEqual([join(root, "src/a.ts"), join(root, "src/ui/c.tsx")]);
    expect(findSourceFiles(root, ["**/*.ts"], skip).files).toEqual([join(root, "other/e.ts"), join(root, "src/a.ts"), join(root, "src/b.test.ts")]);
    expect(findSourceFiles(root, ["./other/*.ts", "missing/**/*.ts"], skip).files).toEqual([join(root, "other/e.ts")]);
  });
});

describe("findSourceFiles and the project's bounds (issue 17, item 14)", () => {
  const outside = makeProject({ "secret.ts": "export const secret = 1;\n", "etc/passwd.ts": "" });
  const parent = makeProject({});
  const root = join(parent, "app");
  mkdirSync(join(root, "src"), { recursive: true });
  writeFileSync(join(root, "src", "a.ts"), "");
  writeFileSync(join(root, "src", "b.ts"), "");
  writeFileSync(join(parent, "sibling.ts"), "");
  symlinkSync(join(outside, "secret.ts"), join(root, "src", "leak.ts"));
  symlinkSync(join(root, "src", "a.ts"), join(root, "src", "inside-link.ts"));
  symlinkSync(join(outside, "etc"), join(root, "linked-etc"));
  const none = () => false;

  it.each([
    ["../*.ts", "../*.ts"],
    ["../../**/*.ts", "../../**/*.ts"],
    ["src/../../*.ts", "src/../../*.ts"],
    ["./../app/../*.ts", "./../app/../*.ts"],
    ["an absolute glob elsewhere", join(outside, "**/*.ts")],
    ["linked-etc/*.ts (a link to a folder elsewhere)", "linked-etc/*.ts"],
    ["linked-etc/**/*.ts", "linked-etc/**/*.ts"],
  ])("refuses %s, and walks nothing of it", (_label, glob) => {
    expect(findSourceFiles(root, [glob, "src/a.ts"], none)).toEqual({ files: [join(root, "src/a.ts")], globsOutside: [glob], linksOutside: [] });
  });

  it("takes an absolute glob inside the project, and ../ that comes back in", () => {
    expect(findSourceFiles(root, [join(root, "src/b.ts"), "src/../src/a.ts"], none).files).toEqual([join(root, "src/a.ts"), join(root, "src/b.ts")]);
  });

  it("refuses a matching file that links out of the project, not one that links inside it", () => {
    expect(findSourceFiles(root, ["src/*.ts"], none)).toEqual({
      files: [join(root, "src/a.ts"), join(root, "src/b.ts"), join(root, "src/inside-link.ts")],
      globsOutside: [],
      linksOutside: [join(root, "src/leak.ts")],
    });
  });
});
