import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { enableTypeCheckOfGeneratedCode, makeProject, REPO_ROOT } from "../helpers/project";

const bin = (name: string): string => join(REPO_ROOT, "node_modules", name);

describe("golden output is valid, strict TypeScript and prettier-clean", () => {
  it("type-checks under strict, noUncheckedIndexedAccess and exactOptionalPropertyTypes", () => {
    const fixtures = makeProject({});
    cpSync(join(REPO_ROOT, "test/fixtures"), fixtures, { recursive: true });
    const cases = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, "generated")));
    expect(cases.length).toBeGreaterThanOrEqual(3);
    for (const name of cases) enableTypeCheckOfGeneratedCode(join(fixtures, name, "generated"));
    const result = spawnSync(process.execPath, [bin("typescript/bin/tsc"), "-p", join(fixtures, "tsconfig.json")], {
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("passes prettier --check unchanged", () => {
    const result = spawnSync(process.execPath, [bin("prettier/bin/prettier.cjs"), "--check", "test/fixtures/*/generated/*.ts", "generated/*.ts"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
