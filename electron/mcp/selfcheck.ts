import type { McpServerConfig } from '../base/stackFile/mcp.js';
import type { SelfcheckResult } from '../../shared/contract/mcp.js';
import { SwitchboardError } from '../../shared/errors.js';
import { planLaunch } from './launchPlan.js';
import { reapGroup, signalGroup, spawnInGroup } from './processGroup.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';

const maxOutputChars = 64 * 1024;

/**
 * Runs the wrapper with its selfcheck args in a separate process (its own
 * group, stdin closed) and reports exit code, duration and output, masked by
 * the server's masker. The running server is not touched.
 */
export async function runSelfcheck(name: string, config: McpServerConfig, baseDir: string, timeoutMs: number, masker: SecretMasker): Promise<SelfcheckResult> {
  if (!config.selfcheck?.length) {
    throw new SwitchboardError('not_found', `${name} has no selfcheck: add selfcheck: ["--selfcheck"] to its entry in the stack file`);
  }
  const commandLine = masker.maskArgs([config.command, ...config.args, ...config.selfcheck]).join(' ');
  const started = performance.now();
  const plan = await planLaunch(config, baseDir, config.selfcheck);
  if (!plan.ok) {
    return { server: name, commandLine, exitCode: null, signal: null, durationMs: performance.now() - started, output: masker.mask(plan.reason), timedOut: false, ok: false };
  }
  const child = spawnInGroup(plan.launch);
  child.stdin?.end();
  let output = '';
  const collect = (chunk: Buffer) => {
    if (output.length < maxOutputChars) output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
  }, timeoutMs);
  const exit = await new Promise<{ code: number | null; signal: string | null; error?: Error }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      if (child.pid === undefined) resolve({ code: null, signal: null, error });
    });
  });
  clearTimeout(timer);
  // a selfcheck that backgrounds something must not leave it running
  if (child.pid !== undefined) await reapGroup(child.pid, 500);
  if (exit.error) output += `could not start ${config.command}: ${exit.error.message}`;
  if (timedOut) output += `\n(stopped after ${Math.round(timeoutMs / 1000)} s without exiting)`;
  if (output.length > maxOutputChars) output = `${output.slice(0, maxOutputChars)}\n… (output cut at 64 KB)`;
  return {
    server: name,
    commandLine,
    exitCode: exit.code,
    signal: exit.signal,
    durationMs: performance.now() - started,
    output: masker.mask(output),
    timedOut,
    ok: exit.code === 0 && !timedOut,
  };
}
