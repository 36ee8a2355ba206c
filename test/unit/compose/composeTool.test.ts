import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findComposeTool, installHint } from '../../../electron/compose/composeTool.js';
import { composeArgs, composeEnv } from '../../../electron/compose/projectDefinition.js';
import { parseToolVersion } from '../../../electron/compose/toolOutput.js';

describe('finding the compose tool', () => {
  const empty = mkdtempSync(join(tmpdir(), 'sbtest-no-compose-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('says what to install when neither docker compose nor docker-compose answers', async () => {
    const found = await findComposeTool({ PATH: empty });
    expect(found.tool).toEqual({ found: false, install: installHint });
    expect(installHint).toMatch(/docker-compose-plugin.*apt-get install docker-compose/);
  });

  it('reads both versions as the tools print them', () => {
    expect(parseToolVersion('1.29.2\n')).toBe('1.29.2');
    expect(parseToolVersion('v2.29.7\n')).toBe('2.29.7');
    expect(parseToolVersion('docker: unknown command: docker compose\n')).toBeUndefined();
  });
});

describe('the compose command line and environment', () => {
  const project = { name: 'shop', files: ['/srv/a.yml', '/srv/b.yml'], envFile: '/srv/.env', profiles: ['debug', 'tools'] };

  it('passes -p, every -f, --env-file and each --profile before the subcommand, with v2 behind `docker compose`', () => {
    expect(composeArgs({ kind: 'v2', executable: 'docker', prefix: ['compose'] }, project, ['up', '-d'])).toEqual(['compose', '-p', 'shop', '-f', '/srv/a.yml', '-f', '/srv/b.yml', '--env-file', '/srv/.env', '--profile', 'debug', '--profile', 'tools', 'up', '-d']);
  });

  it('points the tool at the project engine, drops COMPOSE_* that would add to ours, and passes TLS files compose can read', () => {
    const env = composeEnv({ PATH: '/bin', COMPOSE_PROFILES: 'x', COMPOSE_PROJECT_NAME: 'y' }, { host: 'tcp://box:2376', tls: { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem' } });
    expect(env).toEqual({ PATH: '/bin', DOCKER_HOST: 'tcp://box:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' });
    expect(composeEnv({}, { host: 'tcp://box:2376', tls: { ca: '/a/root.crt', cert: '/a/cert.pem', key: '/a/key.pem' } }).DOCKER_CERT_PATH).toBeUndefined();
  });
});
