import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComposeProjects } from '../../../electron/compose/composeProjects.js';
import type { ComposeEngines } from '../../../electron/compose/composeEngines.js';
import { toDisposable } from '../../../electron/base/disposable.js';
import { createAuditLog } from '../../../electron/core/auditLog.js';
import { SecretMasker } from '../../../electron/base/secrets/secretMasker.js';
import type { ContainerSummary } from '../../../shared/contract/containers.js';
import type { LogInput } from '../../../shared/contract/logs.js';
import { waitFor } from '../../support/waitFor.js';

// Compose v2 cannot be installed here (Debian has v1 only): its answers are replayed by a recorded `docker`.
const recorded = resolve(__dirname, '../../support/compose/recordedComposeV2');

function container(service: string, hash: string): ContainerSummary {
  const labels = { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': service, 'com.docker.compose.config-hash': hash };
  return { engine: 'local', id: `id-${service}`, name: `shop-${service}-1`, image: 'nginx:1.27', state: 'running', status: 'Up', health: 'none', restartCount: 0, restartPolicy: 'no', ports: [], labels };
}

describe('compose v2 (docker compose), from a recorded output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sbtest-compose-v2-'));
  const calls = join(dir, 'calls.txt');
  const lines: LogInput[] = [];
  const engines: ComposeEngines = {
    endpoint: () => ({ name: 'local', host: 'unix:///run/test-engine.sock' }),
    containers: () => [container('web', 'an-older-hash')],
    imageId: async () => undefined,
    onChange: () => toDisposable(() => {}),
  };
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${recorded}:${process.env.PATH}`, RECORDED_V2_CALLS: calls, COMPOSE_PROJECT_NAME: 'not-ours' };
  const logs = { write: (l: LogInput) => void lines.push(l) };
  let projects: ComposeProjects;

  beforeAll(async () => {
    writeFileSync(join(dir, 'compose.yml'), 'services: {}\n');
    projects = new ComposeProjects(engines, { env, logs, audit: createAuditLog(logs), secrets: new SecretMasker() });
    await projects.configure([{ file: 'compose.yml', envFile: 'prod.env', profiles: ['debug'], projectName: 'shop' }], dir);
  });

  afterAll(async () => {
    await projects.disposeAsync();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prefers the v2 plugin and says which ran and its version', () => {
    expect(projects.state().tool).toEqual({ found: true, kind: 'v2', command: 'docker compose', version: '2.29.7' });
  });

  it('reads services from config: a built image named the v2 way, a not-created one, an outdated one', () => {
    const [project] = projects.state().projects;
    expect(project!.error).toBeUndefined();
    expect(project!.services).toEqual([
      { name: 'api', image: 'shop-api', builds: true, status: 'not-created', containers: [] },
      { name: 'web', image: 'nginx:1.27', builds: false, status: 'running', outdated: 'config', containers: [{ id: 'id-web', name: 'shop-web-1', state: 'running', status: 'Up' }] },
    ]);
  });

  it('runs Up as `docker compose` with the project, files, env file and profiles, against the engine, streaming its lines', async () => {
    const result = await projects.run('shop', 'up');
    expect(result.message).toMatch(/^compose up of compose:shop done in/);
    const call = readFileSync(calls, 'utf8').split('\n').find((l) => l.includes(' up -d'));
    expect(call).toBe(`DOCKER_HOST=unix:///run/test-engine.sock compose -p shop -f ${dir}/compose.yml --env-file ${dir}/prod.env --profile debug up -d`);
    const text = projects.output.snapshot('shop').lines.map((l) => l.text);
    expect(text).toContain(' Container shop-api-1  Started');
    expect(lines.filter((l) => l.source === 'compose:shop').map((l) => l.text)).toContain(' Container shop-web-1  Recreated');
  });

  it('fails Pull in the tool own words', async () => {
    const err = (await projects.run('shop', 'pull').catch((e: Error) => e)) as Error;
    expect(err.message).toContain('docker compose exited 18');
    expect(err.message).toContain('lookup registry-1.docker.io: no such host');
    expect(projects.state().projects[0]!.operation).toMatchObject({ action: 'pull', outcome: 'failed' });
  });

  it('cancels a running Up the way Ctrl-C would', async () => {
    env.RECORDED_V2_SLOW = '1';
    const up = projects.run('shop', 'up').catch((e: Error) => e);
    await waitFor('the tool to be running', () => projects.output.snapshot('shop').lines.some((l) => l.text.includes('Started')));
    expect(projects.cancel('shop')).toBe(true);
    const err = (await up) as Error;
    expect(err.message).toMatch(/up of compose project shop cancelled/);
    expect(projects.state().projects[0]!.operation).toMatchObject({ action: 'up', outcome: 'cancelled' });
    delete env.RECORDED_V2_SLOW;
  });
});

describe('compose, when its engine is gone', () => {
  it('shows the engine error on the project instead of rejecting (reads run in the background, from file watches too)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbtest-compose-gone-'));
    writeFileSync(join(dir, 'compose.yml'), 'services: {}\n');
    const gone = (): never => {
      throw new Error('no Docker engine named "old" is configured');
    };
    const engines: ComposeEngines = { endpoint: gone, containers: () => [], imageId: gone, onChange: () => toDisposable(() => {}) };
    const logs = { write: () => {} };
    const projects = new ComposeProjects(engines, { env: { ...process.env, PATH: `${recorded}:${process.env.PATH}` }, logs, audit: createAuditLog(logs), secrets: new SecretMasker() });
    try {
      await projects.configure([{ file: 'compose.yml', profiles: [], projectName: 'shop' }], dir);
      expect(projects.state().projects[0]!.error).toBe('no Docker engine named "old" is configured');
    } finally {
      await projects.disposeAsync();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
