import type { LogWriter } from '../core/logWriter.js';

/** The source of Switchboard's own lines in the hub. */
export const switchboardSource = 'switchboard';

function seconds(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

/**
 * Runs an operator's action and leaves its story in the logs:
 * "restart of sutazai-redis requested", then "… done in 1.2 s" or
 * "… failed after 0.3 s: <reason>". The action's result or error passes through.
 */
export async function auditAction<T>(logs: LogWriter, what: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  logs.write({ source: switchboardSource, stream: 'system', level: 'info', text: `${what} requested` });
  try {
    const result = await run();
    logs.write({ source: switchboardSource, stream: 'system', level: 'info', text: `${what} done in ${seconds(performance.now() - started)}` });
    return result;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    logs.write({
      source: switchboardSource,
      stream: 'system',
      level: 'error',
      text: `${what} failed after ${seconds(performance.now() - started)}: ${reason}`,
    });
    throw err;
  }
}
