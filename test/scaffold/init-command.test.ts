import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { runInit, type InitCommandOptions } from "../../src/cli/commands/init";
import { withGeneratedEntry } from "../../src/scaffold/gitattributes-entry";
import { applyInit, INIT_LAYOUT, PACKAGE_SCRIPTS, planInit } from "../../src/scaffold/init-project";
import { UndoneWriteError } from "../../src/write/all-or-nothing";
import { makeProject, REPO_ROOT, runCli, runSit } from "../helpers/project";

/** `sit init` in-process, as when it is not run in a terminal (unless `terminal`). */
function sitInit(cwd: string, dir?: string, force = false, options: InitCommandOptions = {}, terminal = false) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runInit(dir, { ...options, ...(force ? { force } : {}) }, { out: (text) => out.push(text), err: (text) => err.push(text) }, cwd, terminal);
  if (typeof code !== "number") throw new Error("sit init asked in the terminal");
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** Every file under `dir` with its content (folders end with `/`). */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const absolute = join(dir, path);
    files[path] = statSync(absolute).isDirectory() ? "/" : readFileSync(absolute, "utf8");
  }
  return files;
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), "utf8");
const template = (path: string): string => readFileSync(join(REPO_ROOT, "templates", path), "utf8");

describe("sit init", () => {
  it("creates a project that validates and whose SDK is up to date", () => {
    const dir = makeProject({});
    const result = sitInit(dir);
    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout: `created sit.config.yaml
created definitions/view_home_page.yml
created src/tracking/internal-events.ts
created .gitattributes
wrote the SDK into generated/ (catalog.ts, checks.ts, core.ts, index.ts, runtime.ts, validation.ts)

Next steps:
  1. Point src/tracking/internal-events.ts at your collector.
  2. Add events with \`npx sit new <action>\` (or edit definitions/view_home_page.yml), then \`npx sit generate\`.
  3. Track them: import { trackViewHomePage } from "./generated/index.js";
  4. In CI, \`npx sit generate --check\` fails when generated/ is out of date with the definitions.`,
    });
    expect(read(dir, "sit.config.yaml")).toBe(template("init/sit.config.yaml"));
    expect(read(dir, "src/tracking/internal-events.ts")).toBe(template("init/internal-events.ts"));
    expect(read(dir, ".gitattributes")).toBe(template("init/gitattributes"));
    expect(read(dir, "definitions/view_home_page.yml")).toBe(`description: A signed-in user views the home page
internal_events: true
action: view_home_page
identifiers:
  - user
additional_properties:
  label:
    description: 'how the user got there: search, link or direct'
product_group: your_group
milestone: null
introduced_by_url: null
tiers:
  - free
  - premium
  - ultimate
`);
    expect(runCli(["validate"], dir)).toMatchObject({ code: 0, stderr: expect.stringMatching(/^0 errors and 0 warnings|^no problems/) as unknown });
    expect(runCli(["generate", "--check"], dir).code).toBe(0);
    expect(read(dir, "generated/index.ts")).toContain("export function trackViewHomePage(");
  });

  it("names the same folders and module in its config template as it creates", () => {
    const config = load(template("init/sit.config.yaml")) as {
      definitions: string;
      output: string;
      processors: Record<string, { module: string }>;
      defaultProcessors: string[];
    };
    expect(config.definitions).toBe(INIT_LAYOUT.definitions);
    expect(config.output).toBe(INIT_LAYOUT.output);
    expect(`${config.processors["InternalEvents"]?.module}.ts`).toBe(`./${INIT_LAYOUT.processor}`);
    expect(config.defaultProcessors).toEqual(["InternalEvents"]);
    expect(template("init/gitattributes")).toContain(`\n${INIT_LAYOUT.output}/** linguist-generated`);
  });

  it("adds the two scripts to package.json, keeping its layout, and says sit-tracking-runtime belongs in dependencies", () => {
    const packageJson = '{\n    "name": "app",\n    "files": ["dist"],\n    "devDependencies": {\n        "sit-tracking": "^0.1.0"\n    }\n}\n';
    const dir = makeProject({ "package.json": packageJson });
    const result = sitInit(dir);
    expect(result.code).toBe(0);
    expect(read(dir, "package.json")).toBe(
      '{\n    "name": "app",\n    "files": ["dist"],\n    "devDependencies": {\n        "sit-tracking": "^0.1.0"\n    },\n    "scripts": {\n        "sit:generate": "sit generate",\n        "sit:check": "sit generate --check"\n    }\n}\n',
    );
    expect(result.stdout).toContain("added the scripts sit:generate and sit:check to package.json");
    expect(result.stdout).toContain("then `npm run sit:generate`");
    expect(result.stdout).toContain("In CI, `npm run sit:check` fails");
    expect(result.stdout).toContain(
      "5. src/tracking/internal-events.ts imports sit-tracking-runtime when the app runs: add sit-tracking-runtime to dependencies (`npm install sit-tracking-runtime`).",
    );
    expect(result.stdout).not.toContain("6.");
  });

  it("says where each of sit's packages belongs when package.json lists them the other way round", () => {
    const dir = makeProject({ "package.json": '{\n  "dependencies": { "sit-tracking": "1" },\n  "devDependencies": { "sit-tracking-runtime": "1" }\n}\n' });
    const result = sitInit(dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "5. src/tracking/internal-events.ts imports sit-tracking-runtime when the app runs: move sit-tracking-runtime from devDependencies to dependencies (`npm install sit-tracking-runtime`).\n" +
        "  6. sit-tracking only generates code: move it to devDependencies (`npm install -D sit-tracking`), so production installs leave it out.",
    );
  });

  it("never replaces a script of the same name, and says so", () => {
    const dir = makeProject({
      "package.json": '{\n  "dependencies": { "sit-tracking-runtime": "1" },\n  "devDependencies": { "sit-tracking": "1" },\n  "scripts": {\n    "sit:check": "sit generate --check -c app.yaml"\n  }\n}\n',
    });
    const result = sitInit(dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(read(dir, "package.json")).scripts).toEqual({ "sit:check": "sit generate --check -c app.yaml", "sit:generate": "sit generate" });
    expect(result.stderr).toBe('sit init: warning: package.json has a script "sit:check" already ("sit generate --check -c app.yaml"); left as it is');
    expect(result.stdout).not.toMatch(/imports sit-tracking-runtime when the app runs|only generates code/);
  });

  it("refuses to overwrite: lists every file in the way, writes nothing, exits 1", () => {
    const dir = makeProject({
      "sit.config.json": "{}\n",
      "src/tracking/internal-events.ts": "export const Mine = 1;\n",
      "generated/keep.txt": "mine\n",
      "package.json": '{ "name": "app" }\n',
      ".gitattributes": "* text=auto\n",
    });
    const before = snapshot(dir);
    expect(sitInit(dir)).toEqual({
      code: 1,
      stdout: "",
      stderr: `sit init: nothing written, because these exist already (--force overwrites them):
  src/tracking/internal-events.ts
  sit.config.json (another config file)
  generated/ (the output folder, not empty)`,
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it("overwrites with --force, and adds its line to an existing .gitattributes once", () => {
    const dir = makeProject({ "src/tracking/internal-events.ts": "export const Mine = 1;\n", ".gitattributes": "* text=auto" });
    const result = sitInit(dir, undefined, true);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("overwrote src/tracking/internal-events.ts\n");
    expect(result.stdout).toContain("added generated/ as generated code to .gitattributes\n");
    expect(read(dir, "src/tracking/internal-events.ts")).toBe(template("init/internal-events.ts"));
    expect(read(dir, ".gitattributes")).toBe(`* text=auto\n${template("init/gitattributes")}`);

    const again = sitInit(dir, undefined, true);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain(".gitattributes");
    expect(read(dir, ".gitattributes")).toBe(`* text=auto\n${template("init/gitattributes")}`);
  });

  it("creates the project in a folder given as an argument, naming paths from where it runs", () => {
    const cwd = makeProject({});
    const result = sitInit(cwd, "packages/web");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("created packages/web/sit.config.yaml\n");
    expect(result.stdout).toContain("wrote the SDK into packages/web/generated/");
    expect(result.stdout).toContain("Next steps:\n  cd packages/web\n  1. ");
    expect(existsSync(join(cwd, "packages/web/generated/index.ts"))).toBe(true);
    expect(existsSync(join(cwd, "sit.config.yaml"))).toBe(false);
  });

  it.each([
    [
      "a package.json that is not JSON",
      { "package.json": '{\n  "name": "app",\n}\n' },
      "package.json:3:1: error: cannot add the scripts: it is not valid JSON",
    ],
    ["a folder argument that is a file", { app: "a file\n" }, "sit init: app is not a folder"],
  ])("stops with exit 2 on %s, writing nothing", (_, files, message) => {
    const dir = makeProject(files);
    const before = snapshot(dir);
    const result = sitInit(dir, "app" in files ? "app" : undefined);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(snapshot(dir)).toEqual(before);
  });

  it("leaves a read-only package.json (mode 0444) as it is, even where it could write it (as root): nothing written, exit 2", () => {
    const dir = makeProject({ "package.json": '{ "name": "app" }\n' });
    chmodSync(join(dir, "package.json"), 0o444);
    const before = snapshot(dir);
    const result = sitInit(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("package.json: error: it is read-only (mode 0444), and sit init changes no read-only file: make it writable to let init change it");
    expect(snapshot(dir)).toEqual(before);
    expect(statSync(join(dir, "package.json")).mode & 0o777).toBe(0o444);
  });

  it("reports a package.json that is a folder, writing nothing", () => {
    const dir = makeProject({ "package.json/keep.txt": "mine\n" });
    const before = snapshot(dir);
    expect(sitInit(dir)).toEqual({ code: 2, stdout: "", stderr: "package.json: error: it is a folder, not a file" });
    expect(snapshot(dir)).toEqual(before);
  });

  it("reads a package.json that starts with a byte-order mark, as npm does, and keeps the mark", () => {
    const dir = makeProject({ "package.json": '\uFEFF{\n  "name": "app"\n}\n' });
    expect(sitInit(dir).code).toBe(0);
    expect(read(dir, "package.json")).toBe('\uFEFF{\n  "name": "app",\n  "scripts": {\n    "sit:generate": "sit generate",\n    "sit:check": "sit generate --check"\n  }\n}\n');
  });

  it("writes through a package.json that is a symbolic link, which stays a link, and keeps the file's mode", () => {
    const dir = makeProject({ "shared/package.json": '{ "name": "app" }\n' });
    chmodSync(join(dir, "shared", "package.json"), 0o640);
    symlinkSync(join("shared", "package.json"), join(dir, "package.json"));
    expect(sitInit(dir).code).toBe(0);
    expect(lstatSync(join(dir, "package.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(read(dir, "shared/package.json")).scripts).toEqual(PACKAGE_SCRIPTS);
    expect(statSync(join(dir, "shared", "package.json")).mode & 0o777).toBe(0o640);
  });

  it("undoes every write when a later one fails: files and folders it created go, files it edited get their content back", () => {
    const dir = makeProject({ "package.json": '{ "name": "app" }\n', ".gitattributes": "* text=auto\n" });
    const before = snapshot(dir);
    const plan = planInit(dir, dir, "gitlab");
    if (plan.refused) throw new Error("init refused a plain project");
    // Something takes package.json's place between the checks and the writes: its write, the last, fails.
    rmSync(join(dir, "package.json"));
    mkdirSync(join(dir, "package.json"));
    const failure = (() => {
      try {
        applyInit(plan, false);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(UndoneWriteError);
    expect(failure).toMatchObject({ message: expect.stringMatching(/^cannot write package\.json: /) as unknown, leftBehind: [] });
    expect(snapshot(dir)).toEqual({ ...before, "package.json": "/" });
  });

  it("exits 2 and changes nothing when package.json cannot be written (an immutable file, as root)", () => {
    const dir = makeProject({ "package.json": '{ "name": "app" }\n' });
    const packagePath = join(dir, "package.json");
    try {
      execFileSync("chattr", ["+i", packagePath], { stdio: "ignore" });
    } catch {
      return; // chattr needs root and a file system with the flag; the test above covers the undoing anyway.
    }
    try {
      const before = snapshot(dir);
      const result = sitInit(dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^sit init: cannot write package\.json: .*; nothing was changed$/);
      expect(snapshot(dir)).toEqual(before);
    } finally {
      execFileSync("chattr", ["-i", packagePath]);
    }
  });

  it("exits 1 when the first generate finds errors in definitions that were there, leaving its files in place", () => {
    const dir = makeProject({ "definitions/broken.yml": "description: x\n" });
    const result = sitInit(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("definitions/broken.yml");
    expect(result.stderr).toContain("sit init: the files are in place, but the first generate found errors: fix them, then run `npx sit generate`");
    expect(existsSync(join(dir, "sit.config.yaml"))).toBe(true);
  });
});

describe("sit init with GitLab's conventions", () => {
  /** What init wrote and printed before it knew a team's own conventions: captured from main's build (315bf6b). */
  const golden = JSON.parse(readFileSync(join(__dirname, "fixtures", "init-gitlab.json"), "utf8")) as {
    packageJsonBefore: string;
    stdout: string;
    stderr: string;
    files: Record<string, string>;
  };

  it.each([[[]], [["--conventions", "gitlab"]]])("writes and prints byte for byte what it did before (%j)", (flags) => {
    const dir = makeProject({ "package.json": golden.packageJsonBefore });
    const result = runSit(["init", ...flags], dir);
    expect({ stdout: result.stdout, stderr: result.stderr, code: result.code }).toEqual({ stdout: golden.stdout, stderr: golden.stderr, code: 0 });
    const written = Object.fromEntries(Object.keys(snapshot(dir)).filter((path) => !path.startsWith("generated") && !statSync(join(dir, path)).isDirectory()).map((path) => [path, read(dir, path)]));
    expect(written).toEqual(golden.files);
  });
});

describe("sit init with the team's own conventions", () => {
  it("writes rules, commented identifiers and an example with a free name and typed properties, that validate and generate", () => {
    const dir = makeProject({});
    const result = sitInit(dir, undefined, false, { conventions: "own" });
    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout: `created sit.config.yaml
created definitions/home_page_viewed.yml
created src/tracking/internal-events.ts
created .gitattributes
wrote the SDK into generated/ (catalog.ts, checks.ts, core.ts, index.ts, runtime.ts, validation.ts)

Next steps:
  1. Point src/tracking/internal-events.ts at your collector.
  2. Make the rules in sit.config.yaml your plan's (tiers, the keys every definition must have), and declare your own identifiers there.
  3. Add events with \`npx sit new "<event name>"\` (or edit definitions/home_page_viewed.yml), then \`npx sit generate\`.
  4. Track them: import { trackHomePageViewed } from "./generated/index.js";
  5. In CI, \`npx sit generate --check\` fails when generated/ is out of date with the definitions.`,
    });
    expect(read(dir, "sit.config.yaml")).toBe(template("init/sit.config.own.yaml"));
    expect(read(dir, "definitions/home_page_viewed.yml")).toBe(`description: A signed-in user views the home page
internal_events: true
action: Home Page Viewed
identifiers:
  - user
additional_properties:
  source:
    description: how the user got there
    type: string
    required: true
    enum: [search, link, direct]
  referrer:
    description: the page the user came from; null when the browser does not say
    type: [string, 'null']
`);
    expect(runCli(["validate"], dir)).toMatchObject({ code: 0, stderr: "no problems (1 definition file checked)" });
    expect(runCli(["generate", "--check"], dir).code).toBe(0);
    expect(read(dir, "generated/index.ts")).toMatch(/export function trackHomePageViewed\(args: HomePageViewedArgs\)/);
  });

  it("has rules a team edits, and identifiers that work once uncommented: a custom one and one from the tracking context", () => {
    const own = template("init/sit.config.own.yaml");
    expect(load(own)).toMatchObject({
      rules: { eventNames: "any", propertyNames: "any", tiers: ["starter", "pro", "enterprise"], required: ["description", "action"] },
    });
    const uncommented = own.replace(/^# (identifiers:|  account:|  user:|defaults:|  product_group:|  tiers:)/gm, "$1");
    expect(load(uncommented)).toMatchObject({ identifiers: { account: { type: "string" }, user: { fromContext: true } }, defaults: { product_group: "your_group" } });
    const dir = makeProject({});
    expect(sitInit(dir, undefined, false, { conventions: "own" }).code).toBe(0);
    writeFileSync(join(dir, "sit.config.yaml"), uncommented);
    writeFileSync(join(dir, "definitions/home_page_viewed.yml"), read(dir, "definitions/home_page_viewed.yml").replace("  - user\n", "  - user\n  - account\n"));
    expect(runCli(["validate"], dir)).toMatchObject({ code: 0, stderr: "no problems (1 definition file checked)" });
    expect(runCli(["generate"], dir).code).toBe(0);
    expect(read(dir, "generated/index.ts")).toMatch(/export const setTrackingContext\b[^]*export function trackHomePageViewed\(args: HomePageViewedArgs\)/);
    expect(read(dir, "generated/index.ts")).toMatch(/interface HomePageViewedArgs {\s+readonly account: AccountIdentifier;\s+readonly additionalProperties/);
  });

  it("in a terminal, says what is in the way whatever the answer before it asks (exit 1), writing nothing", () => {
    const dir = makeProject({ "sit.config.yaml": "output: out\n", "definitions/view_home_page.yml": "mine\n" });
    const before = snapshot(dir);
    expect(sitInit(dir, undefined, false, {}, true)).toEqual({
      code: 1,
      stdout: "",
      stderr: "sit init: nothing written, because these exist already (--force overwrites them):\n  sit.config.yaml",
    });
    expect(sitInit(join(dir, "definitions", "view_home_page.yml"), ".", false, {}, true)).toMatchObject({ code: 2, stderr: "sit init: . is not a folder" });
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses conventions it does not know (exit 2)", () => {
    const result = runSit(["init", "--conventions", "mine"], makeProject({}));
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining("argument 'mine' is invalid. Allowed choices are gitlab, own.") as unknown });
  });
});

describe("withGeneratedEntry", () => {
  const entry = "# sit\ngenerated/** linguist-generated gitlab-generated\n";
  it.each([
    [undefined, entry, "create"],
    ["", entry, "append"],
    ["*.png binary", `*.png binary\n${entry}`, "append"],
    ["*.png binary\r\n", `*.png binary\r\n# sit\r\ngenerated/** linguist-generated gitlab-generated\r\n`, "append"],
    ["a\n  generated/** linguist-generated gitlab-generated  \n", "a\n  generated/** linguist-generated gitlab-generated  \n", "present"],
  ])("%j", (existing, content, change) => {
    expect(withGeneratedEntry(existing, entry)).toEqual({ content, change });
  });
});
