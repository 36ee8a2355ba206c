import net from 'node:net';
import type { TcpProbeConfig } from '../base/stackFile/probes.js';
import { elapsedMs, type ProbeResult } from './probeResult.js';

/** Passes when a TCP connection opens; the socket is closed right away. Never throws. */
export function runTcpProbe(config: TcpProbeConfig): Promise<ProbeResult> {
  const split = config.tcp.lastIndexOf(':');
  const host = config.tcp.slice(0, split);
  const port = Number(config.tcp.slice(split + 1));
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (result: ProbeResult) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ outcome: 'timeout', latencyMs: config.timeout, error: `no connection to ${config.tcp} within ${config.timeout} ms` }),
      config.timeout,
    );
    socket.once('connect', () => finish({ outcome: 'ok', latencyMs: elapsedMs(started) }));
    socket.once('error', (err: NodeJS.ErrnoException) =>
      finish({ outcome: 'error', latencyMs: elapsedMs(started), error: `connect ${config.tcp}: ${err.code ?? err.message}` }),
    );
  });
}
