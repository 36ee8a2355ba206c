import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkHostKey, knownHostsName, parseKnownHosts } from '../../../electron/docker/knownHosts.js';
import { HostKeyCheck, explainHostKeyRefusal } from '../../../electron/docker/hostKeyCheck.js';
import { resolveEngineAddress } from '../../../electron/docker/engineAddress.js';

// Real keys from ssh-keygen; the hashed lines are `ssh-keygen -H` of "box.example" and "[box.example]:2222" with key1.
const key1 = 'AAAAC3NzaC1lZDI1NTE5AAAAIAYJOBTaoAH7pCxQYDc1nxv++8Rj5YVmFkQ6vwvqSdu0';
const key2 = 'AAAAC3NzaC1lZDI1NTE5AAAAIMCkkrJFKBa1xP1qj4H3vwXNvWAcT9xa3mrR0rpnYXZ3';
const ecdsa = 'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBAV3CI8ErpRbGmxtuWafZ7rne3zXOYNb5unb3K73p5t2YpXGMTxaiB1YYGsp3evjjwwXch7TD2XU3h5cF4j80JU=';
const hashedBox = '|1|02PaJ/oo2HrvMsSPYNs47E/bKuo=|lwOFDgBu5JSK6V4WfWI/gKmBvPc=';
const hashedBoxPort = '|1|z4eCLCKtX7A860RcbFYjrFmssB0=|dOZLgZMrdwQhLrck/IgGiIm3lLU=';
const blob = (base64: string) => Buffer.from(base64, 'base64');

function verdict(text: string, host: string, port: number, key: string) {
  return checkHostKey(parseKnownHosts(text, '~/.ssh/known_hosts'), knownHostsName(host, port), blob(key));
}

describe('known_hosts matching', () => {
  it('accepts a plain entry with the same key, case-insensitively, among several names', () => {
    expect(verdict(`other.example,box.example ssh-ed25519 ${key1} ops@laptop\n`, 'Box.Example', 22, key1)).toMatchObject({ verdict: 'known', entry: { line: 1 } });
  });

  it('looks a non-standard port up as [host]:port, and a plain entry does not cover it', () => {
    expect(verdict(`[box.example]:2222 ssh-ed25519 ${key1}\n`, 'box.example', 2222, key1).verdict).toBe('known');
    expect(verdict(`box.example ssh-ed25519 ${key1}\n`, 'box.example', 2222, key1).verdict).toBe('unknown');
    expect(verdict(`[box.example]:2222 ssh-ed25519 ${key1}\n`, 'box.example', 22, key1).verdict).toBe('unknown');
  });

  it('matches hashed entries (|1|salt|hash) written by ssh-keygen -H, for both forms', () => {
    const text = `${hashedBox} ssh-ed25519 ${key1}\n${hashedBoxPort} ssh-ed25519 ${key1}\n`;
    expect(verdict(text, 'box.example', 22, key1)).toMatchObject({ verdict: 'known', entry: { line: 1 } });
    expect(verdict(text, 'box.example', 2222, key1)).toMatchObject({ verdict: 'known', entry: { line: 2 } });
    expect(verdict(text, 'box.example', 2223, key1).verdict).toBe('unknown');
    expect(verdict(text, 'other.example', 22, key1).verdict).toBe('unknown');
  });

  it('calls a different key of the same type for a listed host CHANGED, plain or hashed, and says where', () => {
    const plain = `# my hosts\n\nbox.example ssh-ed25519 ${key1}\n`;
    expect(verdict(plain, 'box.example', 22, key2)).toMatchObject({ verdict: 'changed', entry: { line: 3, file: '~/.ssh/known_hosts' } });
    expect(verdict(`${hashedBoxPort} ssh-ed25519 ${key1}\n`, 'box.example', 2222, key2)).toMatchObject({ verdict: 'changed', entry: { line: 1 } });
  });

  it('treats a host listed only with other key types as unknown, naming those types', () => {
    expect(verdict(`box.example ecdsa-sha2-nistp256 ${ecdsa}\n`, 'box.example', 22, key1)).toEqual({ verdict: 'unknown', otherTypes: ['ecdsa-sha2-nistp256'] });
  });

  it('follows wildcards and negations, refuses @revoked keys and ignores @cert-authority lines', () => {
    expect(verdict(`*.example,!bad.example ssh-ed25519 ${key1}\n`, 'box.example', 22, key1).verdict).toBe('known');
    expect(verdict(`*.example,!bad.example ssh-ed25519 ${key1}\n`, 'bad.example', 22, key1).verdict).toBe('unknown');
    expect(verdict(`bo?.example ssh-ed25519 ${key1}\n`, 'box.example', 22, key1).verdict).toBe('known');
    expect(verdict(`[box.*]:2222 ssh-ed25519 ${key1}\n`, 'box.example', 2222, key1).verdict).toBe('known');
    expect(verdict(`@revoked * ssh-ed25519 ${key1}\nbox.example ssh-ed25519 ${key1}\n`, 'box.example', 22, key1)).toMatchObject({ verdict: 'revoked', entry: { line: 1 } });
    expect(verdict(`@cert-authority *.example ssh-ed25519 ${key1}\n`, 'box.example', 22, key1).verdict).toBe('unknown');
  });

  it('skips malformed lines instead of failing', () => {
    expect(parseKnownHosts(`garbage\nbox.example ssh-ed25519\n@weird box ssh-ed25519 ${key1}\nbox.example ssh-ed25519 ${key1}\n`, 'f').map((e) => e.line)).toEqual([4]);
  });
});

describe('the host key check of an ssh engine', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'sbtest-home-'));
    mkdirSync(join(home, '.ssh'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));
  const place = () => ({ home, files: [join(home, '.ssh', 'known_hosts')] });

  it('refuses an unknown host, saying how to accept it, and explains ssh2’s bare "Host denied"', () => {
    const check = new HostKeyCheck({ display: 'ssh://ops@box.example', host: 'box.example', port: 22, user: 'ops' }, place());
    expect(check.verify(blob(key1))).toBe(false);
    const explained = explainHostKeyRefusal('ssh://ops@box.example', new Error('Host denied (verification failed)'));
    expect(explained).toMatchObject({
      code: 'engine_unreachable',
      message: 'host key of ssh://ops@box.example is not in ~/.ssh/known_hosts: connect once with `ssh ops@box.example` to check and accept it',
    });
    // Accepting it in a terminal is picked up at the next connection, without a restart.
    writeFileSync(join(home, '.ssh', 'known_hosts'), `box.example ssh-ed25519 ${key1}\n`);
    expect(check.verify(blob(key1))).toBe(true);
  });

  it('refuses a changed key, naming the line and the ssh-keygen -R to run, and asks first for the type it knows', () => {
    writeFileSync(join(home, '.ssh', 'known_hosts'), `# hosts\n${hashedBoxPort} ssh-ed25519 ${key1}\nbox.example ecdsa-sha2-nistp256 ${ecdsa}\n`);
    const check = new HostKeyCheck({ display: 'ssh://box.example:2222', host: 'box.example', port: 2222 }, place());
    expect(check.verify(blob(key2))).toBe(false);
    const message = (explainHostKeyRefusal('ssh://box.example:2222', new Error('Host denied (verification failed)')) as Error).message;
    expect(message).toMatch(/^host key of ssh:\/\/box\.example:2222 has CHANGED since it was recorded in ~\/\.ssh\/known_hosts line 2 /);
    expect(message).toContain("`ssh-keygen -R '[box.example]:2222'`");
    expect(message).toContain('`ssh -p 2222 box.example`');
    expect(check.algorithms()[0]).toBe('ssh-ed25519');
    expect(new HostKeyCheck({ display: 'ssh://box.example', host: 'box.example', port: 22 }, place()).algorithms()[0]).toBe('ecdsa-sha2-nistp256');
  });

  it('refuses when known_hosts cannot be read, saying so', () => {
    mkdirSync(join(home, '.ssh', 'known_hosts'));
    const check = new HostKeyCheck({ display: 'ssh://box.example', host: 'box.example', port: 22 }, place());
    expect(check.verify(blob(key1))).toBe(false);
    expect((explainHostKeyRefusal('ssh://box.example', new Error('Host denied (verification failed)')) as Error).message).toBe(
      'host key of ssh://box.example cannot be checked: ~/.ssh/known_hosts cannot be read (EISDIR)',
    );
  });

  it('is what an ssh:// engine address verifies host keys with, from $HOME/.ssh/known_hosts', () => {
    writeFileSync(join(home, '.ssh', 'known_hosts'), `box.example ssh-ed25519 ${key1}\n`);
    const { options } = resolveEngineAddress({ host: 'ssh://ops@box.example' }, { HOME: home });
    const verify = options.sshOptions?.hostVerifier as (key: Buffer) => boolean;
    expect(verify(blob(key1))).toBe(true);
    expect(verify(blob(key2))).toBe(false);
  });
});
