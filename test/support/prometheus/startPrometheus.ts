import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../redis/startRedis.js';
import { waitFor } from '../waitFor.js';

export interface TestPrometheus {
  url: string;
  /** An instant PromQL query: one number per series, by its labels. */
  query(promql: string): Promise<Array<{ metric: Record<string, string>; value: number }>>;
  /** What Prometheus says about its scrape targets (health, lastError). */
  targets(): Promise<Array<{ health: string; lastError: string; scrapeUrl: string }>>;
  stop(): Promise<void>;
}

export interface ScrapeTarget {
  /** host:port */
  address: string;
  path: string;
  bearerToken: string;
}

/**
 * A real Prometheus server (Debian package `prometheus`) on a free loopback
 * port, with a temp storage dir it removes on stop, scraping `target` every second.
 */
export async function startPrometheus(target: ScrapeTarget): Promise<TestPrometheus> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-test-prometheus-'));
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(
    configFile,
    JSON.stringify({
      global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
      scrape_configs: [
        {
          job_name: 'switchboard',
          metrics_path: target.path,
          authorization: { type: 'Bearer', credentials: target.bearerToken },
          static_configs: [{ targets: [target.address] }],
        },
      ],
    }),
  );
  const child = spawn(
    'prometheus',
    [`--config.file=${configFile}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnFailed = new Promise<never>((_, reject) =>
    child.once('error', (err) => reject(new Error(`prometheus could not start (is Debian's prometheus package installed?): ${err.message}`))),
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      spawnFailed,
      waitFor(`prometheus ready on ${url}`, async () => {
        if (child.exitCode !== null) throw new Error(`prometheus exited ${child.exitCode}: ${output}`);
        return (await fetch(`${url}/-/ready`)).ok;
      }, 30_000, 200),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }

  const api = async <T>(path: string, params: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(`${url}${path}?${new URLSearchParams(params)}`);
    const answer = (await response.json()) as { status: string; data: T; error?: string };
    if (answer.status !== 'success') throw new Error(`prometheus ${path}: ${answer.error}`);
    return answer.data;
  };
  return {
    url,
    query: async (promql) => {
      const data = await api<{ result: Array<{ metric: Record<string, string>; value: [number, string] }> }>('/api/v1/query', { query: promql });
      return data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
    },
    targets: async () => (await api<{ activeTargets: Array<{ health: string; lastError: string; scrapeUrl: string }> }>('/api/v1/targets')).activeTargets,
    stop,
  };
}
