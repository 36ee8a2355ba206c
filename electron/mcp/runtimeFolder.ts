import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The private folder where a run records the MCP process groups it started,
 * so the next run can find what it left behind: $XDG_RUNTIME_DIR/switchboard
 * (per user, cleared at logout), else switchboard-<uid> in the OS temp folder.
 * Mode 0700 and owned by us, or it is not used: another user must not be able
 * to plant records that make us signal their choice of processes.
 */
export function privateRuntimeFolder(env: NodeJS.ProcessEnv): string {
  const uid = process.getuid?.();
  const xdg = env.XDG_RUNTIME_DIR;
  const folder = xdg && path.isAbsolute(xdg) ? path.join(xdg, 'switchboard') : path.join(tmpdir(), `switchboard-${uid ?? 'user'}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = lstatSync(folder);
  if (!stat.isDirectory()) throw new Error(`${folder} is not a folder`);
  if (uid !== undefined && stat.uid !== uid) throw new Error(`${folder} belongs to uid ${stat.uid}, not to us (uid ${uid})`);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new Error(`${folder} is open to other users (mode ${(stat.mode & 0o777).toString(8)}); it must be 700`);
  }
  return folder;
}
