// The orphan watchdog, a process of its own (see orphanWatchdog.ts). Switchboard
// writes "+<pgid>" when it starts an MCP server's process group and "-<pgid>" once
// that group is gone. When the pipe ends — Switchboard quit, crashed or was killed —
// it ends every group still running the way a stop does (stdin is already closed:
// wait, SIGTERM, wait, SIGKILL) and exits. Idle, it only waits on the pipe.
import { groupAlive, signalGroup } from './processGroup.js';

const [stdinGraceMs = 1000, termGraceMs = 1500] = process.argv.slice(2).map(Number);
const groups = new Set<number>();
let pending = '';
let ending = false;

process.title = 'switchboard-mcp-watchdog';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  const lines = (pending + chunk).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const pgid = Number(line.slice(1));
    if (!Number.isInteger(pgid) || pgid <= 1) continue;
    if (line.startsWith('+')) groups.add(pgid);
    else if (line.startsWith('-')) groups.delete(pgid);
  }
});
process.stdin.once('end', () => void endAll());
process.stdin.once('error', () => void endAll());
// asked to go (a system shutdown, say): leave nothing behind either
process.once('SIGTERM', () => void endAll());

async function endAll(): Promise<void> {
  if (ending) return;
  ending = true;
  const running = () => [...groups].filter(groupAlive);
  // their stdin closed with Switchboard: servers that exit on it get the moment the spec gives them
  if (running().length && !(await allGone(running, stdinGraceMs))) {
    for (const pgid of running()) signalGroup(pgid, 'SIGTERM');
    if (!(await allGone(running, termGraceMs))) {
      for (const pgid of running()) signalGroup(pgid, 'SIGKILL');
      await allGone(running, 2000);
    }
  }
  process.exit(0);
}

async function allGone(running: () => number[], ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (running().length === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return running().length === 0;
}
