import type { ProbeConfig } from '../base/stackFile/probes.js';
import type { ProbeKind } from '../../shared/contract/probes.js';
import { runCommandProbe } from './commandProbe.js';
import { runHttpProbe } from './httpProbe.js';
import type { ProbeConnections } from './http/probeConnections.js';
import type { ProbeResult } from './probeResult.js';
import { runTcpProbe } from './tcpProbe.js';

export function probeKind(config: ProbeConfig): ProbeKind {
  if ('url' in config) return 'http';
  if ('tcp' in config) return 'tcp';
  return 'command';
}

/** The target in the operator's words: URL, host:port or command line. */
export function probeTarget(config: ProbeConfig): string {
  if ('url' in config) return config.method === 'GET' ? config.url : `${config.method} ${config.url}`;
  if ('tcp' in config) return config.tcp;
  return config.command.join(' ');
}

export function runProbe(config: ProbeConfig, deps: { connections: ProbeConnections; baseDir: string }): Promise<ProbeResult> {
  if ('url' in config) return runHttpProbe(config, deps.connections);
  if ('tcp' in config) return runTcpProbe(config);
  return runCommandProbe(config, deps.baseDir);
}
