import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../shared/contract/containers.js';
import { httpPorts, portCandidates } from '../../../electron/stackFileDraft/httpPorts.js';

function container(name: string, ports: string[], over: Partial<ContainerSummary> = {}): ContainerSummary {
  return { engine: 'local', id: name, name, image: 'img:1', state: 'running', status: 'Up', health: 'none', restartCount: 0, restartPolicy: 'no', ports, labels: {}, ...over };
}

describe('ports that may answer HTTP', () => {
  it('are published ports reachable on 127.0.0.1, and the exposed ports of host-networked containers', () => {
    const candidates = portCandidates([
      container('web', ['0.0.0.0:8080->80/tcp', ':::8080->80/tcp']),
      container('api', ['127.0.0.1:3000->3000/tcp', '127.0.0.1:9229->9229/tcp', '0.0.0.0:5353->53/udp']),
      container('lan-only', ['192.168.1.5:8081->80/tcp']),
      container('hostnet', ['9000/tcp'], { networkMode: 'host' }),
      container('bridged', ['7000/tcp'], { networkMode: 'bridge' }),
      container('stopped', ['0.0.0.0:8082->80/tcp'], { state: 'exited' }),
    ]);
    expect(candidates).toEqual([
      { container: 'api', port: 3000, probe: 'api-3000' },
      { container: 'api', port: 9229, probe: 'api-9229' },
      { container: 'hostnet', port: 9000, probe: 'hostnet' },
      { container: 'web', port: 8080, probe: 'web' },
    ]);
  });
});

describe('asking them', () => {
  const servers: Array<{ close(): void }> = [];
  afterAll(() => servers.forEach((s) => s.close()));
  const listen = <T extends Server | ReturnType<typeof createTcpServer>>(server: T): Promise<number> =>
    new Promise((resolve) => {
      servers.push(server);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });

  it('keeps the ports that answer HTTP, with the status / got, and drops the ones that do not', async () => {
    const ok = await listen(createHttpServer((_req, res) => res.end('ok')));
    const missing = await listen(createHttpServer((_req, res) => res.writeHead(404).end()));
    // Redis-like: talks, but not HTTP.
    const notHttp = await listen(createTcpServer((socket) => socket.end('-ERR unknown command\r\n')));
    // Accepts and never answers.
    const silent = await listen(createTcpServer(() => {}));
    const closed = await listen(createTcpServer());
    servers.at(-1)!.close();
    const started = Date.now();
    const found = await httpPorts([ok, missing, notHttp, silent, closed].map((port) => ({ container: `c${port}`, port, probe: `p${port}` })));
    expect(found.map((f) => [f.port, f.status]).sort()).toEqual([[ok, 200], [missing, 404]].sort());
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
