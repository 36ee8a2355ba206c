import { Session } from 'node:inspector/promises';
import type { CpuProfile } from './profileOwners.js';

/** V8's sampler on this process for `ms`: for a bench whose subject runs in its own process (probes.bench.ts). */
export async function profileThisProcess(ms: number): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    await new Promise((r) => setTimeout(r, ms));
    return (await session.post('Profiler.stop')).profile as CpuProfile;
  } finally {
    session.disconnect();
  }
}
