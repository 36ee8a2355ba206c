import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDocker } from '../../../electron/docker/index.js';
import { registerTerminals } from '../../../electron/terminals/index.js';
import { defaultFlowLimits } from '../../../electron/terminals/outputFlow.js';
import type { TerminalChoices, TerminalOutput, TerminalScrollback, TerminalsState } from '../../../shared/contract/terminals.js';
import { fakeAppContext, recordingSink, type FakeAppContext } from '../../support/appContext.js';
import { docker } from '../../support/docker/dockerCli.js';
import { TestContainers, freePort } from '../../support/docker/testContainers.js';
import { waitFor } from '../../support/waitFor.js';

// Terminals against the real engine: a TTY exec in a busybox container, and redis-cli in a Redis container with a password.
const tc = new TestContainers();
const password = 'terminal-test-pw-7d1f9c';
let shellBox: string;
let redisBox: string;

beforeAll(async () => {
  shellBox = (await tc.run({ image: 'terminal', name: 'shell' })).name;
  const port = await freePort();
  redisBox = (
    await tc.run({
      image: 'redis',
      name: 'redis',
      env: { REDIS_PASSWORD: password, REDIS_PORT: String(port) },
      cmd: ['sh', '-c', 'exec redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir /tmp --requirepass "$REDIS_PASSWORD"'],
    })
  ).name;
  // redis-cli started before the server listens shows a "not connected>" prompt and stays there: wait for a ready server.
  await waitFor(
    'redis to answer PING',
    () => docker(['exec', redisBox, 'sh', '-c', 'REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -p "$REDIS_PORT" ping']).then((out) => out.includes('PONG'), () => false),
    60_000,
  );
}, 180_000);

afterAll(async () => {
  await tc.removeAll();
});

/** The container's processes as `docker top` lists them (command column). */
async function processes(container: string): Promise<string[]> {
  const lines = (await docker(['top', container, '-o', 'pid,args'])).split('\n').slice(1);
  return lines.map((l) => l.trim().replace(/^\d+\s+/, ''));
}

function setup() {
  const ctx = fakeAppContext({ docker: { containers: [`${tc.prefix}-*`] } });
  const docker = registerDocker(ctx);
  registerTerminals(ctx, docker);
  const list = recordingSink<TerminalsState, never>();
  ctx.topics.open('terminals', {}, list.sink as never);
  return { ctx, list };
}

async function call<T>(ctx: FakeAppContext, name: Parameters<FakeAppContext['commands']['call']>[0], params: unknown): Promise<T> {
  const outcome = await ctx.commands.call(name, params);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value as T;
}

/** Attaches a viewer and keeps everything it is sent as one text, checking the pieces follow each other. */
function attach(ctx: FakeAppContext, id: string, viewer: string, opts: { ack?: boolean } = {}) {
  const { rec, sink } = recordingSink<TerminalScrollback, TerminalOutput>();
  ctx.topics.open('terminals.output', { id, viewer }, sink as never);
  const view = {
    rec,
    text: () => (rec.snapshots[0]?.data ?? '') + rec.items.map((i) => i.data).join(''),
    end: () => {
      const last = rec.items.at(-1);
      return last ? last.offset + last.data.length : (rec.snapshots[0]?.offset ?? 0) + (rec.snapshots[0]?.data.length ?? 0);
    },
    contiguous: () => rec.items.every((item, i) => item.offset === (i === 0 ? rec.snapshots[0]!.offset + rec.snapshots[0]!.data.length : rec.items[i - 1]!.offset + rec.items[i - 1]!.data.length)),
    ack: () => call(ctx, 'terminals.ack', { id, viewer, offset: view.end() }),
  };
  if (opts.ack !== false) {
    const timer = setInterval(() => void view.ack().catch(() => undefined), 20);
    ctx.disposables.add({ dispose: () => clearInterval(timer) });
  }
  return view;
}

const type = (ctx: FakeAppContext, id: string, data: string) => call(ctx, 'terminals.input', { id, data });

describe('terminals', () => {
  it('runs a shell: echo, stty size after a resize, Ctrl-C, reattach with scrollback, close ends the exec', async () => {
    const { ctx, list } = setup();
    try {
      await waitFor('the container in the docker state', async () => (await ctx.commands.call('terminals.choices', { container: shellBox })).ok, 20_000);
      const info = await call<{ id: string; command: string; container: string }>(ctx, 'terminals.open', { container: shellBox, cols: 80, rows: 24 });
      expect(info.container).toBe(shellBox);
      const view = attach(ctx, info.id, 'v1');
      await type(ctx, info.id, 'echo ok-$((40+2))\r');
      await waitFor('ok-42', () => /\r\nok-42\r\n/.test(view.text()), 10_000);
      // The shell it found is named once the exec said so (busybox has no bash).
      await waitFor('the shell named', () => list.latest()?.sessions[0]?.command === 'sh', 5_000);
      expect(list.latest()!.sessions[0]!.dockerCommand).toBe(`docker exec -it ${shellBox} sh`);

      await call(ctx, 'terminals.resize', { id: info.id, cols: 100, rows: 30 });
      await type(ctx, info.id, 'stty size\r');
      await waitFor('stty size 30 100', () => /\r\n30 100\r\n/.test(view.text()), 10_000);

      await type(ctx, info.id, 'sleep 100\r');
      await waitFor('sleep 100 running', async () => (await processes(shellBox)).includes('sleep 100'), 10_000);
      await type(ctx, info.id, '\x03');
      await waitFor('sleep 100 stopped by Ctrl-C', async () => !(await processes(shellBox)).includes('sleep 100'), 10_000);
      await type(ctx, info.id, 'echo after-$((1+1))\r');
      await waitFor('the prompt back', () => /\r\nafter-2\r\n/.test(view.text()), 10_000);
      expect(view.contiguous()).toBe(true);

      // A second screen attaching later gets the same scrollback.
      const again = attach(ctx, info.id, 'v2');
      expect(again.rec.snapshots[0]!.data).toContain('ok-42');
      expect(again.rec.snapshots[0]!.data).toContain('after-2');

      // A background job too: closing ends everything the session started.
      await type(ctx, info.id, 'sleep 300 &\r');
      await waitFor('sleep 300 running', async () => (await processes(shellBox)).includes('sleep 300'), 10_000);
      expect(await processes(shellBox)).toContain('sh');
      expect(await call(ctx, 'terminals.close', { id: info.id })).toEqual({ closed: true });
      const left = await processes(shellBox);
      expect(left.filter((p) => !/^sh -c trap|^sleep 1$/.test(p))).toEqual([]);
      await waitFor('the list empty', () => list.latest()?.sessions.length === 0, 5_000);

      const audit = ctx.lines.filter((l) => l.source === 'switchboard').map((l) => l.text);
      expect(audit).toEqual([
        `terminal of container:${shellBox} opened: bash or sh as root`,
        expect.stringMatching(new RegExp(`^terminal of container:${shellBox} closed: sh as root, open \\d`)),
      ]);
      // Keystrokes are never logged.
      expect(ctx.lines.some((l) => l.text.includes('ok-$') || l.text.includes('sleep'))).toBe(false);
    } finally {
      await ctx.disposables.disposeAsync();
    }
  });

  it('pauses the exec while a screen is behind, and loses no byte', async () => {
    const { ctx } = setup();
    try {
      await waitFor('the container', async () => (await ctx.commands.call('terminals.choices', { container: shellBox })).ok, 20_000);
      const info = await call<{ id: string }>(ctx, 'terminals.open', { container: shellBox, cols: 80, rows: 24 });
      const view = attach(ctx, info.id, 'slow', { ack: false });
      await waitFor('the prompt', () => view.text().includes('#'), 10_000);
      // 6 MB of "y\n" (9 MB with the TTY's \r\n): more than twice what a screen may be behind.
      await type(ctx, info.id, 'yes | head -c 6000000; echo done-$((6*7))\r');
      await waitFor('paused', async () => (await call<{ paused: boolean }>(ctx, 'terminals.ack', { id: info.id, viewer: 'slow', offset: 0 })).paused, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const held = view.text().length;
      expect(held).toBeLessThan(defaultFlowLimits.high + 1024 * 1024);
      // Drawing catches up: the rest flows, in order and complete.
      const timer = setInterval(() => void view.ack().catch(() => undefined), 10);
      try {
        await waitFor('done-42', () => view.text().includes('done-42\r\n'), 60_000);
      } finally {
        clearInterval(timer);
      }
      expect(view.contiguous()).toBe(true);
      const output = view.text().split('done-$((6*7))\r\n')[1]!.split('done-42')[0]!;
      expect(output.length).toBe(3_000_000 * 'y\r\n'.length);
      expect(output.replaceAll('y\r\n', '')).toBe('');
    } finally {
      await ctx.disposables.disposeAsync();
    }
  });

  it('quitting ends every session', async () => {
    const { ctx } = setup();
    await waitFor('the container', async () => (await ctx.commands.call('terminals.choices', { container: shellBox })).ok, 20_000);
    for (const n of [1, 2]) {
      const info = await call<{ id: string }>(ctx, 'terminals.open', { container: shellBox, cols: 80, rows: 24 });
      await type(ctx, info.id, `sleep ${200 + n}\r`);
    }
    await waitFor('both sleeps', async () => (await processes(shellBox)).filter((p) => /^sleep 20[12]$/.test(p)).length === 2, 10_000);
    await ctx.disposables.disposeAsync();
    expect((await processes(shellBox)).filter((p) => !/^sh -c trap|^sleep 1$/.test(p))).toEqual([]);
  });

  it('opens redis-cli with the password from the container env, never showing or logging it', async () => {
    const { ctx, list } = setup();
    try {
      const choices = await waitFor(
        'redis-cli offered',
        async () => {
          const outcome = await ctx.commands.call('terminals.choices', { container: redisBox });
          const value = outcome.ok ? (outcome.value as TerminalChoices) : undefined;
          return value && value.services.length > 0 ? value : undefined;
        },
        20_000,
      );
      expect(choices.services).toEqual([{ kind: 'redis-cli', label: 'redis-cli', reason: 'image sbtest-containers/redis:1' }]);
      const info = await call<{ id: string; command: string; dockerCommand: string }>(ctx, 'terminals.open', { container: redisBox, service: 'redis-cli', cols: 80, rows: 24 });
      expect(info.command).toBe('redis-cli');
      const view = attach(ctx, info.id, 'v');
      await waitFor('the redis prompt', () => /127\.0\.0\.1:\d+> /.test(view.text()), 10_000);
      await type(ctx, info.id, 'PING\r');
      await waitFor('PONG', () => view.text().includes('PONG'), 10_000);
      await call(ctx, 'terminals.close', { id: info.id });
      const everything = JSON.stringify({ lines: ctx.lines, list: list.rec, view: view.text(), info });
      expect(everything).not.toContain(password);
      expect(info.dockerCommand).toBe(`docker exec -it ${redisBox} sh -c 'if [ -n "$REDIS_PASSWORD" ]; then export REDISCLI_AUTH="$REDIS_PASSWORD"; fi; exec redis-cli -p "${'${SWITCHBOARD_REDIS_PORT:-${REDIS_PORT:-6379}}'}"'`);
    } finally {
      await ctx.disposables.disposeAsync();
    }
  });
});
