import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './testContainers.js';
import { waitFor } from '../waitFor.js';

/**
 * A real OpenSSH server on 127.0.0.1 (Debian's openssh-server) with a host key
 * made for the test, letting root in with a key held by a private ssh-agent,
 * so an ssh:// engine can be reached as it would be on another machine:
 * `docker system dial-stdio` on the far side talks to this machine's engine.
 */
export class SshPeer {
  readonly dir = mkdtempSync(join(tmpdir(), 'sbtest-sshd-'));
  readonly agentSocket = join(this.dir, 'agent.sock');
  port = 0;
  private sshd: ChildProcess | undefined;
  private agentPid: number | undefined;

  /** Whether sshd is installed; the test says why it did not run when it is not. */
  static available(): boolean {
    return existsSync('/usr/sbin/sshd') && existsSync('/usr/bin/ssh-agent');
  }

  async start(): Promise<void> {
    this.port = await freePort();
    const keygen = (file: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', '', '-f', join(this.dir, file)]);
    keygen('host_key');
    keygen('client_key');
    writeFileSync(join(this.dir, 'authorized_keys'), readFileSync(join(this.dir, 'client_key.pub')));
    writeFileSync(
      join(this.dir, 'sshd_config'),
      [
        `Port ${this.port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${join(this.dir, 'host_key')}`,
        `PidFile ${join(this.dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${join(this.dir, 'authorized_keys')}`,
        'PermitRootLogin prohibit-password',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'UsePAM no',
        'StrictModes no',
        'LogLevel VERBOSE',
      ].join('\n') + '\n',
    );
    // sshd refuses to start without its privilege separation folder; Debian makes it only when the service starts.
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    this.sshd = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(this.dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    this.sshd.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    await waitFor(`sshd on 127.0.0.1:${this.port} (${log})`, () => this.answers(), 15_000, 50);

    const agent = execFileSync('ssh-agent', ['-s', '-a', this.agentSocket], { encoding: 'utf8' });
    this.agentPid = Number(/SSH_AGENT_PID=(\d+)/.exec(agent)?.[1]);
    execFileSync('ssh-add', ['-q', join(this.dir, 'client_key')], { env: { ...process.env, SSH_AUTH_SOCK: this.agentSocket }, stdio: 'ignore' });
  }

  /** The server's host key as a known_hosts line for `name` (e.g. "[127.0.0.1]:2222"), optionally hashed like `ssh-keygen -H`. */
  knownHostsLine(name: string, opts: { hashed?: boolean } = {}): string {
    const line = `${name} ${readFileSync(join(this.dir, 'host_key.pub'), 'utf8').trim()}\n`;
    if (!opts.hashed) return line;
    const file = join(this.dir, 'hash_me');
    writeFileSync(file, line);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    return readFileSync(file, 'utf8');
  }

  /** Another ed25519 key, as known_hosts would hold it had the host been reinstalled. */
  otherKeyLine(name: string): string {
    const file = join(this.dir, `other_${Date.now()}`);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', '', '-f', file]);
    return `${name} ${readFileSync(`${file}.pub`, 'utf8').trim()}\n`;
  }

  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port: this.port });
      socket.once('data', (banner) => {
        socket.destroy();
        resolve(banner.toString().startsWith('SSH-'));
      });
      socket.once('error', () => resolve(false));
    });
  }

  async stop(): Promise<void> {
    if (this.agentPid) {
      try {
        process.kill(this.agentPid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    const sshd = this.sshd;
    if (sshd && sshd.exitCode === null && sshd.signalCode === null) {
      const exited = new Promise((resolve) => sshd.once('exit', resolve));
      sshd.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
