import { execFileSync } from 'node:child_process';
import http from 'node:http';

/**
 * Looks at a Docker engine straight through its unix socket, without the
 * app in between: whether it answers, what it has, and how many connections
 * a process holds open to it (events, log and stats streams are one each).
 */
export function engineGet<T>(socketPath: string, path: string, timeoutMs = 1000): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath, path, agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve((path === '/_ping' ? body : JSON.parse(body)) as T) : reject(new Error(`${path}: HTTP ${res.statusCode}`))));
    });
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

/** Whether the engine answers /_ping now. */
export function answers(socketPath: string): Promise<boolean> {
  return engineGet<string>(socketPath, '/_ping', 500).then(
    (body) => body === 'OK',
    () => false,
  );
}

export interface EngineContainer {
  Id: string;
  Names: string[];
  State: string;
}

export function engineContainers(socketPath: string): Promise<EngineContainer[]> {
  return engineGet<EngineContainer[]>(socketPath, '/containers/json?all=1');
}

/** Connections `pid` has open to the engine's socket right now (from `ss`: the engine's ends, matched to the peers `pid` owns). */
export function connectionsFrom(pid: number, socketPath: string): number {
  const rows = execFileSync('ss', ['-xnp'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[0] === 'u_str' && f[1] === 'ESTAB');
  // Columns: Netid State Recv-Q Send-Q Local Inode Peer PeerInode [Process]
  const owner = new Map<string, string>();
  for (const f of rows) owner.set(f[5]!, f.slice(8).join(' '));
  return rows.filter((f) => f[4] === socketPath && (owner.get(f[7]!) ?? '').includes(`pid=${pid},`)).length;
}
