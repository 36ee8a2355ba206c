import { mkdirSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DemoDirectory {
  path: string;
  /** Removes the folder if Switchboard made it; a folder the user named is theirs and stays. */
  remove(): Promise<void>;
}

/**
 * Where the demo keeps its files (the memory server's graph, the search index).
 * SWITCHBOARD_DEMO_DIR if set; else a new private folder: a random name under
 * the temp dir (no other user can guess it, create it first or plant files in
 * it, as they could with a fixed name in a shared /tmp), mode 0700, removed on quit.
 */
export async function openDemoDirectory(env: NodeJS.ProcessEnv = process.env): Promise<DemoDirectory> {
  const chosen = env.SWITCHBOARD_DEMO_DIR;
  if (chosen) {
    mkdirSync(chosen, { recursive: true });
    return { path: chosen, remove: async () => {} };
  }
  const path = await mkdtemp(join(tmpdir(), 'switchboard-demo-'));
  // mkdtemp already creates it 0700 on POSIX; say so explicitly rather than rely on it.
  await chmod(path, 0o700);
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
