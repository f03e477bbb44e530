import { watch, type FSWatcher } from "node:fs";

/**
 * A set of watched folders, each watched on its own: one inotify watch per folder on Linux, where
 * Node 20's `fs.watch(dir, { recursive: true })` walks the tree synchronously and adds a watch
 * per file and per folder. With `recursive`, each folder is watched with its subfolders, for
 * platforms whose recursive watching is native (macOS, Windows); names are then relative paths.
 */
export class FolderWatchers {
  private readonly watchers = new Map<string, { readonly watcher: FSWatcher; readonly inode: bigint | undefined }>();

  constructor(
    private readonly onChange: (folder: string, name: string | undefined) => void,
    /** A watcher failed: its folder was most likely removed, or the system ran out of watches. */
    private readonly onError: (folder: string, error: Error) => void,
    private readonly recursive = false,
  ) {}

  /**
   * Watches exactly these folders (with their inodes, when known: a folder replaced by another of
   * the same name is watched anew). A folder that vanished before it could be watched is skipped:
   * its removal is itself a change the watcher of its parent reports.
   */
  watchOnly(folders: ReadonlyMap<string, bigint | undefined>): void {
    for (const [folder, { watcher, inode }] of this.watchers) {
      if (folders.has(folder) && folders.get(folder) === inode) continue;
      watcher.close();
      this.watchers.delete(folder);
    }
    for (const [folder, inode] of folders) {
      if (this.watchers.has(folder)) continue;
      let watcher: FSWatcher;
      try {
        watcher = watch(folder, { recursive: this.recursive }, (_event, name) => this.onChange(folder, name ?? undefined));
      } catch (error) {
        if ((error as { code?: unknown }).code === "ENOENT") continue;
        throw error;
      }
      watcher.on("error", (error) => this.onError(folder, error));
      this.watchers.set(folder, { watcher, inode });
    }
  }

  close(): void {
    for (const { watcher } of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
