import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSwitchboard, type Switchboard } from '../../../electron/app/createSwitchboard.js';
import { MASK } from '../../../electron/base/secrets/secretShapes.js';
import type { BenchmarksState } from '../../../shared/contract/benchmark.js';
import type { CacheState } from '../../../shared/contract/cache.js';
import type { McpState, SelfcheckResult } from '../../../shared/contract/mcp.js';
import type { ProbesState } from '../../../shared/contract/probes.js';
import { recordingSink } from '../../support/appContext.js';
import { freePort } from '../../support/redis/startRedis.js';
import { testMarker } from '../../support/mcp/servers.js';
import { waitFor } from '../../support/waitFor.js';

const token = 'tok-from-env-7f3a9c';
const probePassword = 'probe-pass-5150';
const cachePassword = 'cache-pw-8086';
const secrets = [token, probePassword, cachePassword];

describe('a stack file with secrets in args, probe URLs and a cache address', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-secrets-'));
  let backend: http.Server;
  let app: Switchboard;

  beforeAll(async () => {
    // answers 503 to everything: an HTTP probe that fails, and a load test that counts errors
    backend = http.createServer((_req, res) => {
      res.statusCode = 503;
      res.end('down');
    });
    await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
    const port = (backend.address() as net.AddressInfo).port;
    const redisPort = await freePort(); // nothing listens there: the cache source fails and says why
    const [markerKey, markerValue] = testMarker.split('=') as [string, string];
    const file = path.join(dir, 'stack.yaml');
    const script = 'echo "connecting with $1" >&2; echo "token is $1"; exit 1';
    writeFileSync(
      file,
      [
        'name: secrets',
        'probes:',
        `  tls: { url: "https://user:${probePassword}@127.0.0.1:${port}/health", every: 200ms, timeout: 1s }`,
        `  plain: { url: "http://user:${probePassword}@127.0.0.1:${port}/health", every: 200ms, timeout: 1s }`,
        `  script: { command: ["sh", "-c", "exit 2", "sh", "--password", "${probePassword}"], every: 200ms }`,
        'cache:',
        `  sessions: { redis: "redis://:${cachePassword}@127.0.0.1:${redisPort}", every: 200ms }`,
        'mcpServers:',
        '  leaky:',
        '    command: sh',
        `    args: ["-c", ${JSON.stringify(script)}, "sh", "\${SECRET_TOKEN}", "--token", "\${SECRET_TOKEN}"]`,
        '    restart: "no"',
        '    selfcheck: ["--selfcheck"]',
        `    env: { ${markerKey}: "${markerValue}" }`,
      ].join('\n'),
    );
    app = await createSwitchboard({ argv: ['--config', file], env: { SECRET_TOKEN: token }, cwd: dir, mode: 'browser' });
  });

  afterAll(async () => {
    await app?.shutdown();
    backend?.closeAllConnections();
    backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function watch<S>(topic: string) {
    const { sink, latest } = recordingSink<S, unknown>();
    const opened = app.topics.open(topic, {}, sink as never);
    if (!opened.ok) throw new Error(opened.error.message);
    return latest;
  }

  it('never shows the secret in the mcp, probes, cache and load test topics, the selfcheck or any log line', async () => {
    const mcp = watch<McpState>('mcp');
    const probes = watch<ProbesState>('probes');
    const cache = watch<CacheState>('cache');
    const runs = watch<BenchmarksState>('benchmark.runs');

    const leaky = await waitFor('the leaky server to exit with its stderr', () => {
      const s = mcp()?.servers.find((x) => x.name === 'leaky');
      return s?.status === 'exited' && s.stderrTail.length > 0 ? s : undefined;
    });
    const probed = await waitFor('every probe to fail', () => {
      const s = probes();
      return s && s.probes.length === 3 && s.probes.every((p) => p.last && p.last.outcome !== 'ok') ? s : undefined;
    });
    const cached = await waitFor('the cache source to fail', () => cache()?.sources.find((s) => s.error));
    const selfcheck = await app.commands.call('mcp.selfcheck', { name: 'leaky' });
    if (!selfcheck.ok) throw new Error(selfcheck.error.message);
    const run = await app.commands.call('benchmark.run', { probe: 'plain', requests: 20, concurrency: 2 });
    if (!run.ok) throw new Error(run.error.message);
    const benchmarks = await waitFor('the load test to finish', () => (runs()?.results.length ? runs() : undefined));
    const lines = await waitFor('lines from every source', () => {
      const all = app.logs.query({}, 10_000);
      const sources = new Set(all.map((l) => l.source));
      return ['mcp:leaky', 'probe:tls', 'probe:plain', 'probe:script', 'cache:sessions', 'switchboard'].every((s) => sources.has(s)) ? all : undefined;
    });

    const shown = JSON.stringify({ leaky, probed, cached, selfcheck: selfcheck.value as SelfcheckResult, benchmarks, lines });
    for (const secret of secrets) expect(shown).not.toContain(secret);

    // what is masked still reads as what it is
    expect(leaky.args).toEqual(['-c', expect.any(String), 'sh', MASK, '--token', MASK]);
    expect(leaky.stderrTail.join('\n')).toContain(`connecting with ${MASK}`);
    expect((selfcheck.value as SelfcheckResult).commandLine).toContain(`--token ${MASK}`);
    const target = (name: string) => probed.probes.find((p) => p.name === name)!.target;
    expect(target('tls')).toBe(`https://user:${MASK}@127.0.0.1:${(backend.address() as net.AddressInfo).port}/health`);
    expect(target('script')).toContain(`--password ${MASK}`);
    expect(cached.address).toMatch(new RegExp(`^redis://:${MASK}@127\\.0\\.0\\.1:\\d+$`));
    expect(cached.error).toContain(`redis://:${MASK}@`);
    expect(benchmarks.results[0]!.url).toContain(`user:${MASK}@`);
  });
});
