import type { ServerMessage } from '../../shared/protocol.js';
import { batchSize, type LogBatch } from '../../shared/contract/logs.js';
import { LogHub } from '../../electron/logs/logHub.js';
import { registerLogs } from '../../electron/logs/register.js';
import { startTestFirehose } from '../../electron/logs/testFirehose.js';
import { Session } from '../../electron/transport/session.js';
import { fakeAppContext } from '../support/appContext.js';
import { cpuMs } from './report.js';

export interface WireIngest {
  linesPerS: number;
  received: number;
  cpuMs: number;
  wireBytes: number;
}

/**
 * The main process's half of "hub → viewer", in process: the test firehose
 * writes a burst into a real hub, the `logs` topic pumps it into a real
 * session with the app's defaults, and every message is turned into wire
 * text as the browser-mode server does (JSON.stringify). No browser: what
 * this measures is the main process alone.
 */
export async function wireIngest(burst: number, sources: number): Promise<WireIngest> {
  const hub = new LogHub();
  const ctx = fakeAppContext({}, { logs: hub });
  registerLogs(ctx, hub, { env: {} });
  let received = 0;
  let wireBytes = 0;
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const session = new Session(
    {
      send: (message: ServerMessage) => {
        wireBytes += JSON.stringify(message).length;
        // The logs topic sends batches of lines as columns: count the lines they carry.
        if (message.t === 'append') for (const batch of message.items as LogBatch[]) received += batchSize(batch);
        if (received >= burst) done();
      },
      backlog: () => 0,
    },
    ctx.commands,
    ctx.topics,
  );
  session.receive({ t: 'sub', id: 1, topic: 'logs', params: { sources: ['test:*'] } });
  await new Promise((r) => setTimeout(r, 100));
  const cpu0 = cpuMs();
  const started = performance.now();
  const firehose = startTestFirehose(hub, `burst=${burst},sources=${sources},delay=0`);
  let giveUp: NodeJS.Timeout | undefined;
  await Promise.race([finished, new Promise((r) => (giveUp = setTimeout(r, 60_000)))]);
  clearTimeout(giveUp);
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuMs() - cpu0;
  firehose.dispose();
  session.dispose();
  ctx.disposables.dispose();
  hub.dispose();
  return { linesPerS: received / seconds, received, cpuMs: cpu, wireBytes };
}
