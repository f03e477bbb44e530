import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/project";

const bin = (name: string): string => join(REPO_ROOT, "node_modules", name);

describe("golden output is valid, strict TypeScript and prettier-clean", () => {
  it("type-checks under strict, noUncheckedIndexedAccess and exactOptionalPropertyTypes", () => {
    const result = spawnSync(process.execPath, [bin("typescript/bin/tsc"), "-p", join(REPO_ROOT, "test/fixtures/tsconfig.json")], {
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
