import { createHmac } from 'node:crypto';

/** One key line of an OpenSSH known_hosts file. */
export interface KnownHostEntry {
  /** The file as the operator would write it (~/.ssh/known_hosts), for messages. */
  file: string;
  line: number;
  /** `@revoked` keys are refused; `@cert-authority` lines sign host certificates, which Switchboard does not use. */
  marker?: 'revoked' | 'cert-authority';
  /** Comma-separated patterns (`host`, `[host]:port`, `*.example`, `!bad`), or one hashed name `|1|salt|hash`. */
  hosts: string;
  keyType: string;
  key: Buffer;
}

export type HostKeyVerdict =
  | { verdict: 'known'; entry: KnownHostEntry }
  | { verdict: 'revoked'; entry: KnownHostEntry }
  /** The host is listed with a different key of the same type. */
  | { verdict: 'changed'; entry: KnownHostEntry }
  /** `otherTypes`: key types listed for the host, none of them the type it offered. */
  | { verdict: 'unknown'; otherTypes: string[] };

/** Reads the key lines of a known_hosts file; comments, blank and malformed lines are skipped, as ssh does. */
export function parseKnownHosts(text: string, file: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const fields = lines[i]!.trim().split(/\s+/);
    if (!fields[0] || fields[0].startsWith('#')) continue;
    let marker: KnownHostEntry['marker'];
    if (fields[0].startsWith('@')) {
      const name = fields.shift()!;
      if (name !== '@revoked' && name !== '@cert-authority') continue;
      marker = name === '@revoked' ? 'revoked' : 'cert-authority';
    }
    const [hosts, keyType, base64] = fields;
    if (!hosts || !keyType || !base64) continue;
    const key = Buffer.from(base64, 'base64');
    if (key.length === 0) continue;
    entries.push({ file, line: i + 1, ...(marker && { marker }), hosts, keyType: keyTypeOf(key) ?? keyType, key });
  }
  return entries;
}

/** The name ssh looks a host up by: `host` on port 22, `[host]:port` elsewhere. */
export function knownHostsName(host: string, port: number): string {
  const lower = host.toLowerCase();
  return port === 22 ? lower : `[${lower}]:${port}`;
}

/** Whether a known_hosts host field names `name` (from knownHostsName): hashed, plain, wildcard or negated patterns. */
export function hostFieldMatches(field: string, name: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  let matched = false;
  for (const pattern of field.toLowerCase().split(',')) {
    const negated = pattern.startsWith('!');
    if (!globMatches(negated ? pattern.slice(1) : pattern, name)) continue;
    // A negated pattern that matches rules the line out, whatever else it lists.
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** What known_hosts says of the key a host offered (the raw SSH key blob, as ssh2's hostVerifier receives it). */
export function checkHostKey(entries: readonly KnownHostEntry[], name: string, key: Buffer): HostKeyVerdict {
  const offeredType = keyTypeOf(key);
  const forHost = entries.filter((e) => e.marker !== 'cert-authority' && hostFieldMatches(e.hosts, name));
  const revoked = forHost.find((e) => e.marker === 'revoked' && e.key.equals(key));
  if (revoked) return { verdict: 'revoked', entry: revoked };
  const listed = forHost.filter((e) => e.marker === undefined);
  const known = listed.find((e) => e.key.equals(key));
  if (known) return { verdict: 'known', entry: known };
  const changed = listed.find((e) => e.keyType === offeredType);
  if (changed) return { verdict: 'changed', entry: changed };
  return { verdict: 'unknown', otherTypes: [...new Set(listed.map((e) => e.keyType))] };
}

/** The key types known_hosts lists for a host, so the connection can ask the host for one of those first. */
export function knownKeyTypes(entries: readonly KnownHostEntry[], name: string): string[] {
  return [...new Set(entries.filter((e) => e.marker === undefined && hostFieldMatches(e.hosts, name)).map((e) => e.keyType))];
}

/** The type name at the start of an SSH key blob (a length-prefixed string), e.g. "ssh-ed25519". */
export function keyTypeOf(key: Buffer): string | undefined {
  if (key.length < 4) return undefined;
  const length = key.readUInt32BE(0);
  if (length === 0 || length > 64 || key.length < 4 + length) return undefined;
  return key.subarray(4, 4 + length).toString('latin1');
}

function globMatches(pattern: string, name: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === name;
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(name);
}
