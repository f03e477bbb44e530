import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { definition, makeProject } from "../helpers/project";
import { frozenCli, readIfThere, WatchProcess } from "./watch-process";

/**
 * What `generate --watch` watches besides definitions edited in place: the modules the config
 * names, the definitions folder itself (replaced whole, as a checkout of another branch may),
 * and folders reached through a symbolic link.
 */

const CONFIG = `processors:
  InternalEvents: { module: ./src/tracking/internal-events, export: InternalEvents }
defaultProcessors: [InternalEvents]
`;
const PROCESSOR = "export const InternalEvents = { trackEvent(): void {} };\n";

const cli = frozenCli();
const running: WatchProcess[] = [];
afterEach(() => {
  for (const watcher of running.splice(0)) watcher.kill();
});

function watch(project: string): WatchProcess {
  const watcher = new WatchProcess(cli, [], project);
  running.push(watcher);
  return watcher;
}

const index = (project: string): string => readIfThere(join(project, "generated", "index.ts")) ?? "";

describe("sit generate --watch also watches", () => {
  it("the modules the config names: creating a missing one regenerates", async () => {
    const project = makeProject({ "sit.config.yaml": CONFIG, "definitions/open_help.yml": definition("open_help") });
    const sit = watch(project);
    // The report and the line saying the watch has begun come in separate writes: wait for both,
    // so the module is created only once the folders are watched.
    await sit.until(
      "the missing module reported, and the watch begun",
      () => sit.stderr.includes(`module "./src/tracking/internal-events" of processor "InternalEvents" not found`) && sit.stderr.includes("Watching"),
    );
    expect(sit.stderr).toContain("Watching definitions/ and sit.config.yaml");
    // Its folder does not exist yet either: the nearest folder that does is watched.
    mkdirSync(join(project, "src", "tracking"), { recursive: true });
    writeFileSync(join(project, "src", "tracking", "internal-events.ts"), PROCESSOR);
    await sit.until("the SDK generated", () => index(project).includes("trackOpenHelp"));
    expect(readIfThere(join(project, "generated", "runtime.ts"))).toContain('"../src/tracking/internal-events.js"');
    expect(await sit.stop()).toBe(0);
  });

  it("the modules the config names: exporting the missing name regenerates", async () => {
    const project = makeProject({
      "sit.config.yaml": CONFIG,
      "src/tracking/internal-events.ts": "export const InternalEvent = { trackEvent(): void {} };\n",
      "definitions/open_help.yml": definition("open_help"),
    });
    const sit = watch(project);
    await sit.until("the missing export reported, and the watch begun", () => sit.stderr.includes("error SIT050") && sit.stderr.includes("Watching"));
    writeFileSync(join(project, "src", "tracking", "internal-events.ts"), PROCESSOR);
    await sit.until("the SDK generated", () => index(project).includes("trackOpenHelp"));
    expect(await sit.stop()).toBe(0);
  });

  it("the definitions folder itself: removed, it is reported; put back, the SDK follows it", async () => {
    const project = makeProject({
      "sit.config.yaml": CONFIG,
      "src/tracking/internal-events.ts": PROCESSOR,
      "definitions/open_help.yml": definition("open_help"),
      "other-branch/definitions/close_help.yml": definition("close_help"),
    });
    const sit = watch(project);
    await sit.until("the first run, and the watch begun", () => index(project).includes("trackOpenHelp") && sit.stderr.includes("Watching"));
    renameSync(join(project, "definitions"), join(project, "old-definitions"));
    await sit.until("the missing folder reported", () => sit.stderr.includes('error SIT030: definitions folder "definitions" not found'));
    renameSync(join(project, "other-branch", "definitions"), join(project, "definitions"));
    await sit.until("the other definitions generated", () => index(project).includes("trackCloseHelp") && !index(project).includes("trackOpenHelp"));
    // The folder now in place is watched, not the one that left.
    writeFileSync(join(project, "definitions", "reopen_help.yml"), definition("reopen_help"));
    await sit.until("a definition added to it", () => index(project).includes("trackReopenHelp"));
    expect(await sit.stop()).toBe(0);
  });

  it("folders reached through a symbolic link inside the project", async () => {
    const project = makeProject({
      "sit.config.yaml": CONFIG,
      "src/tracking/internal-events.ts": PROCESSOR,
      "definitions/open_help.yml": definition("open_help"),
      "shared/close_help.yml": definition("close_help"),
    });
    symlinkSync(join(project, "shared"), join(project, "definitions", "shared"), "dir");
    const sit = watch(project);
    await sit.until("the first run, and the watch begun", () => index(project).includes("trackCloseHelp") && sit.stderr.includes("Watching"));
    writeFileSync(join(project, "shared", "close_help.yml"), definition("close_help").replace("close_help happened", "Help is closed"));
    await sit.until("the linked definition's edit", () => index(project).includes("Help is closed."));
    rmSync(join(project, "shared", "close_help.yml"));
    await sit.until("the linked definition's removal", () => !index(project).includes("trackCloseHelp"));
    expect(await sit.stop()).toBe(0);
  });
});
