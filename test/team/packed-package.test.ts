import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { installPackedRuntime, installPackedSit, packRuntime, packSit } from "../helpers/packed-package";
import { makeProject, REPO_ROOT, runSit } from "../helpers/project";

/**
 * sit-tracking as the registry ships it: what `npm pack` puts in the tarball, and an SDK written by
 * the installed package that is byte for byte the one the repository's checkout writes, so a
 * developer on a linked checkout and CI on the installed package agree on `--check`.
 */

/** The repository's own example (Snipbox): definitions in subfolders, a removed event, extra trackers, the built-in HTTP processor by package name. */
function exampleProject(): string {
  const root = makeProject({});
  for (const path of ["sit.config.yaml", "definitions", "examples"]) cpSync(join(REPO_ROOT, path), join(root, path), { recursive: true });
  return root;
}

/** Every file of a folder, relative path → bytes. */
function readTree(folder: string, prefix = ""): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) Object.assign(files, readTree(folder, `${path}/`));
    else files[path] = readFileSync(join(folder, path));
  }
  return files;
}

interface PackedFile {
  readonly path: string;
  readonly size: number;
}

interface PackList {
  readonly files: readonly PackedFile[];
  readonly size: number;
  readonly unpackedSize: number;
}

/** What `npm pack` would put in the tarball (dist/ as the last build left it). */
function readPackList(): PackList {
  const json = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", "--loglevel=error"], { cwd: REPO_ROOT, encoding: "utf8" });
  const [pack] = JSON.parse(json) as PackList[];
  if (pack === undefined) throw new Error(`npm pack --dry-run --json printed no package: ${json}`);
  return pack;
}

/** The paths README.md links to inside the repository (no scheme, no pure anchor), without their anchors. */
function readmeRepositoryLinks(): string[] {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const targets = [...readme.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1] ?? "");
  return [...new Set(targets.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#")).map((target) => target.replace(/#.*$/, "").replace(/^\.\//, "")))].sort();
}

describe("the packed package", () => {
  let shipped: readonly string[];
  beforeAll(() => {
    // Packed as npm test built it: packing runs no script.
    packSit();
    shipped = readPackList().files.map((file) => file.path);
  });

  it("writes, once installed into an application, the same SDK bytes as the repository's checkout", () => {
    const project = exampleProject();
    installPackedSit(project);

    const installed = spawnSync(join(project, "node_modules", ".bin", "sit"), ["generate"], { cwd: project, encoding: "utf8" });
    expect({ code: installed.status, stderr: installed.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    const fromPackage = readTree(join(project, "generated"));

    rmSync(join(project, "generated"), { recursive: true });
    expect(runSit(["generate"], project)).toMatchObject({ code: 0 });
    const fromCheckout = readTree(join(project, "generated"));

    for (const files of [fromPackage, fromCheckout]) expect(Object.keys(files).sort()).toEqual(["catalog.ts", "checks.ts", "core.ts", "index.ts", "runtime.ts", "validation.ts"]);
    for (const [path, bytes] of Object.entries(fromPackage)) expect({ path, same: bytes.equals(fromCheckout[path] ?? Buffer.alloc(0)) }).toEqual({ path, same: true });
    // And each accepts the other's output without writing.
    expect(spawnSync(join(project, "node_modules", ".bin", "sit"), ["generate", "--check", "--no-cache"], { cwd: project, encoding: "utf8" }).status).toBe(0);
  });

  it("ships bin/, dist/, templates/, README.md, LICENSE and package.json, and nothing else", () => {
    const linksIntoDocs = readmeRepositoryLinks().some((link) => link.startsWith("docs/"));
    const allowed = new Set(["bin", "dist", "templates", "README.md", "LICENSE", "package.json", ...(linksIntoDocs ? ["docs"] : [])]);
    const topLevel = [...new Set(shipped.map((path) => path.split("/")[0] ?? ""))].sort();
    expect(topLevel.filter((entry) => !allowed.has(entry))).toEqual([]);
    expect(topLevel).toEqual(expect.arrayContaining(["LICENSE", "README.md", "bin", "dist", "package.json", "templates"]));
    expect(shipped.filter((path) => /\.map$|\.test\.|(^|\/)(test|__tests__|fixtures)\//.test(path))).toEqual([]);
  });

  it("ships every file package.json points to and every template", () => {
    const paths = new Set(shipped);
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
      main: string;
      types: string;
      bin: Record<string, string>;
      exports: Record<string, string | Record<string, string>>;
    };
    const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin), ...Object.values(manifest.exports).flatMap((target) => (typeof target === "string" ? [target] : Object.values(target)))];
    expect(targets.map((target) => target.replace(/^\.\//, "")).filter((target) => !paths.has(target))).toEqual([]);
    const templates = execFileSync("git", ["ls-files", "templates"], { cwd: REPO_ROOT, encoding: "utf8" }).split("\n").filter((line) => line !== "");
    expect(templates.filter((template) => !paths.has(template))).toEqual([]);
  });

  // tsc never deletes: output of a source that was deleted or moved stays in dist/ and is published.
  it("ships no build output whose source is gone", () => {
    const compiled = shipped.filter((path) => path.startsWith("dist/"));
    const source = (path: string): string => join(REPO_ROOT, "src", path.slice("dist/".length).replace(/(\.d\.ts|\.js)$/, ".ts"));
    expect(compiled.filter((path) => !existsSync(source(path)))).toEqual([]);
  });

  it("leaves no link of README.md dead on the registry's page", () => {
    const dead = readmeRepositoryLinks().filter((link) => {
      const path = link.replace(/\/$/, "");
      return !shipped.some((file) => file === path || file.startsWith(`${path}/`));
    });
    expect(dead).toEqual([]);
  });
});

/** The package.json inside a tarball, as the registry would serve it. */
function packedManifest(tarball: string): { readonly scripts?: Record<string, string>; readonly dependencies?: Record<string, string> } {
  return JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" })) as { scripts?: Record<string, string> };
}

/** The packages installed under node_modules/ (scoped ones as `@scope/name`), npm's own files left out. */
function installedPackages(nodeModules: string): string[] {
  return readdirSync(nodeModules)
    .filter((name) => !name.startsWith("."))
    .flatMap((name) => (name.startsWith("@") ? readdirSync(join(nodeModules, name)).map((inner) => `${name}/${inner}`) : [name]))
    .sort();
}

/** What a folder takes on disk, in bytes (as `du` counts: allocated blocks). */
function diskUsage(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).reduce((total, entry) => total + (entry.isFile() ? lstatSync(join(entry.parentPath, entry.name)).blocks * 512 : 0), 0);
}

/** npm runs these when it installs a package (prepare: for git and folder installs; npm 11 warns at every install). */
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare"];

describe("what applications install", () => {
  it("sit-tracking-runtime for production (npm install --omit=dev of its tarball): one package, at most 1 MB on disk", () => {
    const app = makeProject({ "package.json": '{ "name": "app", "private": true }\n' });
    installPackedRuntime(app, ["--omit=dev"]);
    expect(installedPackages(join(app, "node_modules"))).toEqual(["sit-tracking-runtime"]);
    expect(diskUsage(join(app, "node_modules"))).toBeLessThanOrEqual(1024 * 1024);
    expect(packedManifest(packRuntime()).dependencies).toBeUndefined();
  });

  it("sit-tracking-runtime ships dist/, README.md, LICENSE and package.json, and every file its exports name", () => {
    const shipped = execFileSync("tar", ["-tzf", packRuntime()], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => line.replace(/^package\//, ""));
    expect([...new Set(shipped.map((path) => path.split("/")[0]))].sort()).toEqual(["LICENSE", "README.md", "dist", "package.json"]);
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "packages", "runtime", "package.json"), "utf8")) as { exports: Record<string, string | Record<string, Record<string, string>>> };
    const targets = Object.values(manifest.exports)
      .flatMap((target) => (typeof target === "string" ? [target] : Object.values(target).flatMap((condition) => Object.values(condition))))
      .map((target) => target.replace(/^\.\//, ""));
    expect(targets.length).toBe(25);
    expect(targets.filter((target) => !shipped.includes(target))).toEqual([]);
  });

  it("neither package runs a script when installed", () => {
    for (const tarball of [packSit(), packRuntime()]) {
      const scripts = Object.keys(packedManifest(tarball).scripts ?? {});
      expect({ tarball, install: scripts.filter((name) => INSTALL_SCRIPTS.includes(name)) }).toEqual({ tarball, install: [] });
    }
  });
});
