import { request } from 'node:http';
import type { ContainerSummary } from '../../shared/contract/containers.js';

/** A port on this machine a container serves on, and the probe name it would get. */
export interface PortCandidate {
  probe: string;
  port: number;
  container: string;
}

/** A port that answered HTTP, and what it answered at /. */
export interface HttpPort extends PortCandidate {
  status: number;
}

/** Checking is cheap but not free: a stack rarely has more web ports than this. */
const maxPorts = 20;
const parallel = 4;
const answerWithinMs = 800;

/** Addresses a published port answers on from this machine. */
const loopbackReachable = new Set(['0.0.0.0', '127.0.0.1', '::', '::1', '']);

/**
 * The TCP ports of running containers reachable on 127.0.0.1: published ones
 * ("0.0.0.0:8080->80/tcp", ":::8080->80/tcp"), and for host-networked
 * containers the ports their image exposes ("8080/tcp"). One entry per port.
 */
export function portCandidates(containers: readonly ContainerSummary[]): PortCandidate[] {
  const seen = new Set<number>();
  const out: PortCandidate[] = [];
  for (const c of [...containers].sort((a, b) => a.name.localeCompare(b.name))) {
    if (c.state !== 'running') continue;
    const ports = c.ports.map((text) => hostPort(text, c.networkMode)).filter((p): p is number => p !== undefined && !seen.has(p));
    for (const port of new Set(ports)) {
      seen.add(port);
      out.push({ container: c.name, port, probe: '' });
    }
  }
  // a container with one port names its probe; one with several adds the port
  const perContainer = new Map<string, number>();
  for (const p of out) perContainer.set(p.container, (perContainer.get(p.container) ?? 0) + 1);
  for (const p of out) p.probe = perContainer.get(p.container) === 1 ? p.container : `${p.container}-${p.port}`;
  return out.slice(0, maxPorts);
}

function hostPort(text: string, networkMode: string | undefined): number | undefined {
  const published = /^(.*):(\d+)->\d+\/tcp$/.exec(text);
  if (published) return loopbackReachable.has(published[1]!) ? Number(published[2]) : undefined;
  const exposed = /^(\d+)\/tcp$/.exec(text);
  if (exposed && networkMode === 'host') return Number(exposed[1]);
  return undefined;
}

/** The candidates that answer an HTTP GET / on 127.0.0.1 within 0.8 s, a few at a time. */
export async function httpPorts(candidates: readonly PortCandidate[]): Promise<HttpPort[]> {
  const queue = [...candidates];
  const answered: HttpPort[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const status = await httpStatus(next.port);
      if (status !== undefined) answered.push({ ...next, status });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return answered.sort((a, b) => a.probe.localeCompare(b.probe));
}

/** The status a GET / gets, or undefined when nothing HTTP answers (refused, timed out, another protocol). */
function httpStatus(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET', timeout: answerWithinMs, headers: { 'user-agent': 'switchboard-stack-draft' } }, (res) => {
      resolve(res.statusCode);
      res.resume();
      req.destroy();
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.on('close', () => resolve(undefined));
    req.end();
  });
}
