import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../e2e/harness.js';
import { waitFor } from '../support/waitFor.js';
import { profilerFrame, toggleCpuProfile } from './cpuProfile.js';
import { rendererOwners, selfTimeBy, serverOwners, type CpuProfile } from './profileOwners.js';
import type { Figure } from './report.js';

/** The server's profiler answers this signal: the idle bench's wake-up counter has SIGUSR2. */
export const idleProfileSignal: NodeJS.Signals = 'SIGURG';

export interface IdleProfiles {
  seconds: number;
  /** Self time by owner, ms a second, of each page's main thread and of the server. */
  overview: Map<string, number>;
  replay: Map<string, number>;
  server: Map<string, number>;
}

async function startPageProfile(page: Page): Promise<() => Promise<CpuProfile>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await cdp.detach();
    return profile;
  };
}

/**
 * Where the idle Overview's time goes, for the note and the next engineer: one window with V8's
 * sampler on in the Overview's page, the same-screen replay's page and the server at once, each
 * summed by whose code ran (profileOwners.ts). Taken after the measured phases, because a
 * profiler costs CPU of its own; so read the shares, not the sums, against the figures above.
 */
export async function profileIdle(overview: Page, replay: Page, server: { pid: number; output: () => string }, ms: number): Promise<IdleProfiles> {
  const stopOverview = await startPageProfile(overview);
  const stopReplay = await startPageProfile(replay);
  toggleCpuProfile(server.pid, idleProfileSignal);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const [overviewProfile, replayProfile] = await Promise.all([stopOverview(), stopReplay()]);
  const from = server.output().length;
  toggleCpuProfile(server.pid, idleProfileSignal);
  const written = await waitFor('the server to write its CPU profile', () => /CPU-PROFILE (.*)\n/.exec(server.output().slice(from))?.[1], 10_000);
  if (written.startsWith('failed')) throw new Error(`the server did not write its CPU profile: ${written}`);
  const file = written;
  const pageOwners = rendererOwners(join(repoRoot, 'dist/renderer/assets'));
  return {
    seconds: (performance.now() - t0) / 1000,
    overview: selfTimeBy(overviewProfile, pageOwners),
    replay: selfTimeBy(replayProfile, pageOwners),
    server: selfTimeBy(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, serverOwners(join(repoRoot, 'dist/server/serve.mjs')), profilerFrame),
  };
}

const outsideJs = 'native work outside JavaScript';
const sum = (m: Map<string, number>, pick: (owner: string) => boolean = () => true) => [...m].filter(([k]) => pick(k)).reduce((s, [, v]) => s + v, 0);
const ranked = (m: Map<string, number>, top: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);

/** The profiles as bench figures: the Overview beside the replay by owner, then the server's heaviest owners. */
export function profileFigures(p: IdleProfiles): Figure[] {
  const js = (owner: string) => owner !== outsideJs;
  const figures: Figure[] = [
    { label: 'Overview main thread: all JavaScript, GC and built-ins', value: sum(p.overview, js), unit: `ms/s · replay ${sum(p.replay, js).toFixed(3)} ms/s` },
    { label: `Overview main thread: ${outsideJs} (style, layout, paint, tasks)`, value: p.overview.get(outsideJs) ?? 0, unit: `ms/s · replay ${(p.replay.get(outsideJs) ?? 0).toFixed(3)} ms/s` },
  ];
  for (const [owner, ms] of ranked(p.overview, 12)) {
    if (owner === outsideJs) continue;
    figures.push({ label: `  Overview: ${owner}`, value: ms, unit: `ms/s · replay ${(p.replay.get(owner) ?? 0).toFixed(3)} ms/s` });
  }
  figures.push({ label: 'server: all JavaScript, GC and built-ins', value: sum(p.server, js), unit: `ms/s · ${outsideJs}: ${(p.server.get(outsideJs) ?? 0).toFixed(3)} ms/s` });
  for (const [owner, ms] of ranked(p.server, 14)) {
    if (owner === outsideJs) continue;
    figures.push({ label: `  server: ${owner}`, value: ms, unit: 'ms/s' });
  }
  return figures;
}
