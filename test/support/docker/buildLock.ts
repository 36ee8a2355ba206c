import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A build that holds the lock longer than this is taken for one whose process died holding it. */
const staleMs = 5 * 60_000;

/**
 * Runs `build` while no other process on this machine builds test images for the same engine.
 * Test files run in parallel: two that both found busybox missing imported it twice, the second
 * import took the tag, and the first was left as an untagged image that the closing sweep then
 * reported as a leak. The lock is a directory (mkdir is atomic), one per engine.
 */
export async function withBuildLock<T>(host: string | undefined, build: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), `sbtest-image-build-${createHash('sha256').update(host ?? 'default').digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (heldFor(lock) > staleMs) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function heldFor(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0; // released while we looked: the next try takes it
  }
}
