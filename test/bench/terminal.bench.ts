// Terminals (#15): keystroke echo latency through Switchboard's terminal vs `docker exec -it`, and output throughput.
//
// Echo latency, per key, each hop timed from the key's keydown in the page (capture phase; terminalPage.ts):
//   (a) arrived: the WebSocket message with the echo reached the page, before the app handled it. Keydown →
//       WebSocket → main → engine → shell → engine → main → WebSocket: the transport's own round trip.
//   (b) written: xterm's write callback ran (parsed into its buffer, nothing drawn yet).
//   (c) painted: the frame that drew the changed rows was painted (xterm draws in requestAnimationFrame).
//   reference: `docker exec -it <container> bash` in a pseudo-terminal the benchmark drives (util-linux `script`),
//     the key written to it → its echo read back. It never draws, so (a) is the figure to compare with it;
//     (c) adds the wait for the next frame (up to one frame interval, ~16.7 ms at 60 Hz) that no reference pays.
//   floor: the same keydown in a blank page of the same browser → a bare `ws` echo server in its own process
//     (no app, no Docker) → its message event (terminalFloor.ts); and the same from a Node client. What the
//     browser's WebSocket costs on loopback before any app: (a) minus it is Switchboard's share plus the engine's.
//   Keys go 100 ms apart (a fast typist) for both; both sides run the same bash.
// Throughput: `yes | head -c N` inside the container (N = 50 MB unless TERMINAL_BENCH_MB says otherwise), from
//   Enter to the line after it painted; frame intervals (requestAnimationFrame) during it, p95 printed.
//   The reference is the same command through `docker exec -t` to /dev/null, run before and after ours (their mean):
//   the engine and its TTY alone. Also printed, to show where the ceiling is: the engine read by Node through
//   dockerode (the server's own way in, nothing drawn), the same without a TTY, and the host's own pty (no Docker).
//   The container has GNU bash, yes and head, as Debian-based images do: busybox's head writes a terminal line
//   by line, and then the engine itself moves well under 1 MB/s.
//
//   npm run bench -- terminal      (builds first)
//   TERMINAL_BENCH_KEYS=50 TERMINAL_BENCH_MB=2 npx tsx test/bench/terminal.bench.ts    a short run
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { openPage, repoRoot, startServer } from '../e2e/harness.js';
import { TestContainers } from '../support/docker/testContainers.js';
import { cpuGroups, cpuSpent, type CpuGroups } from './cpuGroups.js';
import { pidOnPort } from './processStats.js';
import { report } from './report.js';
import { countFrames, instrument, type EchoTimes } from './terminalPage.js';
import { socketEcho } from './terminalSocketEcho.js';
import { nodeFloor, pageFloor, startBareEcho } from './terminalFloor.js';
import { dockerExecPlainMs, dockerExecTtyMs, hostPtyMs, nodeExecTty, referenceEcho } from './terminalReference.js';

const keys = Number(process.env.TERMINAL_BENCH_KEYS ?? 200);
const megabytes = Number(process.env.TERMINAL_BENCH_MB ?? 50);
const keyGapMs = 100;

function percentile(values: number[], p: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
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
  const ours: EchoTimes[] = [];
  for (let i = 0; i < keys; i++) {
    if (i % 50 === 0) await page.keyboard.press('Control+U');
    await new Promise((r) => setTimeout(r, keyGapMs));
    // armed and awaited before the key goes: a press and an evaluate reach the page by different routes
    await page.evaluate(() => void (window.__echoed = window.__echo!('x')));
    await page.keyboard.press('x');
    ours.push(await page.evaluate(() => window.__echoed!));
  }
  await page.keyboard.press('Control+U');
  console.log(`echo through Switchboard's server from a Node WebSocket client, ${keys} keys…`);
  const viaSocket = await socketEcho(server.port, server.token, keys, keyGapMs);
  console.log(`echo through docker exec -it, ${keys} keys…`);
  const theirs = await referenceEcho(name, keys, keyGapMs);
  console.log(`echo from a page and from Node through a bare WebSocket echo server (the floor), ${keys} keys each…`);
  const bare = await startBareEcho();
  const pageFloorMs = await pageFloor(browser.browser, bare.port, keys, keyGapMs).finally(() => page.bringToFront());
  const nodeFloorMs = await nodeFloor(bare.port, keys, keyGapMs).finally(() => bare.stop());
  await page.locator('.terminal-pane .xterm-helper-textarea').focus();

  console.log(`${megabytes} MB of output…`);
  const bytes = megabytes * 1024 * 1024;
  const flood = `yes | head -c ${bytes}`;
  const serverPid = await pidOnPort(server.port);
  const engineCpu0 = cpuGroups(serverPid);
  const engineBeforeMs = dockerExecTtyMs(name, flood);
  const engineCpu = cpuSpent(engineCpu0, cpuGroups(serverPid));
  await page.keyboard.type('clear');
  await page.keyboard.press('Enter');
  await new Promise((r) => setTimeout(r, 500));
  await page.keyboard.type(`${flood}; echo done-$((6*7))`);
  await page.evaluate(countFrames);
  const cpu0 = cpuGroups(serverPid);
  const started = performance.now();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.terminal-pane .xterm-rows')?.textContent?.includes('done-42'), null, { timeout: 20 * 60_000, polling: 100 });
  const throughputMs = performance.now() - started;
  const cpu = cpuSpent(cpu0, cpuGroups(serverPid));
  const frames = await page.evaluate(() => ((window.__framing = false), window.__frames ?? []));
  const engineAfterMs = dockerExecTtyMs(name, flood);
  const viaNode = await nodeExecTty(name, flood);
  const viaNodeLarge = await nodeExecTty(name, flood, [500, 1000]);
  const noTtyMs = dockerExecPlainMs(name, flood);
  const hostMs = hostPtyMs(flood);
  const plainStarted = performance.now();
  spawnSync('docker', ['exec', name, 'bash', '-c', `${flood} > /dev/null`], { stdio: 'ignore' });
  const inContainerMs = performance.now() - plainStarted;
  const load1 = loadavg()[0]!;

  const rate = (ms: number) => megabytes / (ms / 1000);
  const hop = (pick: (t: EchoTimes) => number) => ours.map(pick);
  const arrived = hop((t) => t.arrived);
  const painted = hop((t) => t.painted);
  const ref95 = percentile(theirs, 95);
  const arrivedRatio = percentile(arrived, 95) / ref95;
  const paintedRatio = percentile(painted, 95) / ref95;
  /** What the browser's own WebSocket costs on loopback, taken off (a): the engine's and Switchboard's share. */
  const floorRatio = percentile(arrived, 95) / (ref95 + percentile(pageFloorMs, 95));
  const minus = (label: string, values: number[], floor: number[]) => [50, 95].map((p) => ({ label: `${label} p${p}`, value: percentile(values, p) - percentile(floor, p), unit: 'ms' }));
  const mbps = rate(throughputMs);
  const engineMbps = rate((engineBeforeMs + engineAfterMs) / 2);
  const onScreenRatio = mbps / engineMbps;
  const ttyBytesPerInput = viaNode.bytes / bytes;
  const ceiling = Math.max(engineMbps, rate(viaNode.ms), rate(viaNodeLarge.ms));
  /** CPU a phase took, in cores busy on average over its wall time. */
  const cores = (spent: CpuGroups, ms: number) =>
    `server ${(spent.server / ms).toFixed(2)}, browser ${(spent.browser / ms).toFixed(2)}, engine and container ${(spent.engine / ms).toFixed(2)}, whole machine ${(spent.machine / ms).toFixed(2)} of ${cpus().length}`;
  if (browser.consoleErrors.length) console.log(`page errors:\n  ${browser.consoleErrors.join('\n  ')}`);
  const p5095 = (label: string, values: number[]) => [
    { label: `${label} p50`, value: percentile(values, 50), unit: 'ms' },
    { label: `${label} p95`, value: percentile(values, 95), unit: 'ms' },
  ];
  report(
    `Terminal: ${keys} keystrokes echoed, ${megabytes} MB of output (bash in a container, browser mode)`,
    [
      ...p5095('echo (a) keydown → echo arrived in the page (WebSocket)', arrived),
      ...p5095('echo (b) keydown → xterm write callback', hop((t) => t.written)),
      ...p5095('echo (c) keydown → glyph painted (next frame)', painted),
      ...p5095('  hop (a)→(b): app handles the message, xterm parses it', hop((t) => t.written - t.arrived)),
      ...p5095('  hop (b)→(c): waiting for the frame, drawing it', hop((t) => t.painted - t.written)),
      ...p5095('echo, same calls from a Node WebSocket client (no browser)', viaSocket),
      ...p5095('echo, docker exec -it in a pty (key written → echo read)', theirs),
      ...minus('  (a) minus the browser floor (compare with the pty)', arrived, pageFloorMs),
      ...minus('  Node client minus the Node floor (compare with the pty)', viaSocket, nodeFloorMs),
      ...p5095('floor: keydown in a blank page → bare ws echo server → message', pageFloorMs),
      ...p5095('floor: Node ws client → bare ws echo server → message', nodeFloorMs),
      { label: `yes | head -c ${megabytes}M on screen (Switchboard)`, value: mbps, unit: 'MB/s' },
      { label: 'frame interval during it, p95', value: percentile(frames, 95), unit: 'ms' },
      { label: 'frames during it', value: frames.length, unit: '' },
      { label: 'same output, docker exec -t to /dev/null, before ours', value: rate(engineBeforeMs), unit: 'MB/s' },
      { label: 'same output, docker exec -t to /dev/null, after ours', value: rate(engineAfterMs), unit: 'MB/s' },
      { label: 'same output, TTY exec read by Node via dockerode, dropped', value: rate(viaNode.ms), unit: 'MB/s' },
      { label: '  the same with ConsoleSize 500 rows × 1000 columns', value: rate(viaNodeLarge.ms), unit: 'MB/s' },
      { label: '  terminal bytes per byte of output (the TTY adds \\r to \\n)', value: ttyBytesPerInput, unit: '×' },
      { label: 'same output, docker exec without a TTY to /dev/null', value: rate(noTtyMs), unit: 'MB/s' },
      { label: "same output, the host's own pty (script, no Docker)", value: rate(hostMs), unit: 'MB/s' },
      { label: 'same command to /dev/null inside the container', value: rate(inContainerMs), unit: 'MB/s' },
      { label: 'load average (1 min) before / after the run', value: load0, unit: `/ ${load1.toFixed(2)}` },
    ],
    [
      { label: 'echo p95 (a) arrived / docker exec -it (comparable)', value: arrivedRatio, target: '≤ 1.5', pass: arrivedRatio <= 1.5 },
      { label: 'echo p95 (a) / (pty + browser-to-loopback-WebSocket floor)', value: floorRatio, target: '≤ 1.5', pass: floorRatio <= 1.5 },
      { label: 'echo p95 (c) painted / docker exec -it (+ a frame)', value: paintedRatio, target: '≤ 1.5', pass: paintedRatio <= 1.5 },
      { label: 'echo p95 (c) painted', value: percentile(painted, 95), target: '≤ 30 ms', pass: percentile(painted, 95) <= 30 },
      { label: 'output on screen / docker exec -t (the engine)', value: onScreenRatio, target: '≥ 0.95', pass: onScreenRatio >= 0.95 },
      { label: 'output on screen', value: mbps, target: '≥ 20 MB/s', pass: mbps >= 20 },
    ],
  );
  console.log(
    [
      '',
      `  CPU during it, cores busy: ${cores(cpu, throughputMs)}`,
      `  CPU during docker exec -t (before ours):  ${cores(engineCpu, engineBeforeMs)}`,
      '  (a) is the round trip through Switchboard, comparable with docker exec -it, which never draws; the Node',
      '  WebSocket client makes the same calls without a browser, so (a) minus it is what Chromium adds;',
      '  the floors are a bare WebSocket echo on loopback (no app, no Docker), from a blank page and from Node:',
      '  "(a) minus the browser floor" is what Switchboard and the engine add, next to what the engine alone takes (the pty);',
      '  the percentiles are subtracted, each taken on its own.',
      '  (c) also waits for the next frame (up to one frame interval), which no pty reference pays.',
      `  20 MB/s on screen needs the TTY to carry ${(20 * ttyBytesPerInput).toFixed(0)} MB/s of terminal bytes (the pty writes each \\n as \\r\\n).`,
      ceiling < 20
        ? `  Not reachable on this engine: its TTY moves ${engineMbps.toFixed(1)} MB/s (docker exec -t), ${rate(viaNode.ms).toFixed(1)} MB/s read by Node; the same output` +
          ` without a TTY moves ${rate(noTtyMs).toFixed(1)} MB/s, and the host's own pty, without Docker, ${rate(hostMs).toFixed(1)} MB/s` +
          (rate(hostMs) < 20 ? ': the kernel pseudo-terminal on this machine is itself under 20 MB/s.' : '.')
        : `  The engine's TTY allows it here (${ceiling.toFixed(1)} MB/s): what is missing is Switchboard's share.`,
    ].join('\n'),
  );
} finally {
  await browser.close();
  await server.stop();
  await tc.removeAll();
}
