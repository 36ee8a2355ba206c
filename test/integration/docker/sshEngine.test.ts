import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DockerEngine } from '../../../electron/docker/dockerEngine.js';
import { resolveEngineAddress } from '../../../electron/docker/engineAddress.js';
import { SshPeer } from '../../support/docker/sshPeer.js';
import { waitFor } from '../../support/waitFor.js';

const sshd = SshPeer.available();
if (!sshd) console.log('ssh engine test skipped: /usr/sbin/sshd is not installed (apt-get install openssh-server)');

/**
 * An engine at ssh://root@127.0.0.1:PORT through a real sshd with a host key
 * made for the test; $HOME points at a temp folder, so only its
 * .ssh/known_hosts decides whether Switchboard goes on with the handshake.
 */
describe.skipIf(!sshd)('an engine over ssh checks the host key against known_hosts', () => {
  const peer = new SshPeer();
  const home = mkdtempSync(join(tmpdir(), 'sbtest-home-'));
  const knownHosts = join(home, '.ssh', 'known_hosts');
  let engine: DockerEngine | undefined;

  beforeAll(async () => {
    mkdirSync(join(home, '.ssh'));
    await peer.start();
  }, 30_000);
  afterEach(() => {
    engine?.dispose();
    engine = undefined;
  });
  afterAll(async () => {
    await peer.stop();
    rmSync(home, { recursive: true, force: true });
  });

  const address = () => `ssh://root@127.0.0.1:${peer.port}`;
  function connect(): DockerEngine {
    const resolved = resolveEngineAddress({ host: address() }, { HOME: home, SSH_AUTH_SOCK: peer.agentSocket });
    engine = new DockerEngine('over-ssh', resolved, { containers: ['sbtest-nothing-*'] }, { logs: { write: () => {} }, followLogs: false, connectTimeoutMs: 10_000 });
    return engine;
  }
  const refusal = (e: DockerEngine) => waitFor('the engine to be refused', () => e.status === 'unreachable' && e.state(() => undefined).error, 15_000);

  it('refuses a host that is not in known_hosts, saying how to accept it', async () => {
    writeFileSync(knownHosts, '');
    const error = await refusal(connect());
    expect(error).toBe(
      `Docker engine not reachable at ${address()}: host key of ${address()} is not in ~/.ssh/known_hosts: ` + `connect once with \`ssh -p ${peer.port} root@127.0.0.1\` to check and accept it`,
    );
  }, 30_000);

  it('refuses a host whose key has changed since it was recorded', async () => {
    writeFileSync(knownHosts, `# recorded before the host was "reinstalled"\n${peer.otherKeyLine(`[127.0.0.1]:${peer.port}`)}`);
    const error = await refusal(connect());
    expect(error).toContain(`host key of ${address()} has CHANGED since it was recorded in ~/.ssh/known_hosts line 2`);
    expect(error).toContain(`\`ssh-keygen -R '[127.0.0.1]:${peer.port}'\``);
  }, 30_000);

  it('goes on when known_hosts holds the key (hashed, [host]:port form), and the engine answers through the tunnel', async () => {
    writeFileSync(knownHosts, peer.knownHostsLine(`[127.0.0.1]:${peer.port}`, { hashed: true }));
    const e = connect();
    const state = await waitFor('the engine over ssh', () => (e.status !== 'connecting' ? e.state(() => undefined) : undefined), 30_000);
    expect(state.error ?? '').not.toMatch(/host key/);
    expect(state).toMatchObject({ status: 'connected', address: address(), version: expect.any(String) });
  }, 60_000);
});
