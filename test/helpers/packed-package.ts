import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./project";

let tarball: string | undefined;
let packFolder: string | undefined;

afterAll(() => {
  if (packFolder !== undefined) rmSync(packFolder, { recursive: true, force: true });
  packFolder = undefined;
  tarball = undefined;
});

/**
 * `npm pack` of this repository, once per test file: the package exactly as the registry would ship
 * it. `npm test` has built dist/ already; packing without scripts keeps a rebuild from pulling dist/
 * away from the tests that run the CLI meanwhile.
 */
export function packSit(): string {
  if (tarball !== undefined) return tarball;
  packFolder = mkdtempSync(join(tmpdir(), "sit-pack-"));
  try {
    execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", packFolder], { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    throw new Error(`npm pack failed: ${String((error as { stderr?: unknown }).stderr ?? error)}`);
  }
  const name = readdirSync(packFolder).find((file) => file.endsWith(".tgz"));
  if (name === undefined) throw new Error(`npm pack wrote no tarball into ${packFolder}`);
  tarball = join(packFolder, name);
  return tarball;
}

/**
 * Installs the packed sit into `projectDir` as an application would (`npm install -D sit-tracking`),
 * creating a package.json when there is none. Dependencies come from npm's cache where it has them.
 */
export function installPackedSit(projectDir: string): void {
  try {
    if (!existsSync(join(projectDir, "package.json"))) writeFileSync(join(projectDir, "package.json"), '{ "name": "app", "private": true }\n');
    execFileSync("npm", ["install", "--save-dev", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", packSit()], {
      cwd: projectDir,
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (error) {
    throw new Error(`installing the packed sit-tracking into ${projectDir} failed: ${String((error as { stderr?: unknown }).stderr ?? error)}`);
  }
}
