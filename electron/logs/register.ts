import type { LogHubStats } from '../../shared/contract/logs.js';
import type { AppContext } from '../core/appContext.js';
import { toDisposable } from '../base/disposable.js';
import type { LogHub } from './logHub.js';
import { pumpLines } from './linePump.js';
import { startTestFirehose, testFirehoseEnv } from './testFirehose.js';

// The stats topic is a gauge: once a second is plenty for counters on screen.
const statsIntervalMs = 1_000;

export interface LogsOptions {
  /** The app's environment, read once: SWITCHBOARD_TEST_LOGS starts the test firehose. */
  env: NodeJS.ProcessEnv;
}

/**
 * Wires the hub to the contract: the `logs` stream (the last `tail` matching
 * lines, then every new matching line), the `logStats` gauge, and commands to
 * list sources and scroll back past what a viewer holds.
 */
export function registerLogs(ctx: AppContext, hub: LogHub, options: LogsOptions): void {
  ctx.topics.provide('logs', (params, sink) => {
    const from = hub.lastSeq;
    sink.snapshot({ lines: hub.queryBatch(params, params.tail).batch, sources: hub.sources(), dropped: hub.droppedTotal });
    // Paced from the hub's buffers, so a burst never overflows the session's bounded queue.
    return pumpLines(hub, params, from, (batch) => sink.append(batch), sink.room ? { room: () => sink.room!() } : {});
  });

  ctx.topics.provide('logStats', (_params, sink) => {
    let last: LogHubStats = hub.stats();
    sink.snapshot(last);
    const timer = setInterval(() => {
      // Only the counters are read while nothing was written: no per-source list built and sorted every second.
      if (hub.lastSeq === last.lastSeq && hub.droppedTotal === last.dropped) return;
      last = hub.stats();
      sink.state(last);
    }, statsIntervalMs);
    return toDisposable(() => clearInterval(timer));
  });

  ctx.commands.handle('logs.sources', () => hub.sources());
  ctx.commands.handle('logs.range', (p) => hub.query(p, p.count, p.before));

  const firehose = options.env[testFirehoseEnv];
  if (firehose) ctx.disposables.add(startTestFirehose(hub, firehose));
}
