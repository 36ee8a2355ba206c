import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SwitchboardError } from '../../shared/errors.js';
import { checkHostKey, keyTypeOf, knownHostsName, knownKeyTypes, parseKnownHosts, type KnownHostEntry } from './knownHosts.js';

export interface SshTarget {
  /** The address as the operator wrote it, e.g. ssh://ops@build:2222. */
  display: string;
  host: string;
  port: number;
  user?: string | undefined;
}

// ssh2's host key algorithms, in its own order of preference; the ones known_hosts lists for a host go first.
const hostKeyAlgorithms = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];
const algorithmsOfKeyType: Record<string, string[]> = { 'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] };

// ssh2 reports a refused key only as this; the reason the check gave is kept here by address until it is asked for.
const refusedByHostVerifier = 'Host denied (verification failed)';
const refusals = new Map<string, string>();

/** Where known_hosts is read from: the user's file (under $HOME), then the machine-wide one, as ssh does. */
export interface KnownHostsPlace {
  home: string;
  files: string[];
}

export function knownHostsPlace(env: NodeJS.ProcessEnv): KnownHostsPlace {
  const home = env.HOME || env.USERPROFILE || homedir();
  const files = [join(home, '.ssh', 'known_hosts')];
  if (process.platform !== 'win32') files.push('/etc/ssh/ssh_known_hosts');
  return { home, files };
}

/**
 * Checks an ssh engine's host key against known_hosts the way `ssh` does
 * (StrictHostKeyChecking=yes): a host that is not listed, or listed with
 * another key, is refused with what to do about it. The files are read at
 * every connection, so accepting the host in a terminal is picked up at the
 * next retry without a restart.
 */
export class HostKeyCheck {
  private readonly name: string;

  constructor(
    private readonly target: SshTarget,
    private readonly place: KnownHostsPlace,
  ) {
    this.name = knownHostsName(target.host, target.port);
  }

  /** For ssh2's hostVerifier: true lets the handshake go on. */
  verify(key: Buffer): boolean {
    const read = this.read();
    const refusal = 'problem' in read ? read.problem : this.judge(read.entries, key);
    if (refusal === undefined) refusals.delete(this.target.display);
    else refusals.set(this.target.display, refusal);
    return refusal === undefined;
  }

  /** Host key algorithms to offer, the types known_hosts lists for the host first (so a host known by its RSA key is not asked for ed25519). */
  algorithms(): string[] {
    const read = this.read();
    const known = 'entries' in read ? knownKeyTypes(read.entries, this.name).flatMap((t) => algorithmsOfKeyType[t] ?? [t]) : [];
    const first = hostKeyAlgorithms.filter((a) => known.includes(a));
    return [...first, ...hostKeyAlgorithms.filter((a) => !first.includes(a))];
  }

  private judge(entries: KnownHostEntry[], key: Buffer): string | undefined {
    const found = checkHostKey(entries, this.name, key);
    const { display } = this.target;
    switch (found.verdict) {
      case 'known':
        return undefined;
      case 'revoked':
        return `host key of ${display} is marked @revoked in ${this.shown(found.entry.file)} line ${found.entry.line}: Switchboard will not connect to it`;
      case 'changed':
        return (
          `host key of ${display} has CHANGED since it was recorded in ${this.shown(found.entry.file)} line ${found.entry.line} ` +
          `(the host was reinstalled, or someone is in between): check with the host's admin, then remove the old key with ` +
          `\`ssh-keygen -R ${this.quotedName()}\` and connect once with \`${this.sshCommand()}\``
        );
      case 'unknown': {
        const others = found.otherTypes.length ? ` (it offered ${keyTypeOf(key) ?? 'a key'}; only ${found.otherTypes.join(', ')} is listed for it)` : '';
        return `host key of ${display} is not in ~/.ssh/known_hosts${others}: connect once with \`${this.sshCommand()}\` to check and accept it`;
      }
    }
  }

  private read(): { entries: KnownHostEntry[] } | { problem: string } {
    const entries: KnownHostEntry[] = [];
    for (const file of this.place.files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') continue;
        return { problem: `host key of ${this.target.display} cannot be checked: ${this.shown(file)} cannot be read (${code ?? (err as Error).message})` };
      }
      entries.push(...parseKnownHosts(text, file));
    }
    return { entries };
  }

  private sshCommand(): string {
    const { host, port, user } = this.target;
    return `ssh ${port === 22 ? '' : `-p ${port} `}${user ? `${user}@` : ''}${host}`;
  }

  private quotedName(): string {
    return this.name.startsWith('[') ? `'${this.name}'` : this.name;
  }

  private shown(file: string): string {
    const { home } = this.place;
    return file.startsWith(`${home}/`) ? `~${file.slice(home.length)}` : file;
  }
}

/** ssh2's "Host denied" error for `address`, as the reason the check gave; anything else unchanged. */
export function explainHostKeyRefusal(address: string, err: unknown): unknown {
  if (!(err instanceof Error) || err.message !== refusedByHostVerifier) return err;
  const refusal = refusals.get(address);
  return refusal ? new SwitchboardError('engine_unreachable', refusal) : err;
}
