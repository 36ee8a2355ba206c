import { describe, expect, it } from 'vitest';
import { looksSecret } from '../../../electron/docker/containerDetails.js';
import { lineReader } from '../../../electron/docker/lineReader.js';
import { unreachableMessage } from '../../../electron/docker/engineErrors.js';

describe('secret-looking env keys', () => {
  it('masks passwords, tokens, keys and connection strings but not ordinary settings', () => {
    for (const k of ['POSTGRES_PASSWORD', 'API_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'OPENAI_API_KEY', 'DATABASE_URL', 'GITHUB_AUTH']) expect(looksSecret(k)).toBe(true);
    for (const k of ['PATH', 'PORT', 'NODE_ENV', 'LOG_LEVEL', 'KEYBOARD']) expect(looksSecret(k)).toBe(false);
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
