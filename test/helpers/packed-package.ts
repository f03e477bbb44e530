import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT, RUNTIME_ROOT } from "./project";

const tarballs = new Map<string, string>();
let packFolder: string | undefined;

afterAll(() => {
  if (packFolder !== undefined) rmSync(packFolder, { recursive: true, force: true });
  packFolder = undefined;
  tarballs.clear();
});

/**
 * `npm pack` of one of the repository's packages, once per test file: the package exactly as the
 * registry would ship it. `npm test` has built both already; packing without scripts keeps a
 * rebuild from pulling dist/ away from the tests that run the CLI meanwhile.
 */
function pack(packageRoot: string): string {
  const packed = tarballs.get(packageRoot);
  if (packed !== undefined) return packed;
  packFolder ??= mkdtempSync(join(tmpdir(), "sit-pack-"));
  const before = new Set(readdirSync(packFolder));
  try {
    execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", packFolder], { cwd: packageRoot, stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    throw new Error(`npm pack in ${packageRoot} failed: ${String((error as { stderr?: unknown }).stderr ?? error)}`);
  }
  const name = readdirSync(packFolder).find((file) => file.endsWith(".tgz") && !before.has(file));
  if (name === undefined) throw new Error(`npm pack wrote no tarball into ${packFolder}`);
  const tarball = join(packFolder, name);
  tarballs.set(packageRoot, tarball);
  return tarball;
}

/** The packed CLI, sit-tracking. */
export function packSit(): string {
  return pack(REPO_ROOT);
}

/** The packed runtime, sit-tracking-runtime. */
export function packRuntime(): string {
  return pack(RUNTIME_ROOT);
}

function npmInstall(projectDir: string, args: readonly string[]): void {
  try {
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...args], { cwd: projectDir, stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    throw new Error(`npm install ${args.join(" ")} in ${projectDir} failed: ${String((error as { stderr?: unknown }).stderr ?? error)}`);
  }
}

/**
 * Installs the packed packages into `projectDir` as an application would (`npm install -D
 * sit-tracking`, `npm install sit-tracking-runtime`), creating a package.json when there is none.
 * Dependencies come from npm's cache where it has them.
 */
export function installPackedSit(projectDir: string): void {
  if (!existsSync(join(projectDir, "package.json"))) writeFileSync(join(projectDir, "package.json"), '{ "name": "app", "private": true }\n');
  npmInstall(projectDir, ["--save-dev", packSit()]);
  npmInstall(projectDir, [packRuntime()]);
}

/** Installs the packed runtime alone into `projectDir`, as `npm install sit-tracking-runtime` does. */
export function installPackedRuntime(projectDir: string, flags: readonly string[] = []): void {
  if (!existsSync(join(projectDir, "package.json"))) writeFileSync(join(projectDir, "package.json"), '{ "name": "app", "private": true }\n');
  npmInstall(projectDir, [...flags, packRuntime()]);
}
