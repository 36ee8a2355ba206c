import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { toDisposable, type Disposable } from '../base/disposable.js';

/**
 * Calls `changed` (debounced) when any of the files is written, replaced or
 * renamed. Watches their folders, because editors save by replacing the file.
 */
export function watchFiles(files: string[], changed: () => void, debounceMs = 300): Disposable {
  const byFolder = new Map<string, Set<string>>();
  for (const f of files) byFolder.set(dirname(f), new Set([...(byFolder.get(dirname(f)) ?? []), basename(f)]));
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  for (const [folder, names] of byFolder) {
    try {
      const w = watch(folder, (_event, name) => {
        if (name && !names.has(name.toString())) return;
        clearTimeout(timer);
        timer = setTimeout(changed, debounceMs);
      });
      w.on('error', () => w.close());
      watchers.push(w);
    } catch {
      // A missing folder: the project shows the tool's error; a refresh reads it again.
    }
  }
  return toDisposable(() => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  });
}
