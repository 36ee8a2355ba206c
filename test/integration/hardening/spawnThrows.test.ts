import { afterEach, describe, expect, it } from 'vitest';
import { McpSupervisor } from '../../../electron/mcp/supervisor.js';
import { runSelfcheck } from '../../../electron/mcp/selfcheck.js';
import { SecretMasker } from '../../../electron/base/secrets/secretMasker.js';
import { spawnInGroup } from '../../../electron/mcp/processGroup.js';
import { runCommandProbe } from '../../../electron/probes/commandProbe.js';
import { probeSchema, type CommandProbeConfig } from '../../../electron/base/stackFile/probes.js';
import { collectingLogs, fastStop, killLeftovers, repoRoot, serverConfig, waitForState } from '../../support/mcp/servers.js';

/**
 * Belt and braces behind the schema: when spawn throws synchronously (a NUL
 * byte, a bad cwd type), the spawn paths turn it into a failed state or result
 * with a readable reason instead of an exception that escapes a voided promise.
 */
describe('spawn that throws', { timeout: 60_000 }, () => {
  let supervisor: McpSupervisor | undefined;
  afterEach(async () => {
    await supervisor?.dispose();
    killLeftovers();
  });

  it('spawnInGroup hands back a child that reports the error instead of throwing', async () => {
    const child = spawnInGroup({ command: process.execPath, args: ['-e', 'a\0b'], env: process.env, cwd: repoRoot });
    const error = new Promise<Error>((resolve) => child.once('error', resolve));
    const closed = new Promise((resolve) => child.once('close', resolve));
    expect(child.pid).toBeUndefined();
    expect((await error).message).toMatch(/null bytes/);
    await closed;
  });

  it('an MCP server with a NUL in an argument or env value ends exited, with the reason', async () => {
    const logs = collectingLogs();
    supervisor = new McpSupervisor({ logs, baseDir: repoRoot, stopTimings: fastStop });
    const base = serverConfig({ command: 'node', restart: 'no' });
    await supervisor.setServers({
      arg: { ...base, args: ['-e', 'a\0b'] },
      env: { ...base, args: ['-e', '0'], env: { ...base.env, TOKEN: 'a\0b' } },
    });
    for (const name of ['arg', 'env']) {
      const state = await waitForState(supervisor, name, (s) => s.status === 'exited');
      expect(state.reason).toMatch(/^could not start node: .*null bytes/);
    }
  });

  it('a selfcheck with a NUL in its arguments reports a failed run', async () => {
    const config = { ...serverConfig({ command: 'node', args: ['-e', '0'] }), selfcheck: ['a\0b'] };
    const result = await runSelfcheck('x', config, repoRoot, 5000, new SecretMasker());
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/could not start node: .*null bytes/);
  });

  it('a command probe with a NUL in its command is an error result', async () => {
    const config = { ...(probeSchema.parse({ command: ['true'] }) as CommandProbeConfig), command: ['true', 'a\0b'] };
    const result = await runCommandProbe(config, repoRoot);
    expect(result.outcome).toBe('error');
    expect(result.error).toMatch(/^true: .*null bytes/);
  });
});
