import { afterEach, describe, expect, it } from 'vitest';
import { McpSupervisor } from '../../../electron/mcp/supervisor.js';
import type { McpServerState } from '../../../shared/contract/mcp.js';
import { FakeClock } from '../../support/mcp/fakeClock.js';
import { collectingLogs, fastStop, killLeftovers, repoRoot, waitForState, wrapper } from '../../support/mcp/servers.js';

describe('restart policy with a real failing wrapper and a fake clock', { timeout: 120_000 }, () => {
  let supervisor: McpSupervisor;
  afterEach(async () => {
    await supervisor?.disposeAsync();
    killLeftovers();
  });

  /** Waits for the next backoff (the wrapper really runs and exits each time), then returns it. */
  async function nextBackoff(after: number): Promise<McpServerState> {
    return waitForState(supervisor, 'postgres', (s) => (s.status === 'backoff' || s.status === 'crash-loop') && s.since > after);
  }

  it('restarts a crashing wrapper after 1 s, 2 s, 4 s, 8 s and gives up after 5 failures in 60 s', async () => {
    const clock = new FakeClock();
    supervisor = new McpSupervisor({ logs: collectingLogs(), baseDir: repoRoot, clock, stopTimings: fastStop });
    await supervisor.setServers({ postgres: wrapper('exit-at-once.sh') });

    let state = await nextBackoff(0);
    const delays: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      expect(state.status).toBe('backoff');
      const delay = state.nextAttemptAt! - clock.now();
      delays.push(delay);
      clock.advance(delay - 1);
      expect(supervisor.get('postgres').status).toBe('backoff'); // not a millisecond early
      clock.advance(1);
      expect(supervisor.get('postgres').status).toBe('starting');
      const before = clock.now();
      clock.advance(1); // the failed start is stamped later than the attempt
      state = await nextBackoff(before);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect(state.status).toBe('crash-loop');
    expect(state.failures).toBe(5);
    expect(state.reason).toMatch(/^gave up after 5 failures in 60 s: exited before initialize \(code 1\)/);

    // crash-loop stays put until a person acts
    clock.advance(10 * 60_000);
    expect(supervisor.get('postgres').status).toBe('crash-loop');
    expect(clock.pendingTimers()).toBe(0);
  });

  it('Restart works from crash-loop and starts the backoff over', async () => {
    const clock = new FakeClock();
    supervisor = new McpSupervisor({ logs: collectingLogs(), baseDir: repoRoot, clock, stopTimings: fastStop });
    await supervisor.setServers({ postgres: wrapper('exit-at-once.sh', { crashLoop: { failures: 2 } }) });
    let state = await nextBackoff(0);
    clock.advance(state.nextAttemptAt! - clock.now());
    clock.advance(1);
    state = await nextBackoff(state.since);
    expect(state.status).toBe('crash-loop');

    clock.advance(1);
    const restarted = await supervisor.restart('postgres');
    expect(restarted.status).toBe('backoff');
    expect(restarted.failures).toBe(1);
    expect(restarted.nextAttemptAt! - clock.now()).toBe(1000);
  });

  it('Stop cancels a pending backoff and Start tries again at once', async () => {
    const clock = new FakeClock();
    supervisor = new McpSupervisor({ logs: collectingLogs(), baseDir: repoRoot, clock, stopTimings: fastStop });
    await supervisor.setServers({ postgres: wrapper('exit-at-once.sh') });
    await nextBackoff(0);
    expect((await supervisor.stop('postgres')).status).toBe('stopped');
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(60_000);
    expect(supervisor.get('postgres').status).toBe('stopped');
    const started = await supervisor.start('postgres');
    expect(started).toMatchObject({ status: 'backoff', failures: 1 });
  });

  it('restart: no leaves a failed server exited; autostart: false leaves it stopped', async () => {
    supervisor = new McpSupervisor({ logs: collectingLogs(), baseDir: repoRoot, stopTimings: fastStop });
    await supervisor.setServers({
      once: wrapper('exit-at-once.sh', { restart: 'no' }),
      manual: wrapper('exit-at-once.sh', { autostart: false }),
    });
    expect((await waitForState(supervisor, 'once', (s) => s.status === 'exited')).exitCode).toBe(1);
    expect(supervisor.get('manual')).toMatchObject({ status: 'stopped', reason: 'autostart is off — press Start' });
  });
});
