import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, readdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { makeProject, REPO_ROOT } from "../helpers/project";
import { LOCK_NAME } from "../../src/write/output-tree";
import { CONFIG, SDK_FILES } from "./output-folder";

/** Enough events that a run takes about a second, with megabytes to write. */
const EVENTS = 2000;

/**
 * A private copy of the built CLI: other work rebuilding dist/ meanwhile cannot change the
 * expected output half-way through this test.
 */
function frozenCli(): string {
  const root = makeProject({});
  cpSync(join(REPO_ROOT, "dist"), join(root, "dist"), { recursive: true });
  cpSync(join(REPO_ROOT, "bin"), join(root, "bin"), { recursive: true });
  copyFileSync(join(REPO_ROOT, "package.json"), join(root, "package.json"));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return join(root, "bin", "sit.js");
}

function eventDefinition(index: number, version: "old" | "new"): string {
  const property = version === "new" ? "additional_properties:\n  label:\n    description: where it happened\n" : "";
  return `description: Event ${index} happened${version === "new" ? " again" : ""}
internal_events: true
action: event_${index}
identifiers: [user]
${property}product_group: analytics_instrumentation
milestone: '18.0'
introduced_by_url: null
tiers: [free]
`;
}

/** Two sets of definitions, each with its own config, so switching is passing another --config. */
function largeProject(): string {
  const files: Record<string, string> = {
    "src/internal-events.ts": "export const InternalEvents = { trackEvent(): void {} };\n",
  };
  for (const version of ["old", "new"] as const) {
    files[`sit.${version}.yaml`] = CONFIG.replace("definitions: definitions", `definitions: definitions-${version}`);
    for (let index = 0; index < EVENTS; index++) files[`definitions-${version}/event_${index}.yml`] = eventDefinition(index, version);
  }
  return makeProject(files);
}

type Contents = Readonly<Record<string, string>>;
type Moment = { readonly afterMs: number } | { readonly when: string; readonly reached: () => boolean };

describe("generate killed with SIGKILL", () => {
  it("leaves every file wholly old or wholly new, and the next run cleans up and completes", async () => {
    const cli = frozenCli();
    const project = largeProject();
    const output = join(project, "generated");
    const run = (version: "old" | "new") => spawnSync(process.execPath, [cli, "generate", "--config", `sit.${version}.yaml`], { cwd: project, encoding: "utf8" });
    const read = (): Record<string, string> => Object.fromEntries(readdirSync(output).sort().map((name) => [name, readFileSync(join(output, name), "utf8")]));

    expect(run("new").status).toBe(0);
    const contents: Record<"old" | "new", Contents> = { old: {}, new: read() };
    const started = performance.now();
    expect(run("old").status).toBe(0);
    const fullRun = performance.now() - started;
    contents.old = read();
    expect(Object.keys(contents.old)).toEqual(SDK_FILES);
    expect(Object.keys(contents.new)).toEqual(SDK_FILES);
    // The runtime depends on the processors only, which both versions share.
    for (const name of ["catalog.ts", "index.ts", "validation.ts"]) expect(contents.old[name]).not.toBe(contents.new[name]);

    const replaced = (name: string): (() => boolean) => {
      const before = statSync(join(output, name)).ino;
      return () => statSync(join(output, name)).ino !== before;
    };
    // Delays across the whole run (a killed run's timing varies, so a little past its end too), then
    // moments inside the short write phase, found by watching the folder.
    const moments: (() => Moment)[] = [
      ...[0.2, 0.5, 0.8, 0.95, 1.1, 1.3].map((fraction) => () => ({ afterMs: Math.round(fraction * fullRun) })),
      () => ({ when: "a temporary file appears", reached: () => readdirSync(output).some((name) => name.startsWith(".sit-tmp-")) }),
      () => ({ when: "the first file is replaced", reached: replaced(SDK_FILES[0]!) }),
      () => ({ when: "the second file is replaced", reached: replaced(SDK_FILES[1]!) }),
    ];

    let current: "old" | "new" = "old";
    for (const [index, makeMoment] of moments.entries()) {
      const target: "old" | "new" = current === "old" ? "new" : "old";
      const moment = makeMoment();
      const child = spawn(process.execPath, [cli, "generate", "--config", `sit.${target}.yaml`], { cwd: project, stdio: "ignore" });
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      if ("afterMs" in moment) await sleep(moment.afterMs);
      else {
        // Polls without yielding, to kill within microseconds of the moment (or give up after a while).
        const deadline = performance.now() + 3 * fullRun;
        while (!moment.reached() && performance.now() < deadline);
      }
      child.kill("SIGKILL");
      await exited;

      // Whatever moment the kill landed on: each file is one of its two complete versions, and the
      // only other entries are temporary files and the killed run's lock, which the next run recovers.
      const context = `kill ${index} (${"afterMs" in moment ? `after ${moment.afterMs} ms` : `when ${moment.when}`})`;
      const names = readdirSync(output).sort();
      expect({ context, files: names.filter((name) => !name.startsWith(".sit-tmp-") && name !== LOCK_NAME) }).toEqual({ context, files: SDK_FILES });
      for (const name of SDK_FILES) {
        const text = readFileSync(join(output, name), "utf8");
        const version = text === contents.old[name] ? "old" : text === contents.new[name] ? "new" : "torn";
        expect({ context, name, version }).not.toEqual({ context, name, version: "torn" });
      }

      const rerun = run(target);
      expect({ context, status: rerun.status, stderr: rerun.stderr }).toEqual({ context, status: 0, stderr: expect.any(String) });
      expect(read()).toEqual(contents[target]);
      expect(readdirSync(output).filter((name) => name.startsWith(".sit"))).toEqual([]);
      current = target;
    }
  }, 300_000);
});
