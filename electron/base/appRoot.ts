import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json: the repo in development, the app folder
 * when packaged. Found by walking up, so it works from electron/ sources run
 * by tsx and from the bundles in dist/.
 */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** Where a packaged app keeps files that must be real files (scripts to execute): outside the asar archive. */
export function unpackedPath(path: string): string {
  return path.replace(`${'app.asar'}`, 'app.asar.unpacked');
}
