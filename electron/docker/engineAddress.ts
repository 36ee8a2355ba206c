import { existsSync, readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import { SwitchboardError } from '../../shared/errors.js';
import type { EngineConfig } from '../base/stackFile/docker.js';
import { HostKeyCheck, knownHostsPlace } from './hostKeyCheck.js';

export interface EngineAddress {
  /** The address in the operator's words, shown on screen and in errors. */
  display: string;
  options: Docker.DockerOptions;
}

type HostKeyAlgorithms = NonNullable<NonNullable<Docker.DockerOptions['sshOptions']>['algorithms']>['serverHostKey'];

const platformDefault = process.platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';

/**
 * Turns `unix://…`, `npipe://…`, `tcp://host:port` (TLS from `tls:` or port 2376),
 * `http(s)://…` or `ssh://user@host` into dockerode options. Every field is set
 * explicitly so docker-modem's own DOCKER_HOST defaults never leak in.
 */
export function resolveEngineAddress(cfg: EngineConfig, env: NodeJS.ProcessEnv = process.env): EngineAddress {
  const display = cfg.host ?? env.DOCKER_HOST ?? platformDefault;
  const base: Docker.DockerOptions = { socketPath: undefined, host: undefined, port: undefined, protocol: undefined };
  if (display.startsWith('unix://')) {
    return { display, options: { ...base, socketPath: display.slice('unix://'.length) || '/var/run/docker.sock' } };
  }
  if (display.startsWith('npipe://')) {
    return { display, options: { ...base, socketPath: display.slice('npipe://'.length) || '//./pipe/docker_engine' } };
  }
  let url: URL;
  try {
    url = new URL(display.includes('//') ? display : `tcp://${display}`);
  } catch {
    throw new SwitchboardError('invalid_params', `docker host "${display}" is not an address: write it like unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  switch (url.protocol) {
    case 'ssh:': {
      const username = decodeURIComponent(url.username) || undefined;
      const hostKey = new HostKeyCheck({ display, host, port: Number(url.port || 22), user: username }, knownHostsPlace(env));
      return {
        display,
        options: {
          ...base,
          protocol: 'ssh',
          host,
          port: url.port || 22,
          username,
          sshOptions: {
            agent: env.SSH_AUTH_SOCK,
            // Without a verifier ssh2 accepts any host key: anyone in between could pose as the engine.
            hostVerifier: (key: Buffer) => hostKey.verify(key),
            // A getter, so each connection (docker-modem opens one per request) reads known_hosts afresh.
            algorithms: {
              get serverHostKey() {
                return hostKey.algorithms() as HostKeyAlgorithms;
              },
            },
          },
        },
      };
    }
    case 'tcp:':
    case 'http:':
    case 'https:': {
      const tls = cfg.tls ?? certsFromEnv(env);
      const secure = url.protocol === 'https:' || tls !== undefined || url.port === '2376';
      const port = url.port || (secure ? '2376' : '2375');
      const options: Docker.DockerOptions = { ...base, protocol: secure ? 'https' : 'http', host, port };
      if (tls) {
        options.ca = readPem(tls.ca, display);
        options.cert = readPem(tls.cert, display);
        options.key = readPem(tls.key, display);
      }
      return { display, options };
    }
    default:
      throw new SwitchboardError('invalid_params', `docker host "${display}" uses ${url.protocol.replace(':', '')}://, which Switchboard cannot reach: use unix://, tcp:// or ssh://`);
  }
}

function certsFromEnv(env: NodeJS.ProcessEnv): EngineConfig['tls'] {
  const dir = env.DOCKER_CERT_PATH;
  if (!dir || env.DOCKER_TLS_VERIFY !== '1') return undefined;
  return { ca: `${dir}/ca.pem`, cert: `${dir}/cert.pem`, key: `${dir}/key.pem` };
}

function readPem(path: string, display: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new SwitchboardError('invalid_params', `TLS file ${path} for ${display} cannot be read (${code}): check the docker.tls paths in the stack file`);
  }
}

/** Engine names must be unique on screen: the configured name, else "local" / the host. */
export function engineName(cfg: EngineConfig, address: string, taken: Set<string>): string {
  let name = cfg.name ?? (address.startsWith('unix://') || address.startsWith('npipe://') ? 'local' : safeHost(address));
  for (let i = 2; taken.has(name); i++) name = `${cfg.name ?? 'engine'}-${i}`;
  taken.add(name);
  return name;
}

function safeHost(address: string): string {
  try {
    return new URL(address).host || address;
  } catch {
    return address;
  }
}

/**
 * The error a connection to a local socket that is not there would give, found
 * without making one: a stopped Docker removes its socket, and a request through
 * dockerode costs ~0.3 ms of CPU, once a second for as long as Docker stays off.
 * Undefined when the socket is there (or the address is not a local socket).
 */
export function missingSocket(address: EngineAddress): NodeJS.ErrnoException | undefined {
  const path = address.options.socketPath;
  if (typeof path !== 'string' || address.options.protocol === 'ssh' || process.platform === 'win32' || existsSync(path)) return undefined;
  return Object.assign(new Error(`connect ENOENT ${path}`), { code: 'ENOENT', syscall: 'connect', address: path });
}
