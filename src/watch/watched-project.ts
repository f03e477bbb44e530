import { existsSync, lstatSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { configLayout, realPath, type ConfigLayout } from "../config/config-layout";
import { isDirectory, readConfigSource, type ConfigSource } from "../config/config-source";
import { moduleSourceFile } from "../config/module-source";
import { isPathModule } from "../config/resolve-import";
import { validateConfig } from "../config/validate-config";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { EventTextMemo } from "../emit/event-text-memo";
import { completePipeline, emitFiles } from "../pipeline/run-pipeline";
import { findDefinitions, folderPrefix, type DefinitionFile, type DefinitionRef } from "../load/load-definitions";
import { missingDefinitionsFolder } from "../pipeline/read-inputs";
import type { SdkModel } from "../model/event-model";
import { GITLAB_VOCABULARY } from "../validate/vocabulary";
import type { GeneratedFile } from "../write/ownership-header";

import { DefinitionStore } from "./definition-store";
import { IncrementalModel } from "./incremental-model";

/** What the config says, read again at each run: cheap, and a change of it means a full reload. */
export interface ConfigView {
  /** The config changed (or this is the first run): everything is read again. */
  readonly reloaded: boolean;
  /** The config file, when there is one. */
  readonly configFile: string | undefined;
  /** The definitions folder, when the config names a usable one. */
  readonly definitionsDir: string | undefined;
  /** The real path of the config's folder: sit reads definitions only from inside it. */
  readonly realRootDir: string | undefined;
  /**
   * Folders whose entries can change what the config means: the config's own folder, the folders
   * of the modules it names, and the nearest existing folder on the way to a missing definitions folder.
   */
  readonly configFolders: readonly string[];
}

/** What the watcher saw since the last run. */
export interface DefinitionChanges {
  /** Definition files (absolute paths) written, created or deleted in folders reached without a symbolic link. */
  readonly paths: ReadonlySet<string>;
  /** List the definitions folder again: a folder changed, or the watcher could not say what did. */
  readonly relist: boolean;
}

/** What a run made of the definitions: the SDK model, or why there is none. */
export type ModelRun =
  /** Nothing that shapes the output changed since the last run. */
  | { readonly kind: "unchanged" }
  | { readonly kind: "invalid"; readonly diagnostics: readonly Diagnostic[] }
  | {
      readonly kind: "modelled";
      readonly layout: ConfigLayout;
      readonly model: SdkModel;
      readonly diagnostics: readonly Diagnostic[];
      /** The definition files parsed again or removed in this run (display paths; all of them after a reload). */
      readonly changedFiles: readonly string[];
    };

export type ProjectRun =
  | Exclude<ModelRun, { readonly kind: "modelled" }>
  | {
      readonly kind: "generated";
      readonly layout: ConfigLayout;
      readonly files: readonly GeneratedFile[];
      readonly diagnostics: readonly Diagnostic[];
      readonly eventCount: number;
      /** The definition files parsed again or removed in this run (display paths; all of them after a reload). */
      readonly changedFiles: readonly string[];
    };

interface ConfigState {
  readonly key: string;
  readonly source: ConfigSource | undefined;
  readonly readDiagnostics: readonly Diagnostic[];
  readonly layout: ConfigLayout | undefined;
  readonly validated: ReturnType<typeof validateConfig> | undefined;
  readonly store: DefinitionStore;
  readonly model: IncrementalModel;
  /** The listing's problems (unreadable folders, links leading outside), from the last full listing. */
  listingDiagnostics: readonly Diagnostic[];
  /** Whether the store holds a full listing of the definitions folder. */
  listed: boolean;
}

/**
 * A project as `generate --watch` keeps it between runs: the config, every definition parsed and
 * checked, the model and the emitted text of each event. Each run reads only what changed, then
 * runs the checks across definitions, updates the model and emits the SDK; it writes and prints
 * nothing (the watch session does). Its output is what `sit generate` would produce from the same
 * files (test/watch/incremental-equivalence.test.ts).
 */
export class WatchedProject {
  private state: ConfigState | undefined;
  /** The config was read anew: the next run reports whatever it finds. */
  private reloadPending = false;
  private readonly memo = new EventTextMemo();

  constructor(
    private readonly cwd: string,
    private readonly configPath: string | undefined,
  ) {}

  /** Reads the config again; when it changed, forgets everything read under the old one. */
  readConfig(): ConfigView {
    const { source, diagnostics } = readConfigSource({ cwd: this.cwd, configPath: this.configPath });
    const located = source === undefined ? undefined : configLayout(source);
    const key = JSON.stringify([
      source?.configFile ?? null,
      source?.origin?.source.text ?? null,
      located?.layout?.fingerprint ?? null,
      located?.layout === undefined ? null : moduleVersions(located.layout),
      diagnostics,
      located?.diagnostics ?? [],
    ]);
    const reloaded = this.state?.key !== key;
    if (reloaded) {
      this.reloadPending = true;
      const validated = source === undefined ? undefined : validateConfig(source, located);
      this.state = {
        key,
        source,
        readDiagnostics: diagnostics,
        layout: located?.layout,
        validated,
        store: new DefinitionStore({ gitlabStrict: false, vocabulary: validated?.declared.vocabulary ?? GITLAB_VOCABULARY }),
        model: new IncrementalModel(),
        listingDiagnostics: [],
        listed: false,
      };
    }
    const layout = located?.layout;
    return {
      reloaded,
      configFile: source?.configFile,
      definitionsDir: layout?.definitionsDir,
      realRootDir: layout === undefined ? undefined : realPath(layout.rootDir),
      configFolders: configFolders(this.configPath === undefined ? source?.configFile : resolve(this.cwd, this.configPath), layout, this.cwd),
    };
  }

  /** One run after `readConfig`: reads what changed, checks, models and emits. */
  regenerate(changes: DefinitionChanges, options: { readonly force?: boolean } = {}): ProjectRun {
    const run = this.update(changes, options);
    if (run.kind !== "modelled") return run;
    const { layout, model, diagnostics, changedFiles } = run;
    return { kind: "generated", layout, files: emitFiles(model, this.memo), diagnostics, eventCount: model.events.length, changedFiles };
  }

  /** One run after `readConfig`: reads what changed, checks and models. */
  update(changes: DefinitionChanges, options: { readonly force?: boolean } = {}): ModelRun {
    const state = this.state;
    if (state === undefined) throw new Error("regenerate() before readConfig()");
    const diagnostics: Diagnostic[] = [...state.readDiagnostics];
    const changedFiles: string[] = [];
    const listedBefore = state.listed;
    const listingBefore = state.listingDiagnostics;
    let definitionsFound = false;
    const { layout, source } = state;
    if (layout !== undefined && source !== undefined && !isDirectory(layout.definitionsDir)) {
      diagnostics.push(missingDefinitionsFolder(source, layout, this.cwd));
      state.store.sync([], changedFiles);
      state.listed = false;
    } else if (layout !== undefined) {
      definitionsFound = true;
      if (changes.relist || !state.listed || state.listingDiagnostics.length > 0 || [...changes.paths].some((path) => !isFileOrMissing(path))) {
        const found = findDefinitions({ definitionsDir: layout.definitionsDir, rootDir: layout.rootDir, realRootDir: realPath(layout.rootDir), displayBase: this.cwd });
        state.listingDiagnostics = found.diagnostics;
        state.store.sync(found.refs, changedFiles);
        state.listed = true;
      } else {
        for (const path of changes.paths) state.store.refresh(definitionRef(path, layout, this.cwd), existsSync(path), changedFiles);
      }
      diagnostics.push(...state.listingDiagnostics);
    }
    const changed =
      options.force === true ||
      this.reloadPending ||
      changedFiles.length > 0 ||
      listedBefore !== state.listed ||
      JSON.stringify(listingBefore) !== JSON.stringify(state.listingDiagnostics);
    this.reloadPending = false;
    if (!changed) return { kind: "unchanged" };

    const { validated } = state;
    const checked = validated !== undefined && definitionsFound ? state.store.checked() : undefined;
    const run = completePipeline(
      { readDiagnostics: diagnostics, validated, checked },
      { until: "model", model: (definitions, config) => state.model.update(definitions, config).model },
    );
    if (run.model === undefined || layout === undefined) return { kind: "invalid", diagnostics: run.diagnostics };
    return { kind: "modelled", layout, model: run.model, diagnostics: run.diagnostics, changedFiles };
  }

  /** The definition files with the bytes last read, in file order (for the fast path's cache). */
  definitionFiles(): DefinitionFile[] {
    return this.state?.store.files() ?? [];
  }

}

/**
 * A regular file, or nothing: what the watcher's named paths may be for the store to update them
 * alone. A folder, a link or a device named like a definition needs the full listing's rules.
 */
function isFileOrMissing(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch (error) {
    return (error as { code?: unknown }).code === "ENOENT";
  }
}

/** The definition at `absolutePath` as findDefinitions names it. */
function definitionRef(absolutePath: string, layout: ConfigLayout, cwd: string): DefinitionRef {
  const relativePath = slashed(relative(layout.definitionsDir, absolutePath));
  return {
    absolutePath,
    relativePath,
    projectPath: folderPrefix(layout.rootDir, layout.definitionsDir) + relativePath,
    displayPath: folderPrefix(cwd, layout.definitionsDir) + relativePath,
  };
}

const slashed = (path: string): string => path.split(sep).join("/");


function configFolders(configFile: string | undefined, layout: ConfigLayout | undefined, cwd: string): string[] {
  const folders = new Set([nearestFolder(configFile === undefined ? cwd : dirname(configFile))]);
  if (layout !== undefined) {
    for (const module of layout.importSpecifiers.keys()) {
      if (!isPathModule(module)) continue;
      const target = resolve(layout.rootDir, module);
      // A module is a file beside others or a folder with an index: either can appear or go.
      folders.add(nearestFolder(target));
      folders.add(nearestFolder(dirname(target)));
    }
    if (!isDirectory(layout.definitionsDir)) folders.add(nearestFolder(layout.definitionsDir));
  }
  return [...folders];
}

/**
 * The size and time of each module file the config names, so that an edit of one is a change of
 * the config: the exports the config's processors name are checked against it (SIT050).
 */
function moduleVersions(layout: ConfigLayout): (string | null)[] {
  return [...layout.importSpecifiers.keys()].map((module) => {
    const file = moduleSourceFile(module, layout.rootDir);
    const stats = file === undefined ? undefined : statSync(file, { throwIfNoEntry: false });
    return stats === undefined ? null : `${stats.size}:${stats.mtimeMs}`;
  });
}

/** `path` when it is a folder, else its nearest ancestor that is. */
function nearestFolder(path: string): string {
  let folder = path;
  while (!isDirectory(folder) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}
