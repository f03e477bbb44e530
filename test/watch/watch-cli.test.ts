import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { definition, makeProject } from "../helpers/project";
import { frozenCli, readIfThere, WatchProcess } from "./watch-process";

const CONFIG = `processors:
  InternalEvents: { module: ./src/internal-events, export: InternalEvents }
  Audit: { module: ./src/audit, export: Audit }
defaultProcessors: [InternalEvents]
`;

const projectFiles = (): Record<string, string> => ({
  "sit.config.yaml": CONFIG,
  "src/internal-events.ts": "export const InternalEvents = { trackEvent(): void {} };\n",
  "src/audit.ts": "export const Audit = { trackEvent(): void {} };\n",
  // The cache lives in the project's node_modules/.cache/sit/, and goes with it.
  "node_modules/.keep": "",
  "definitions/create_snippet.yml": definition("create_snippet"),
});

const watchedProject = (): string => makeProject({ ...projectFiles(), "definitions/open_help.yml": definition("open_help") });

const cli = frozenCli();
const running: WatchProcess[] = [];
const watch = (cwd: string, ...args: string[]): WatchProcess => {
  const watcher = new WatchProcess(cli, args, cwd);
  running.push(watcher);
  return watcher;
};
afterEach(() => {
  for (const watcher of running.splice(0)) watcher.kill();
});

describe("sit generate --watch", () => {
  it("regenerates after each change, reports errors without writing, and exits 0 on Ctrl-C", async () => {
    const project = watchedProject();
    const output = join(project, "generated");
    const index = (): string => readIfThere(join(output, "index.ts")) ?? "";
    const sit = watch(project);
    await sit.until("the first run and watching", () => sit.stderr.includes("Watching definitions/ and sit.config.yaml") && index().includes("trackOpenHelp"));
    expect(sit.stderr).toMatch(/^generated\/: 2 events; wrote 6 \(catalog\.ts, checks\.ts, core\.ts, index\.ts, runtime\.ts, validation\.ts\), 0 unchanged$/m);

    let runs = sit.runs();
    writeFileSync(join(project, "definitions/create_snippet.yml"), definition("create_snippet").replace("create_snippet happened", "Snippets are made"));
    await sit.nextRun("the edit", runs);
    expect(sit.stderr).toMatch(/^generated\/: 2 events; wrote 2 \(catalog\.ts, index\.ts\), 4 unchanged \(definitions\/create_snippet\.yml changed; \d+ ms\)$/m);
    expect(index()).toContain("Snippets are made.");

    // In a folder created after watching started.
    runs = sit.runs();
    mkdirSync(join(project, "definitions/sharing"));
    writeFileSync(join(project, "definitions/sharing/share_snippet.yml"), definition("share_snippet"));
    await sit.nextRun("the added definition", runs, () => index().includes("export function trackShareSnippet("));
    runs = sit.runs();
    rmSync(join(project, "definitions/sharing"), { recursive: true });
    await sit.nextRun("the deleted definition gone", runs, () => !index().includes("trackShareSnippet"));

    const before = readdirSync(output).map((name) => readFileSync(join(output, name), "utf8"));
    runs = sit.runs();
    writeFileSync(join(project, "definitions/open_help.yml"), `${definition("open_help")}status: [\n`);
    await sit.nextRun("the error", runs);
    expect(sit.stderr).toMatch(/^definitions\/open_help\.yml:\d+:\d+: error SIT\d+: .*\n(?: {2}hint: .*\n)?1 error and 0 warnings in 1 file; nothing written$/m);
    expect(readdirSync(output).map((name) => readFileSync(join(output, name), "utf8"))).toEqual(before);
    expect(sit.running).toBe(true);

    runs = sit.runs();
    writeFileSync(join(project, "definitions/open_help.yml"), definition("open_help").replace("open_help happened", "Help is opened"));
    await sit.nextRun("the fixed definition", runs, () => index().includes("Help is opened."));

    runs = sit.runs();
    writeFileSync(join(project, "sit.config.yaml"), CONFIG.replace("defaultProcessors: [InternalEvents]", "defaultProcessors: [InternalEvents, Audit]"));
    await sit.nextRun("the config change", runs);
    expect(sit.stderr).toMatch(/\(config changed; \d+ ms\)$/m);
    expect(readIfThere(join(output, "runtime.ts"))).toContain("Audit");

    expect(await sit.stop("SIGINT")).toBe(0);
    expect(readdirSync(output).sort()).toEqual(["catalog.ts", "checks.ts", "core.ts", "index.ts", "runtime.ts", "validation.ts"]);
    expect(sit.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it("leaves the fast path's cache up to date when it ends", async () => {
    // A file named unlike its action: a warning on every full run, which the fast path does not repeat.
    const project = makeProject({ ...projectFiles(), "definitions/renamed.yml": definition("open_help") });
    const sit = watch(project);
    await sit.until("watching", () => sit.stderr.includes("Watching"));
    expect(sit.stderr).toContain("warning SIT022");
    const runs = sit.runs();
    writeFileSync(join(project, "definitions/renamed.yml"), definition("open_help").replace("open_help happened", "Help is opened"));
    await sit.nextRun("the edit", runs);
    // Stopped at once: the cache, written a second after a run, is written as the watch ends.
    expect(await sit.stop()).toBe(0);
    const check = spawnSync(process.execPath, [cli, "generate", "--check"], { cwd: project, encoding: "utf8" });
    expect(check.status).toBe(0);
    expect(check.stderr).toBe("generated/ is up to date\n");
  });

  it("makes one run of a burst of changes, such as a checkout", async () => {
    const project = watchedProject();
    const sit = watch(project);
    await sit.until("watching", () => sit.stderr.includes("Watching"));
    const runsBefore = sit.runs();
    for (let index = 0; index < 40; index++) writeFileSync(join(project, `definitions/event_${index}.yml`), definition(`event_${index}`));
    await sit.nextRun("every new definition generated", runsBefore, () => (readIfThere(join(project, "generated/index.ts")) ?? "").includes("trackEvent39"));
    const runs = sit.runs() - runsBefore;
    // One run when the burst fits in the quiet time; a loaded machine that stalls mid-burst needs a few, never one per file.
    expect(runs).toBeLessThanOrEqual(5);
    expect(await sit.stop("SIGTERM")).toBe(0);
  });

  it("prints one JSON object per run, each on its own line, with --json", async () => {
    const project = watchedProject();
    const sit = watch(project, "--json");
    await sit.until("the first run", () => sit.stdout.endsWith("\n"));
    writeFileSync(join(project, "definitions/open_help.yml"), `${definition("open_help")}status: [\n`);
    await sit.until("the second run", () => sit.stdout.split("\n").length === 3);
    expect(await sit.stop()).toBe(0);
    const runs = sit.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { status: string; changes: { path: string }[]; diagnostics: { file: string; code: string }[] });
    expect(runs.map((run) => run.status)).toEqual(["written", "invalid"]);
    expect(runs[0]!.changes.map((change) => change.path)).toEqual(["catalog.ts", "checks.ts", "core.ts", "index.ts", "runtime.ts", "validation.ts"]);
    expect(runs[1]!.diagnostics.map((diagnostic) => diagnostic.file)).toEqual(["definitions/open_help.yml"]);
    expect(sit.stderr).toBe("");
  });

  it("refuses --watch with --check, and a folder with no project to watch", () => {
    const project = watchedProject();
    const both = spawnSync(process.execPath, [cli, "generate", "--watch", "--check"], { cwd: project, encoding: "utf8" });
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("option '-w, --watch' cannot be used with option '--check'");

    const empty = makeProject({ "README.md": "no sit here\n" });
    const nothing = spawnSync(process.execPath, [cli, "generate", "--watch"], { cwd: empty, encoding: "utf8", timeout: 15_000 });
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain("error SIT043");
    expect(nothing.stderr).not.toContain("Watching");
  });
});
