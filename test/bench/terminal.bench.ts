// Terminals (#15): keystroke echo latency through Switchboard's terminal vs `docker exec -it`, and output throughput.
//
// Echo latency, per key:
//   Switchboard: in Chromium on the built browser-mode server, the key's keydown reaches the page (time read
//     there, capture phase) → the typed glyph is painted: xterm changes its rows inside a requestAnimationFrame
//     callback, so a MessageChannel task posted when they change runs after that frame's paint; the time is read there.
//   reference: `docker exec -it <container> sh` in a pseudo-terminal the benchmark drives (util-linux `script`),
//     the key written to it → its echo read back. No drawing at all, so the ratio is what Switchboard adds.
//   Keys go 100 ms apart (a fast typist) for both. Closer together, an echo can wait for the session's
//   next flush: browser mode sends a subscription's updates at most every 50 ms.
// Throughput: `yes | head -c N` inside the container (N = 50 MB unless TERMINAL_BENCH_MB says otherwise), from
//   Enter to the line after it painted; frame intervals (requestAnimationFrame) during it, p95 printed.
//   The same command through plain `docker exec -t` to a pipe is the reference for the engine's own speed.
//   The container has GNU bash, yes and head, as Debian-based images do: busybox's head writes a terminal line
//   by line, and then the engine itself moves well under 1 MB/s (docker exec -t to a pipe: 0.6 MB/s here).
//   Both sides of the echo run the same bash.
//
//   npm run bench -- terminal      (builds first)
//   TERMINAL_BENCH_KEYS=50 TERMINAL_BENCH_MB=2 npx tsx test/bench/terminal.bench.ts    a short run
import { spawn, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { openPage, repoRoot, startServer } from '../e2e/harness.js';
import { TestContainers } from '../support/docker/testContainers.js';
import { docker } from '../support/docker/dockerCli.js';
import { report } from './report.js';

const keys = Number(process.env.TERMINAL_BENCH_KEYS ?? 200);
const megabytes = Number(process.env.TERMINAL_BENCH_MB ?? 50);
const keyGapMs = 100;

declare global {
  interface Window {
    __keydownAt?: number;
    __echo?: () => Promise<number>;
    __frames?: number[];
    __framing?: boolean;
  }
}

/** Runs in the page: the time of each keydown, and a promise for "the rows changed and that frame painted". */
function instrument(): void {
  document.addEventListener('keydown', () => (window.__keydownAt = performance.now()), { capture: true });
  window.__echo = () =>
    new Promise<number>((resolve) => {
      const rows = document.querySelector('.terminal-pane .xterm-rows')!;
      const observer = new MutationObserver(() => {
        observer.disconnect();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - window.__keydownAt!);
        channel.port2.postMessage(0);
      });
      observer.observe(rows, { subtree: true, childList: true, characterData: true });
    });
}

/** Runs in the page: frame intervals while `__framing` is on. */
function countFrames(): void {
  const frames: number[] = (window.__frames = []);
  window.__framing = true;
  let last = performance.now();
  const tick = (now: number) => {
    frames.push(now - last);
    last = now;
    if (window.__framing) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `docker exec -it` in a pty: the time from writing one key to reading its echo, `count` times. */
async function referenceEcho(container: string, count: number): Promise<number[]> {
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
      if (i % 50 === 0) child.stdin.write('\x15'); // Ctrl-U: keep the line short, as below
      await new Promise((r) => setTimeout(r, keyGapMs));
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

if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
const tc = new TestContainers();
const { name } = await tc.run({ image: 'gnuTools', name: 'bench' });
const server = await startServer({ config: { name: 'terminal-bench', docker: { containers: [name] } } });
const browser = await openPage(`${server.url}#/terminals`, { viewport: { width: 1440, height: 900 } });
try {
  const { page } = browser;
  await page.addInitScript({ content: `globalThis.__name = (fn) => fn; (${instrument.toString()})();` });
  await page.reload();
  const form = page.getByRole('form', { name: 'Open a terminal' });
  await form.getByRole('combobox', { name: 'Container' }).selectOption({ label: name });
  await form.getByRole('button', { name: 'Open terminal' }).click();
  await page.waitForFunction(() => /# $/m.test(document.querySelector('.terminal-pane .xterm-rows')?.textContent?.replace(/\u00a0/g, ' ').trimEnd() + ' '), null, { timeout: 30_000 });
  await page.locator('.terminal-pane .xterm-helper-textarea').focus();
  const load0 = loadavg()[0]!;

  console.log(`echo through Switchboard, ${keys} keys…`);
  const ours: number[] = [];
  for (let i = 0; i < keys; i++) {
    if (i % 50 === 0) await page.keyboard.press('Control+U');
    await new Promise((r) => setTimeout(r, keyGapMs));
    const echoed = page.evaluate(() => window.__echo!());
    await page.keyboard.press('x');
    ours.push(await echoed);
  }
  await page.keyboard.press('Control+U');
  console.log(`echo through docker exec -it, ${keys} keys…`);
  const theirs = await referenceEcho(name, keys);

  console.log(`${megabytes} MB of output…`);
  const bytes = megabytes * 1024 * 1024;
  await page.keyboard.type('clear');
  await page.keyboard.press('Enter');
  await new Promise((r) => setTimeout(r, 500));
  await page.keyboard.type(`yes | head -c ${bytes}; echo done-$((6*7))`);
  await page.evaluate(countFrames);
  const started = performance.now();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.terminal-pane .xterm-rows')?.textContent?.includes('done-42'), null, { timeout: 20 * 60_000, polling: 100 });
  const throughputMs = performance.now() - started;
  const frames = await page.evaluate(() => ((window.__framing = false), window.__frames ?? []));
  const plainStarted = performance.now();
  await docker(['exec', '-t', name, 'bash', '-c', `yes | head -c ${bytes} > /dev/null`], { timeoutMs: 20 * 60_000 });
  const plainMs = performance.now() - plainStarted;
  const ttyStarted = performance.now();
  spawnSync('docker', ['exec', '-t', name, 'bash', '-c', `yes | head -c ${bytes}`], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
  const ttyMs = performance.now() - ttyStarted;
  const load1 = loadavg()[0]!;

  const ratio = percentile(ours, 95) / percentile(theirs, 95);
  const mbps = megabytes / (throughputMs / 1000);
  const engineMbps = megabytes / (ttyMs / 1000);
  if (browser.consoleErrors.length) console.log(`page errors:\n  ${browser.consoleErrors.join('\n  ')}`);
  report(
    `Terminal: ${keys} keystrokes echoed, ${megabytes} MB of output (bash in a container, browser mode)`,
    [
      { label: 'echo, Switchboard (keydown → glyph painted) p50', value: percentile(ours, 50), unit: 'ms' },
      { label: 'echo, Switchboard p95', value: percentile(ours, 95), unit: 'ms' },
      { label: 'echo, docker exec -it in a pty (key written → echo read) p50', value: percentile(theirs, 50), unit: 'ms' },
      { label: 'echo, docker exec -it p95', value: percentile(theirs, 95), unit: 'ms' },
      { label: `yes | head -c ${megabytes}M on screen`, value: mbps, unit: 'MB/s' },
      { label: 'frame interval during it, p95', value: percentile(frames, 95), unit: 'ms' },
      { label: 'frames during it', value: frames.length, unit: '' },
      { label: 'same output, docker exec -t to a pipe (engine and TTY only)', value: engineMbps, unit: 'MB/s' },
      { label: 'on screen ÷ docker exec -t to a pipe (what the engine allows)', value: mbps / engineMbps, unit: '×' },
      { label: 'same command to /dev/null inside the container', value: megabytes / (plainMs / 1000), unit: 'MB/s' },
      { label: 'load average (1 min) before / after the run', value: load0, unit: `/ ${load1.toFixed(2)}` },
    ],
    [
      { label: 'echo p95, Switchboard / docker exec -it', value: ratio, target: '≤ 1.5', pass: ratio <= 1.5 },
      { label: 'echo p95, Switchboard', value: percentile(ours, 95), target: '≤ 30 ms', pass: percentile(ours, 95) <= 30 },
      { label: 'output on screen', value: mbps, target: '≥ 20 MB/s', pass: mbps >= 20 },
    ],
  );
} finally {
  await browser.close();
  await server.stop();
  await tc.removeAll();
}
