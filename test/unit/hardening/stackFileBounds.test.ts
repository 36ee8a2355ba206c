import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeProblem } from '../../../electron/config/describeProblem.js';
import { loadStackFile, type StackLoad } from '../../../electron/config/loadStackFile.js';
import { stackFolder } from '../config/stackFolder.js';

function problemsOf(load: StackLoad) {
  if (load.ok) throw new Error(`expected problems, got a config: ${JSON.stringify(load.config)}`);
  return load.problems.map(describeProblem);
}

/** Timers take at most 2^31 ms and 0 means "as fast as the loop turns": every interval is kept between 100 ms and 24 h. */
describe('durations in the stack file', () => {
  let dir: ReturnType<typeof stackFolder>;
  beforeEach(() => (dir = stackFolder()));
  afterEach(() => dir.remove());

  const load = (text: string) => loadStackFile(dir.write('stack.yaml', text), { env: {} });

  it('refuses an interval of 0, under 100 ms, over 24 h or over 2^31 ms, naming the key', async () => {
    const problems = problemsOf(
      await load(
        [
          'probes:',
          '  a: { command: ["true"], every: 0 }',
          '  b: { command: ["true"], every: 50ms }',
          '  c: { command: ["true"], every: 25h }',
          '  d: { command: ["true"], every: 3000000000 }',
          '  e: { command: ["true"], timeout: 0 }',
          '  f: { command: ["true"], every: 99999999999999999999h }',
        ].join('\n'),
      ),
    );
    const file = dir.path('stack.yaml');
    expect(problems).toEqual([
      `${file}:2:27 probes.a.every: 0 ms is out of range: write an interval from 100ms to 24h`,
      `${file}:3:27 probes.b.every: "50ms" is out of range: write an interval from 100ms to 24h`,
      `${file}:4:27 probes.c.every: "25h" is out of range: write an interval from 100ms to 24h`,
      `${file}:5:27 probes.d.every: 3000000000 ms is out of range: write an interval from 100ms to 24h`,
      `${file}:6:27 probes.e.timeout: 0 ms is out of range: write an interval from 100ms to 24h`,
      expect.stringMatching(/:7:27 probes\.f\.every: "99999999999999999999h" is out of range/),
    ]);
  });

  it('bounds every interval: MCP timings, backoff, crash-loop window, cache polls', async () => {
    const problems = problemsOf(
      await load(
        [
          'mcpServers:',
          '  x:',
          '    command: node',
          '    initializeTimeout: 0',
          '    pingEvery: 10ms',
          '    pingTimeout: 48h',
          '    backoff: { initial: 0, max: 2147483648, resetAfter: 1ms }',
          '    crashLoop: { window: 0 }',
          'cache:',
          '  r: { redis: "redis://127.0.0.1:1", every: 0, window: 90000h }',
        ].join('\n'),
      ),
    );
    expect(problems.map((p) => p.split(' ')[1])).toEqual([
      'cache.r.every:',
      'cache.r.window:',
      'mcpServers.x.initializeTimeout:',
      'mcpServers.x.pingEvery:',
      'mcpServers.x.pingTimeout:',
      'mcpServers.x.backoff.initial:',
      'mcpServers.x.backoff.max:',
      'mcpServers.x.backoff.resetAfter:',
      'mcpServers.x.crashLoop.window:',
    ]);
  });

  it('takes the bounds themselves, latency SLOs under 100 ms, and refuses .inf', async () => {
    const ok = await load('probes:\n  a: { command: ["true"], every: 100ms, timeout: 24h, slo: { p99: 1ms, p50: 0 } }\n');
    expect(ok.ok && ok.config.probes.a).toMatchObject({ every: 100, timeout: 86_400_000, slo: { p99: 1, p50: 0 } });
    expect(problemsOf(await load('probes:\n  a: { command: ["true"], slo: { p95: 25h } }\n'))[0]).toMatch(/probes\.a\.slo\.p95: "25h" is out of range: a latency is at most 24h/);
    expect(problemsOf(await load('probes:\n  a: { command: ["true"], every: .inf }\n'))[0]).toMatch(/probes\.a\.every: /);
  });
});

describe('reading the stack file and its includes', () => {
  let dir: ReturnType<typeof stackFolder>;
  beforeEach(() => (dir = stackFolder()));
  afterEach(() => dir.remove());

  it('refuses a FIFO as the stack file or an include at once, instead of hanging this and every later reload', async () => {
    const fifo = dir.path('pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect(problemsOf(await loadStackFile(fifo))).toEqual([`${fifo} stack file ${fifo}: is not a regular file (a pipe, device or socket)`]);
    const stack = dir.write('stack.yaml', 'include: [./pipe.yaml]\n');
    expect(problemsOf(await loadStackFile(stack))).toEqual([`${stack}:1:11 include.0: include ${fifo}: is not a regular file (a pipe, device or socket)`]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a device, a folder and a file over 4 MiB, each with its reason', async () => {
    const stack = dir.write('stack.yaml', 'include: [/dev/zero, ./folder, ./huge.json]\n');
    dir.write('folder/x', '');
    dir.write('huge.json', `{"mcpServers": {}, "pad": "${'x'.repeat(4 * 1024 * 1024)}"}`);
    const problems = problemsOf(await loadStackFile(stack));
    expect(problems).toEqual([
      `${stack}:1:11 include.0: include /dev/zero: is not a regular file (a pipe, device or socket)`,
      `${stack}:1:22 include.1: include ${dir.path('folder')}: is a folder, not a file`,
      `${stack}:1:32 include.2: include ${dir.path('huge.json')}: is 4.0 MiB, over the 4 MiB a stack file or include may have`,
    ]);
    const huge = dir.write('big.yaml', `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    expect(problemsOf(await loadStackFile(huge))[0]).toMatch(/stack file .*big\.yaml: is 5\.0 MiB, over the 4 MiB/);
  });
});
