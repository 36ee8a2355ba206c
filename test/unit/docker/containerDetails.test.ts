import { describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { detailsFromInspect } from '../../../electron/docker/containerDetails.js';
import { isSecretKey as looksSecret } from '../../../electron/base/secrets/secretKeys.js';
import { MASK } from '../../../electron/base/secrets/secretShapes.js';
import { lineReader } from '../../../electron/docker/lineReader.js';
import { unreachableMessage } from '../../../electron/docker/engineErrors.js';

describe('secret-looking env keys', () => {
  it('masks passwords, tokens, keys and connection strings but not ordinary settings', () => {
    for (const k of ['POSTGRES_PASSWORD', 'API_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'OPENAI_API_KEY', 'DATABASE_URL', 'GITHUB_AUTH']) expect(looksSecret(k)).toBe(true);
    for (const k of ['PATH', 'PORT', 'NODE_ENV', 'LOG_LEVEL', 'KEYBOARD']) expect(looksSecret(k)).toBe(false);
  });
});

describe('the inspect view', () => {
  const info = {
    Id: 'abc',
    Name: '/web',
    Created: '2024-01-01T00:00:00Z',
    Image: 'sha256:1',
    Path: 'node',
    Args: ['server.js', '--token', 'tok-cmd-1', '--db', 'postgres://app:pg-pw-2@db/app', '--api-key=k-3', '--upstream', 'env-secret-4'],
    Config: {
      Image: 'web:1',
      Env: ['SENTRY_DSN=https://pub@sentry.example/1', 'UPSTREAM_TOKEN=env-secret-4', 'DATABASE_URL=postgres://app:pg-pw-2@db/app', 'MODE=prod', 'KEYBOARD_LAYOUT=us'],
    },
    State: {},
    Mounts: [],
    HostConfig: {},
    NetworkSettings: {},
  } as unknown as Docker.ContainerInspectInfo;

  it('masks secret env values, URL passwords and the command\'s secret arguments', () => {
    const details = detailsFromInspect('local', info);
    expect(details.command).toBe(`node server.js --token ${MASK} --db postgres://app:${MASK}@db/app --api-key=${MASK} --upstream ${MASK}`);
    expect(details.env).toEqual([
      { key: 'SENTRY_DSN', value: MASK, masked: true },
      { key: 'UPSTREAM_TOKEN', value: MASK, masked: true },
      { key: 'DATABASE_URL', value: `postgres://app:${MASK}@db/app`, masked: true },
      { key: 'MODE', value: 'prod', masked: false },
      { key: 'KEYBOARD_LAYOUT', value: 'us', masked: false },
    ]);
  });
});

describe('line reader', () => {
  it('joins lines cut across chunks and splits multibyte characters safely', () => {
    const lines: string[] = [];
    const r = lineReader((l) => lines.push(l));
    const euro = Buffer.from('€');
    r.push(Buffer.concat([Buffer.from('a\r\nb'), euro.subarray(0, 1)]));
    r.push(Buffer.concat([euro.subarray(1), Buffer.from('\nc')]));
    r.end();
    expect(lines).toEqual(['a', 'b€', 'c']);
  });
});

describe('engine unreachable message', () => {
  it('names the address and the cause and says what to check', () => {
    const err = Object.assign(new Error('connect ENOENT /var/run/docker.sock'), { code: 'ENOENT' });
    expect(unreachableMessage('unix:///var/run/docker.sock', err)).toBe(
      'Docker engine not reachable at unix:///var/run/docker.sock: connect ENOENT /var/run/docker.sock — is Docker running?',
    );
  });
});
