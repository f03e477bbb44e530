import { lstatSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { EXIT_USAGE } from "../diagnostics/exit-codes";
import type { Output } from "../diagnostics/report";
import { CoalescingTimer } from "./coalescing-timer";
import { definitionFolders, type DefinitionFolders } from "./definition-folders";
import { FolderWatchers } from "./folder-watchers";
import { WatchedProject, type ConfigView, type DefinitionChanges } from "./watched-project";
import { isDefinitionFileName } from "../load/find-definition-files";

/** Quiet time after the last change before a run: an editor's save and a checkout arrive as bursts. */
const QUIET_MS = 50;
/** Changes that never pause still get a run this often. */
const MAX_WAIT_MS = 1000;
/** Where the file system watches a folder with its subfolders itself; elsewhere each folder is watched. */
const NATIVE_RECURSIVE = process.platform === "darwin" || process.platform === "win32";

/** What a watching command does with the project at each run: `generate --watch` writes the SDK, `inspect` reloads its checks. */
export interface ProjectRuns {
  /** One run, after `project.readConfig()` gave `config`; returns its exit code as the command would. */
  run(project: WatchedProject, changes: DefinitionChanges, config: ConfigView, first: boolean): number;
  /** Watching has ended: finish what was put off. */
  close(): void;
  /** A path as the user sees it. */
  shown(path: string): string;
}

export interface WatchSessionOptions {
  readonly config?: string | undefined;
  /** Say on stderr, once the first run is done, what is watched (not with `--json`). */
  readonly announce: boolean;
}

/**
 * A project watched for changes: a first run, then a run after each change of a definition, of
 * the config or of what the config points at, each told only what changed (see WatchedProject).
 * What a run does is the command's (ProjectRuns): `sit generate --watch` writes the SDK,
 * `sit inspect` checks events against the new definitions.
 */
export class WatchSession {
  private readonly project: WatchedProject;
  private readonly timer = new CoalescingTimer(QUIET_MS, MAX_WAIT_MS, () => this.runSafely());
  private readonly definitionWatchers = new FolderWatchers(
    (folder, name) => this.definitionChanged(folder, name),
    () => this.relistSoon(),
    NATIVE_RECURSIVE,
  );
  private readonly configWatchers = new FolderWatchers(
    (folder, name) => this.configFolderChanged(folder, name),
    () => this.relistSoon(),
  );
  private folders: DefinitionFolders = { all: new Map(), plain: new Set() };
  private definitionsDir: string | undefined;
  private configFile: string | undefined;
  private changedPaths = new Set<string>();
  private relist = false;
  private closed = false;

  constructor(
    private readonly options: WatchSessionOptions,
    private readonly runs: ProjectRuns,
    /** For the line that says watching has started, and for errors that end it. */
    private readonly output: Output,
    cwd: string,
    /** Watching cannot go on (a bug, or the system's limit of watches): the command ends with this code. */
    private readonly stop: (code: number) => void,
  ) {
    this.project = new WatchedProject(cwd, options.config);
  }

  /**
   * The first run, then watching starts. Returns the exit code when there is nothing to watch (no
   * config and no definitions folder), else `undefined`.
   */
  start(): number | undefined {
    let code: number;
    try {
      code = this.run(true);
    } catch (error) {
      if (!(error instanceof WatchLimitError)) throw error;
      this.output.err(error.message);
      return EXIT_USAGE;
    }
    if (code === EXIT_USAGE && this.definitionsDir === undefined) return code;
    if (this.options.announce) this.output.err(`Watching ${this.watchedNames()} for changes; press Ctrl-C to stop.`);
    return undefined;
  }

  close(): void {
    this.closed = true;
    this.timer.cancel();
    this.runs.close();
    this.definitionWatchers.close();
    this.configWatchers.close();
  }

  private runSafely(): void {
    if (this.closed) return;
    try {
      this.run(false);
    } catch (error) {
      if (error instanceof WatchLimitError) {
        this.output.err(error.message);
        this.stop(EXIT_USAGE);
        return;
      }
      const detail = process.env["SIT_DEBUG"] === "1" && error instanceof Error ? `\n${error.stack}` : "";
      this.output.err(
        `sit: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\n` +
          "This is a bug in sit, not in your definitions. Please report it with the command you ran (set SIT_DEBUG=1 for details).",
      );
      this.stop(EXIT_USAGE);
    }
  }

  /** One run; returns its exit code. */
  private run(first: boolean): number {
    const changes = { paths: this.changedPaths, relist: this.relist };
    this.changedPaths = new Set();
    this.relist = false;
    const config = this.project.readConfig();
    // Watch before reading: a file changed while it is being read then makes another run.
    this.watch(config, changes.relist);
    return this.runs.run(this.project, changes, config, first);
  }

  /** Watches what this run reads: the definitions folder's tree when it may have changed, and the config's folders. */
  private watch(config: ConfigView, relist: boolean): void {
    this.configFile = config.configFile;
    const { definitionsDir, realRootDir } = config;
    if (config.reloaded || relist || definitionsDir !== this.definitionsDir) {
      this.definitionsDir = definitionsDir;
      this.folders = definitionsDir === undefined || realRootDir === undefined ? { all: new Map(), plain: new Set() } : definitionFolders(definitionsDir, realRootDir);
      this.watchFolders(this.definitionWatchers, NATIVE_RECURSIVE ? this.definitionsRoot() : this.folders.all);
    }
    this.watchFolders(this.configWatchers, new Map(config.configFolders.map((folder) => [folder, undefined])));
  }

  /** The definitions folder alone, for a watcher that sees its subfolders too. */
  private definitionsRoot(): Map<string, bigint> {
    const inode = this.definitionsDir === undefined ? undefined : this.folders.all.get(this.definitionsDir);
    return this.definitionsDir === undefined || inode === undefined ? new Map() : new Map([[this.definitionsDir, inode]]);
  }

  private watchFolders(watchers: FolderWatchers, folders: ReadonlyMap<string, bigint | undefined>): void {
    try {
      watchers.watchOnly(folders);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const limit =
        code === "ENOSPC"
          ? "the system's limit of watched folders is reached (raise fs.inotify.max_user_watches)"
          : code === "EMFILE"
            ? "too many open files (raise the limit with ulimit -n)"
            : error instanceof Error
              ? error.message
              : String(error);
      throw new WatchLimitError(`sit: cannot watch the definitions: ${limit}`);
    }
  }

  /** A change below the definitions folder: a definition it names, or a folder that needs listing again. */
  private definitionChanged(folder: string, name: string | undefined): void {
    if (this.closed) return;
    const path = name === undefined ? undefined : join(folder, name);
    if (path !== undefined && isDefinitionFileName(path) && !this.folders.all.has(path)) {
      // Reached through a link, a definition's path may not be the one findDefinitions gives it.
      if (this.folders.plain.has(dirname(path))) this.changedPaths.add(path);
      else this.relist = true;
    } else if (path === undefined || this.folders.all.has(path) || isFolderOrLink(path) || !isFolderOrLink(dirname(path))) {
      this.relist = true;
    } else {
      // A file that is no definition, such as an editor's swap file.
      return;
    }
    this.timer.poke();
  }

  /** A change beside the config or a module it names; the run reads the config again to see whether it matters. */
  private configFolderChanged(folder: string, name: string | undefined): void {
    if (this.closed) return;
    const path = name === undefined ? undefined : join(folder, name);
    const definitionsDir = this.definitionsDir;
    if (path === undefined || (definitionsDir !== undefined && (definitionsDir === path || definitionsDir.startsWith(`${path}${sep}`)))) this.relist = true;
    this.timer.poke();
  }

  private relistSoon(): void {
    if (this.closed) return;
    this.relist = true;
    this.timer.poke();
  }

  /** What is watched, as the user sees it: `definitions/ and sit.config.yaml`. */
  watchedNames(): string {
    const names = [
      ...(this.definitionsDir === undefined ? [] : [`${this.runs.shown(this.definitionsDir)}/`]),
      ...(this.configFile === undefined ? [] : [this.runs.shown(this.configFile)]),
    ];
    return names.length === 0 ? "the project" : names.join(" and ");
  }
}

/** Watching cannot start or go on: the system ran out of watches or file descriptors. */
export class WatchLimitError extends Error {
  override readonly name = "WatchLimitError";
}

function isFolderOrLink(path: string): boolean {
  try {
    const stats = lstatSync(path);
    return stats.isDirectory() || stats.isSymbolicLink();
  } catch {
    return false;
  }
}
