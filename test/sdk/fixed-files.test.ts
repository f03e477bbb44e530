import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HEADER } from "../../src/write/ownership-header";
import { makeProject, REPO_ROOT, writeFiles } from "../helpers/project";

/**
 * The SDK's fixed files (src/sdk/) are copied into every project's output as they stand, and
 * compiled there by the application's own settings, whatever they are: they must hold up under
 * the strictest ones and be prettier-clean themselves.
 */

const SDK_FOLDER = join(REPO_ROOT, "src", "sdk");
const FIXED_FILES = readdirSync(SDK_FOLDER).filter((name) => name.endsWith(".ts"));
const bin = (name: string): string => join(REPO_ROOT, "node_modules", name);

/** Settings an application may well have, all at once, with no DOM or Node.js types. */
const STRICTEST = {
  target: "es2020",
  lib: ["es2020"],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  noFallthroughCasesInSwitch: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
  isolatedDeclarations: true,
  declaration: true,
  emitDeclarationOnly: true,
  skipLibCheck: false,
};

describe("the SDK's fixed files", () => {
  it("are the ones the output holds", () => {
    expect(FIXED_FILES.sort()).toEqual(["checks.ts", "core.ts"]);
  });

  it.each([
    ["ES modules for bundlers", { module: "esnext", moduleResolution: "bundler" }],
    ["Node.js ES modules", { module: "nodenext", moduleResolution: "nodenext" }],
    // verbatimModuleSyntax forbids ES module syntax in CommonJS output, in any file.
    ["CommonJS", { module: "commonjs", moduleResolution: "node10", ignoreDeprecations: "6.0", verbatimModuleSyntax: false }],
  ])("compile under the strictest settings, as %s", (_, resolution) => {
    const project = makeProject({});
    const files = Object.fromEntries(FIXED_FILES.map((name) => [`generated/${name}`, HEADER + readFileSync(join(SDK_FOLDER, name), "utf8")]));
    writeFiles(project, {
      ...files,
      "package.json": JSON.stringify({ type: resolution.module === "commonjs" ? "commonjs" : "module" }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { ...STRICTEST, ...resolution, rootDir: ".", outDir: "out" }, include: ["generated"] }),
    });
    const result = spawnSync(process.execPath, [bin("typescript/bin/tsc"), "-p", project], { encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("are prettier-clean", () => {
    const result = spawnSync(process.execPath, [bin("prettier/bin/prettier.cjs"), "--check", "src/sdk/*.ts"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
