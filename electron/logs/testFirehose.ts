import type { Disposable } from '../base/disposable.js';
import { toDisposable } from '../base/disposable.js';
import type { LogWriter } from '../core/logWriter.js';
import { sourceId } from '../../shared/sourceId.js';

/**
 * A synthetic log source for e2e tests and benchmarks, switched on only by
 * SWITCHBOARD_TEST_LOGS="burst=1000000,rate=10000,sources=2,delay=5000". After
 * `delay` ms it writes `burst` lines as fast as it can, then `rate` lines a
 * second, spread over `sources` sources named "test:firehose-N" so nobody
 * takes them for real output.
 */
export const testFirehoseEnv = 'SWITCHBOARD_TEST_LOGS';

export interface FirehoseSpec {
  burst: number;
  rate: number;
  sources: number;
  delay: number;
}

export function parseFirehoseSpec(spec: string): FirehoseSpec {
  const out: FirehoseSpec = { burst: 0, rate: 0, sources: 1, delay: 0 };
  for (const part of spec.split(',')) {
    const [key, value] = part.split('=');
    const n = Number(value);
    if ((key === 'burst' || key === 'rate' || key === 'sources' || key === 'delay') && Number.isFinite(n) && n >= 0) out[key] = Math.floor(n);
  }
  out.sources = Math.max(1, out.sources);
  return out;
}

const levels = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'] as const;
const colours = ['\u001b[32m', '\u001b[36m', '\u001b[33m', '\u001b[31m'] as const;
const tickMs = 50;
const burstChunk = 20_000;

export function startTestFirehose(logs: LogWriter, specText: string): Disposable {
  const spec = parseFirehoseSpec(specText);
  let n = 0;
  let stopped = false;
  // Named once, as a real source's name is: a fresh string per line cost the hub a hash per line.
  const sources = Array.from({ length: spec.sources }, (_, i) => sourceId.test(`firehose-${i + 1}`));
  const writeOne = () => {
    n++;
    const source = sources[n % spec.sources]!;
    const level = levels[n % levels.length];
    const colour = colours[n % colours.length];
    logs.write({ source, stream: n % 7 === 0 ? 'stderr' : 'stdout', text: `${level} ${colour}line ${n}\u001b[0m request id=${(n * 2654435761) % 4294967296} took ${n % 97} ms` });
  };
  // The burst goes in chunks so the event loop keeps serving clients meanwhile.
  let left = spec.burst;
  const burstStep = () => {
    if (stopped || left <= 0) return;
    const take = Math.min(left, burstChunk);
    for (let i = 0; i < take; i++) writeOne();
    left -= take;
    if (left > 0) setImmediate(burstStep);
  };
  let timer: NodeJS.Timeout | undefined;
  const begin = setTimeout(() => {
    burstStep();
    if (spec.rate > 0) startRate();
  }, spec.delay);
  const startRate = () => {
    let carry = 0;
    timer = setInterval(() => {
      if (left > 0) return;
      carry += (spec.rate * tickMs) / 1000;
      const take = Math.floor(carry);
      carry -= take;
      for (let i = 0; i < take; i++) writeOne();
    }, tickMs);
  };
  return toDisposable(() => {
    stopped = true;
    clearTimeout(begin);
    if (timer) clearInterval(timer);
  });
}
