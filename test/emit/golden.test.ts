import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { generate, writeGenerated } from "../../src/index";
import { REPO_ROOT } from "../helpers/project";

/**
 * Golden files: each test/fixtures/<case>/ holds definitions and a config, and generated/ holds
 * the committed output. `UPDATE_GOLDENS=1 npx jest test/emit/golden` rewrites them on purpose.
 */
const FIXTURES = join(REPO_ROOT, "test", "fixtures");
const cases = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, "definitions")));

describe("golden output", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(cases)("%s", (name) => {
    const caseDir = join(FIXTURES, name);
    const result = generate({ cwd: caseDir });

    it("generates without errors", () => {
      expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
      expect(result.files.map((file) => file.path)).toEqual(["catalog.ts", "checks.ts", "core.ts", "index.ts", "runtime.ts", "validation.ts"]);
    });

    it("matches the committed files", () => {
      const outputDir = join(caseDir, "generated");
      if (process.env["UPDATE_GOLDENS"] === "1") writeGenerated(outputDir, result.files);
      const committed = readdirSync(outputDir).filter((file) => statSync(join(outputDir, file)).isFile());
      expect(committed.sort()).toEqual(result.files.map((file) => file.path));
      for (const file of result.files) {
        expect(file.content).toBe(readFileSync(join(outputDir, file.path), "utf8"));
      }
    });
  });
});
