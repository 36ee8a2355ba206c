import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { commandLine } from '../processTable.js';
import { repoRoot, supportDir } from './servers.js';

export interface SwitchboardProcess {
  pid: number;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** The orphan watchdog it started, once it has started one. */
  watchdogPid(): number | undefined;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/**
 * Starts Switchboard (the real composition root, through tsx) as its own
 * process on `stackFile`, with its private runtime folder under `runtimeDir`
 * (XDG_RUNTIME_DIR), and resolves once it runs.
 */
export async function startSwitchboardProcess(stackFile: string, runtimeDir: string): Promise<SwitchboardProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(supportDir, 'switchboardApp.ts'), '--config', stackFile], {
    cwd: repoRoot,
    env: { ...process.env, XDG_RUNTIME_DIR: runtimeDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout!.on('data', (d: Buffer) => (printed += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (printed += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  while (!printed.includes('switchboard running')) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Switchboard did not start; it printed:\n${printed}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    pid: child.pid!,
    child,
    output: () => printed,
    watchdogPid: () => childrenOf(child.pid!).find((pid) => commandLine(pid).includes('watchdog')),
    exited,
  };
}

/** Live children of `parent`, from /proc. */
function childrenOf(parent: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === parent && fields[0] !== 'Z') found.push(Number(entry));
    } catch {
      // gone while we looked
    }
  }
  return found;
}
