// The references terminal.bench.ts compares Switchboard's terminal with, measured in the same run:
// `docker exec -it` echoing keys in a pty, and TTY output moved by the engine (and by the host's own pty) alone.
import { spawn, spawnSync } from 'node:child_process';
import Docker from 'dockerode';

/** `docker exec -it` in a pty: the time from writing one key to reading its echo, `count` times, `gapMs` apart. */
export async function referenceEcho(container: string, count: number, gapMs: number): Promise<number[]> {
  // Its own process group: when `script` ends it signals its whole group, which must not include the browser.
  const child = spawn('script', ['-qfec', `docker exec -it ${container} bash`, '/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'], detached: true });
  let out = '';
  let waiting: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    // busybox sh asks where the cursor is before a prompt; answer as a terminal would.
    if (text.includes('\x1b[6n')) child.stdin.write('\x1b[1;1R');
    out += text;
    waiting?.();
  });
  const until = (check: () => boolean, ms: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`docker exec -it: no echo within ${ms} ms; it printed ${JSON.stringify(out.slice(-200))}`)), ms);
      waiting = () => check() && (clearTimeout(timer), (waiting = undefined), resolve());
      waiting();
    });
  try {
    await until(() => out.includes('# '), 10_000);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      if (i % 50 === 0) child.stdin.write('\x15'); // Ctrl-U: keep the line short, as through Switchboard
      await new Promise((r) => setTimeout(r, gapMs));
      const before = out.length;
      const started = performance.now();
      child.stdin.write('x');
      await until(() => out.length > before && out.slice(before).includes('x'), 5_000);
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin.end('\x15exit\r');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
}

/** `docker exec -t <container> bash -c <script>` with its output to /dev/null: the engine and its TTY, nothing drawn (ms). */
export function dockerExecTtyMs(container: string, script: string): number {
  const started = performance.now();
  const run = spawnSync('docker', ['exec', '-t', container, 'bash', '-c', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`docker exec -t failed: ${run.stderr.toString().trim()}`);
  return performance.now() - started;
}

/** The same command without a TTY, to /dev/null: the engine's copy without a pty in the way (ms). */
export function dockerExecPlainMs(container: string, script: string): number {
  const started = performance.now();
  spawnSync('docker', ['exec', container, 'bash', '-c', script], { stdio: ['ignore', 'ignore', 'ignore'] });
  return performance.now() - started;
}

/**
 * A TTY exec read by Node through dockerode, as Switchboard's main process starts it (the raw hijacked socket),
 * every chunk dropped: what the server could forward if drawing cost nothing. `consoleSize` [rows, cols] starts
 * the TTY at that size, to show whether the terminal's size matters to the rate.
 */
export async function nodeExecTty(container: string, script: string, consoleSize?: [number, number]): Promise<{ ms: number; bytes: number }> {
  const docker = new Docker();
  const started = performance.now();
  const exec = await docker.getContainer(container).exec({ Cmd: ['bash', '-c', script], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true, ...(consoleSize ? { ConsoleSize: consoleSize } : {}) });
  const stream = await exec.start({ hijack: true, stdin: true, Tty: true });
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  await new Promise((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', resolve);
  });
  stream.destroy();
  return { ms: performance.now() - started, bytes };
}

/** The host's own pseudo-terminal, no Docker: `script` runs the command on a pty and copies it to /dev/null (ms). */
export function hostPtyMs(script: string): number {
  const started = performance.now();
  spawnSync('script', ['-qec', script, '/dev/null'], { stdio: ['ignore', 'ignore', 'ignore'] });
  return performance.now() - started;
}
