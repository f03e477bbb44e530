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
    expect(findSourceFiles(root, ["src/**/*.{ts,tsx}", "!src/**/*.test.ts"], skip)).toEqual([join(root, "src/a.ts"), join(root, "src/ui/c.tsx")]);
    expect(findSourceFiles(root, ["**/*.ts"], skip)).toEqual([join(root, "other/e.ts"), join(root, "src/a.ts"), join(root, "src/b.test.ts")]);
    expect(findSourceFiles(root, ["./other/*.ts", "missing/**/*.ts"], skip)).toEqual([join(root, "other/e.ts")]);
  });
});
