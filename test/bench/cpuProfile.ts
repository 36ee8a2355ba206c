import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A CPU profiler loaded into the server with `--import` (Node 20 refuses
 * --cpu-prof in NODE_OPTIONS): the first signal (SIGUSR2 unless told) starts V8's sampler, the
 * second writes the profile of just that window to a .cpuprofile file and
 * names it on stderr, so start-up never blurs what a measured window costs.
 */
const profilerSource = (dir: string, signal: NodeJS.Signals) => `
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
const session = new Session();
session.connect();
let running = false;
process.on('${signal}', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
    return;
  }
  running = false;
  session.post('Profiler.stop', (err, result) => {
    const file = ${JSON.stringify(dir)} + '/server-' + Date.now() + '.cpuprofile';
    if (!err) writeFileSync(file, JSON.stringify(result.profile));
    process.stderr.write('CPU-PROFILE ' + (err ? 'failed: ' + err.message : file) + '\\n');
  });
});
`;

/**
 * NODE_OPTIONS that load the profiler into a server writing into `dir`. `signal` is for a
 * server that already answers SIGUSR2 to something else (the idle bench's wake-up counter).
 */
export function cpuProfilerOptions(dir: string, signal: NodeJS.Signals = 'SIGUSR2'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'switchboard-cpuprof-')), 'profiler.mjs');
  writeFileSync(file, profilerSource(dir, signal));
  return `--import=${file}`;
}

/** Starts (first call) or stops and writes (second call) the profile of the server at `pid`. */
export function toggleCpuProfile(pid: number, signal: NodeJS.Signals = 'SIGUSR2'): void {
  process.kill(pid, signal);
}

/** The profiler's own frames: its stop runs inside the profiled process, so a summary leaves them out. */
export const profilerFrame = (frame: { url: string }): boolean => frame.url.includes('/switchboard-cpuprof-');
