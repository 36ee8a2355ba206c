import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { createSecureContext } from 'node:tls';

/** What the operator asked for on the command line. */
export interface BindRequest {
  host: string;
  tlsCert?: string;
  tlsKey?: string;
  /** Names clients will put in the Host header (e.g. switchboard.lan), beyond the loopback ones. */
  allowHosts: string[];
}

/** What the server is started with: files read, names checked. */
export interface BindPlan {
  host: string;
  tls?: { cert: Buffer; key: Buffer };
  allowHosts: string[];
}

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * Off loopback the token would cross the network in clear text and any name
 * could be rebound to us, so serving the LAN takes a certificate and key
 * (HTTPS/WSS) and the list of names clients will use. Throws the operator's
 * next step as the message.
 */
export function planBind(request: BindRequest, readFile: (path: string) => Buffer = readFileSync): BindPlan {
  const allowHosts = request.allowHosts.map(hostName);
  if ((request.tlsCert === undefined) !== (request.tlsKey === undefined)) {
    throw new Error('--tls-cert and --tls-key go together: pass the certificate file and its private key file');
  }
  const tls = request.tlsCert !== undefined && request.tlsKey !== undefined ? readPair(request.tlsCert, request.tlsKey, readFile) : undefined;
  if (!isLoopbackHost(request.host) && (!tls || allowHosts.length === 0)) {
    throw new Error(
      `--host ${request.host} would serve Switchboard to other machines, so it needs HTTPS and the names clients use: ` +
        'pass --tls-cert FILE --tls-key FILE and --allow-host NAME (once per name, e.g. --allow-host switchboard.lan), ' +
        'or bind 127.0.0.1 and reach it through an SSH tunnel',
    );
  }
  return { host: request.host, ...(tls && { tls }), allowHosts };
}

function readPair(certFile: string, keyFile: string, readFile: (path: string) => Buffer): { cert: Buffer; key: Buffer } {
  const read = (flag: string, file: string) => {
    try {
      return readFile(file);
    } catch (err) {
      throw new Error(`${flag} ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  };
  const pair = { cert: read('--tls-cert', certFile), key: read('--tls-key', keyFile) };
  try {
    createSecureContext(pair);
  } catch (err) {
    throw new Error(`--tls-cert ${certFile} --tls-key ${keyFile}: not a certificate and its key (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  return pair;
}

/** A Host-header name without port: switchboard.lan, 192.168.1.5, [fd00::2]. */
function hostName(name: string): string {
  const lower = name.trim().toLowerCase();
  if (isIP(lower) === 6) return `[${lower}]`;
  if (/^\[[0-9a-f:.]+\]$/.test(lower) || isIP(lower) === 4 || /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(lower)) return lower;
  throw new Error(`--allow-host ${name} is not a host name: give the name or address clients use, without scheme or port (e.g. switchboard.lan)`);
}
