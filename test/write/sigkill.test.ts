import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { LOCK_NAME } from "../../src/write/output-tree";
import { frozenCli, SDK_FILES, twoVersionProject } from "./output-folder";

type Contents = Readonly<Record<string, string>>;
type Moment = { readonly afterMs: number } | { readonly when: string; readonly reached: () => boolean };

describe("generate killed with SIGKILL", () => {
  it("leaves every file wholly old or wholly new, and the next run cleans up and completes", async () => {
    const cli = frozenCli();
    const project = twoVersionProject(2000);
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
