import { execFile } from 'node:child_process';
import { constants as fsConstants, existsSync } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * A desktop app started from a launcher does not inherit the PATH of the
 * user's shell (nvm, Homebrew, ~/.local/bin are set in shell rc files), which
 * is the top cause of "spawn npx ENOENT". So we ask the login shell once for
 * its PATH and merge it with ours and the usual install folders.
 */
const marker = '__SWITCHBOARD_PATH__';
let cached: Promise<string> | undefined;

export function userShellPath(): Promise<string> {
  cached ??= readShellPath().then(mergePaths);
  return cached;
}

/** For tests: forget the cached PATH. */
export function forgetShellPath(): void {
  cached = undefined;
}

function readShellPath(): Promise<string> {
  if (process.platform === 'win32') return Promise.resolve('');
  const shell = process.env.SHELL || '/bin/sh';
  return new Promise((resolve) => {
    // -i -l reads the same rc files a terminal would; a broken rc must not hang us, hence the timeout
    execFile(
      shell,
      ['-ilc', `printf '%s' "${marker}$PATH${marker}"`],
      { timeout: 3000, env: { ...process.env, TERM: 'dumb' } },
      (_err, stdout) => {
        const match = new RegExp(`${marker}(.*)${marker}`, 's').exec(String(stdout ?? ''));
        resolve(match?.[1] ?? '');
      },
    );
  });
}

function mergePaths(shellPath: string): string {
  const home = homedir();
  const wellKnown = [
    '/usr/local/bin',
    '/opt/homebrew/bin',
    '/usr/bin',
    '/bin',
    path.join(home, '.local/bin'),
    path.join(home, '.volta/bin'),
    path.join(home, '.nvm/current/bin'),
    path.join(home, '.cargo/bin'),
  ].filter((dir) => existsSync(dir));
  // under plain Node, the node running us is one the user chose
  const ours = path.basename(process.execPath).startsWith('node') ? [path.dirname(process.execPath)] : [];
  const all = [...shellPath.split(path.delimiter), ...(process.env.PATH ?? '').split(path.delimiter), ...ours, ...wellKnown];
  return [...new Set(all.filter(Boolean))].join(path.delimiter);
}

/**
 * Finds the program a config names, before spawning, so "command not found"
 * can say which PATH was searched. Commands with a slash resolve against cwd.
 */
export async function findCommand(command: string, searchPath: string, cwd: string): Promise<string | undefined> {
  if (command.includes('/') || command.includes(path.sep)) {
    const full = path.resolve(cwd, command);
    return (await isExecutable(full)) ? full : undefined;
  }
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const full = path.join(dir, command);
    if (await isExecutable(full)) return full;
  }
  return undefined;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, fsConstants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
