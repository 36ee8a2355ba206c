import { Redis } from 'ioredis';
import { keepAliveText } from './httpText.js';
import type { CacheSourceConfig } from '../base/stackFile/cache.js';
import type { Disposable } from '../base/disposable.js';
import { readPath } from '../base/jsonPath.js';
import { parsePrometheusText, seriesNames, sumSeries } from './prometheusText.js';

/** Reads a cache's cumulative hit and miss counters; throws with a message an operator can act on. */
export interface CounterSource extends Disposable {
  kind: 'redis' | 'prometheus' | 'json';
  address: string;
  read(): Promise<{ hits: number; misses: number }>;
}

const fetchTimeoutMs = 5_000;

export function createCounterSource(config: CacheSourceConfig): CounterSource {
  if ('redis' in config) return redisSource(config.redis);
  if ('prometheus' in config) return prometheusSource(config.prometheus, config.hits, config.misses, config.labels);
  return jsonSource(config.json, config.hits, config.misses);
}

/** keyspace_hits / keyspace_misses from `INFO stats`. */
function redisSource(address: string): CounterSource {
  const url = /^rediss?:\/\//.test(address) ? address : undefined;
  const options = {
    lazyConnect: true,
    // Fail a read fast while Redis is down instead of queueing it; the next poll tries again.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: fetchTimeoutMs,
    // No background reconnect loop: each poll connects again if it has to, and reports why it could not.
    retryStrategy: () => null,
  };
  const client = url ? new Redis(url, options) : new Redis({ ...options, path: address });
  // Socket errors (ECONNREFUSED…) arrive as events; read() reports the latest one, which says more than "Connection is closed".
  let lastError: Error | undefined;
  client.on('error', (err: Error) => (lastError = err));
  return {
    kind: 'redis',
    address,
    async read() {
      try {
        if (client.status === 'wait' || client.status === 'end') await client.connect();
        else if (client.status !== 'ready') throw new Error(`connection is ${client.status}`);
        const info = await client.info('stats');
        const hits = /keyspace_hits:(\d+)/.exec(info)?.[1];
        const misses = /keyspace_misses:(\d+)/.exec(info)?.[1];
        if (hits === undefined || misses === undefined) throw new Error('INFO stats has no keyspace_hits/keyspace_misses');
        lastError = undefined;
        return { hits: Number(hits), misses: Number(misses) };
      } catch (err) {
        const cause = lastError ?? (err as Error);
        lastError = undefined;
        throw new Error(`redis at ${address}: ${cause.message}`, { cause: err });
      }
    },
    dispose() {
      client.disconnect();
    },
  };
}

function prometheusSource(url: string, hitsMetric: string, missesMetric: string, labels: Record<string, string>): CounterSource {
  const http = keepAliveText(fetchTimeoutMs);
  // Only the two counters' lines are parsed: the rest of the page is skipped by name, unread.
  const wanted = seriesNames(hitsMetric, missesMetric);
  return {
    kind: 'prometheus',
    address: url,
    async read() {
      const text = await http.get(url);
      const { samples, problems } = parsePrometheusText(text, wanted);
      const hits = sumSeries(samples, hitsMetric, labels);
      const misses = sumSeries(samples, missesMetric, labels);
      const filter = Object.keys(labels).length ? ` with ${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',')}` : '';
      if (hits === undefined && misses === undefined) {
        throw new Error(`${url} has no ${hitsMetric} or ${missesMetric}${filter}${problems.length ? ` (${problems[0]})` : ''}`);
      }
      // A counter with no series yet (no misses so far) is zero, as Prometheus clients leave it out until first use.
      return { hits: hits ?? 0, misses: misses ?? 0 };
    },
    dispose: () => http.dispose(),
  };
}

function jsonSource(url: string, hitsPath: string, missesPath: string): CounterSource {
  const http = keepAliveText(fetchTimeoutMs);
  return {
    kind: 'json',
    address: url,
    async read() {
      let doc: unknown;
      try {
        doc = JSON.parse(await http.get(url));
      } catch (err) {
        throw new Error(err instanceof SyntaxError ? `${url} did not answer JSON` : (err as Error).message, { cause: err });
      }
      const hits = Number(readPath(doc, hitsPath));
      const misses = Number(readPath(doc, missesPath));
      if (!Number.isFinite(hits)) throw new Error(`${url}: ${hitsPath} is not a number`);
      if (!Number.isFinite(misses)) throw new Error(`${url}: ${missesPath} is not a number`);
      return { hits, misses };
    },
    dispose: () => http.dispose(),
  };
}
