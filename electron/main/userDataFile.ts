import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A small JSON file of the shell's (window state, settings) in userData; undefined when missing or unreadable. */
export function readUserDataFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Written beside and renamed over, so a crash mid-write never leaves half a file to be read at the next start. */
export function writeUserDataFile(path: string, value: unknown): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const scratch = `${path}.${process.pid}.tmp`;
    writeFileSync(scratch, `${JSON.stringify(value, null, 2)}\n`);
    renameSync(scratch, path);
  } catch (err) {
    // Losing a window position is not worth stopping for; say so and go on.
    console.warn(`Switchboard could not save ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
