import { describe, expect, it } from 'vitest';
import { engineName, resolveEngineAddress } from '../../../electron/docker/engineAddress.js';

describe('engine address', () => {
  it('uses DOCKER_HOST when the stack file names no host, else the platform socket', () => {
    expect(resolveEngineAddress({}, { DOCKER_HOST: 'unix:///run/user/1000/podman/podman.sock' }).options.socketPath).toBe('/run/user/1000/podman/podman.sock');
    const def = resolveEngineAddress({}, {});
    expect(def.display).toBe('unix:///var/run/docker.sock');
    expect(def.options.socketPath).toBe('/var/run/docker.sock');
  });

  it('reads tcp:// as plain HTTP on 2375 and TLS on 2376', () => {
    expect(resolveEngineAddress({ host: 'tcp://10.0.0.5:2375' }, {}).options).toMatchObject({ protocol: 'http', host: '10.0.0.5', port: '2375', socketPath: undefined });
    expect(resolveEngineAddress({ host: 'tcp://build.example:2376' }, {}).options).toMatchObject({ protocol: 'https', port: '2376' });
  });

  it('says which TLS file cannot be read', () => {
    expect(() => resolveEngineAddress({ host: 'tcp://h:2376', tls: { ca: '/nope/ca.pem', cert: '/nope/cert.pem', key: '/nope/key.pem' } }, {})).toThrow(
      /TLS file \/nope\/ca.pem for tcp:\/\/h:2376 cannot be read \(ENOENT\)/,
    );
  });

  it('reads ssh://user@host:port with the SSH agent', () => {
    expect(resolveEngineAddress({ host: 'ssh://ops@box:2222' }, { SSH_AUTH_SOCK: '/tmp/agent' }).options).toMatchObject({
      protocol: 'ssh',
      host: 'box',
      port: '2222',
      username: 'ops',
      sshOptions: { agent: '/tmp/agent' },
    });
  });

  it('refuses schemes it cannot reach, saying what to write', () => {
    expect(() => resolveEngineAddress({ host: 'ftp://x' }, {})).toThrow(/use unix:\/\/, tcp:\/\/ or ssh:\/\//);
  });

  it('names engines uniquely: configured name, "local" for sockets, the host otherwise', () => {
    const taken = new Set<string>();
    expect(engineName({}, 'unix:///var/run/docker.sock', taken)).toBe('local');
    expect(engineName({}, 'tcp://build:2376', taken)).toBe('build:2376');
    expect(engineName({ name: 'prod' }, 'tcp://p:2376', taken)).toBe('prod');
    expect(engineName({ name: 'prod' }, 'tcp://q:2376', taken)).toBe('prod-2');
  });
});
