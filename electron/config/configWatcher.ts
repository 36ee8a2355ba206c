import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Disposable } from '../base/disposable.js';

interface FolderWatch {
  watcher: FSWatcher;
  /** Entry names in this folder that matter: a watched file, or the first missing folder on the way to one. */
  names: Set<string>;
}

/**
 * Calls `onChange` (debounced) when any of a set of files is written, replaced,
 * created or deleted. It watches the folders, not the files: editors that
 * save by writing a temp file and renaming it over the original replace the
 * inode, which a watch on the file itself would silently lose. A file whose
 * folder does not exist yet is watched through its nearest existing ancestor.
 */
export class ConfigWatcher implements Disposable {
  private folders = new Map<string, FolderWatch>();
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    private readonly onChange: () => void,
    private readonly debounceMs = 150,
  ) {}

  /** Replaces the watched set; folders no longer needed are closed. */
  watch(files: readonly string[]): void {
    if (this.disposed) return;
    const wanted = new Map<string, Set<string>>();
    for (const file of files) {
      const { folder, name } = nearestExisting(resolve(file));
      if (!wanted.has(folder)) wanted.set(folder, new Set());
      wanted.get(folder)!.add(name);
    }
    for (const [folder, entry] of this.folders) {
      if (!wanted.has(folder)) {
        entry.watcher.close();
        this.folders.delete(folder);
      }
    }
    for (const [folder, names] of wanted) {
      const existing = this.folders.get(folder);
      if (existing) existing.names = names;
      else this.open(folder, names);
    }
  }

  /** Folders being watched, for tests and diagnostics. */
  watchedFolders(): string[] {
    return [...this.folders.keys()];
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const entry of this.folders.values()) entry.watcher.close();
    this.folders.clear();
  }

  private open(folder: string, names: Set<string>): void {
    let watcher: FSWatcher;
    try {
      // persistent: false — a stack file watch alone must not keep the process alive at quit.
      watcher = watch(folder, { persistent: false });
    } catch {
      return; // unreadable folder: the next reload reports the file itself
    }
    const entry: FolderWatch = { watcher, names };
    watcher.on('change', (_event, filename) => {
      // Some platforms do not say which entry changed; then any change counts.
      if (filename === null || entry.names.has(String(filename))) this.schedule();
    });
    watcher.on('error', () => {
      // The folder went away (deleted or unmounted): forget it and let a reload re-resolve the set.
      watcher.close();
      if (this.folders.get(folder) === entry) this.folders.delete(folder);
      this.schedule();
    });
    this.folders.set(folder, entry);
  }

  private schedule(): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.disposed) this.onChange();
    }, this.debounceMs);
  }
}

function nearestExisting(file: string): { folder: string; name: string } {
  let name = basename(file);
  let folder = dirname(file);
  while (!existsSync(folder) && dirname(folder) !== folder) {
    name = basename(folder);
    folder = dirname(folder);
  }
  return { folder, name };
}
