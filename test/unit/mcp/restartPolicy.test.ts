import { describe, expect, it } from 'vitest';
import { mcpServerSchema } from '../../../electron/base/stackFile/mcp.js';
import { RestartPolicy } from '../../../electron/mcp/restartPolicy.js';

const config = (input: Record<string, unknown> = {}) => mcpServerSchema.parse({ command: 'x', ...input });

describe('restart policy', () => {
  it('backs off 1 s, 2 s, 4 s … up to 30 s and gives up after 5 failures in 60 s', () => {
    const policy = new RestartPolicy(config({ crashLoop: { failures: 100 } }));
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const decision = policy.onExit({ now: i * 100_000, failed: true, readyForMs: 0 });
      if (decision.action === 'backoff') delays.push(decision.delayMs);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);

    const strict = new RestartPolicy(config());
    const actions = [0, 1, 2, 3, 4].map((i) => strict.onExit({ now: i * 1000, failed: true, readyForMs: 0 }).action);
    expect(actions).toEqual(['backoff', 'backoff', 'backoff', 'backoff', 'crash-loop']);
  });

  it('forgets failures older than the window', () => {
    const policy = new RestartPolicy(config({ crashLoop: { failures: 3, window: '10s' } }));
    expect(policy.onExit({ now: 0, failed: true, readyForMs: 0 }).action).toBe('backoff');
    expect(policy.onExit({ now: 5_000, failed: true, readyForMs: 0 }).action).toBe('backoff');
    const late = policy.onExit({ now: 20_000, failed: true, readyForMs: 0 });
    expect(late).toMatchObject({ action: 'backoff', failures: 1 });
  });

  it('starts the backoff over after 60 s ready', () => {
    const policy = new RestartPolicy(config({ crashLoop: { failures: 100 } }));
    policy.onExit({ now: 0, failed: true, readyForMs: 0 });
    policy.onExit({ now: 1, failed: true, readyForMs: 0 });
    expect(policy.onExit({ now: 2, failed: true, readyForMs: 5_000 })).toMatchObject({ delayMs: 4000 });
    expect(policy.onExit({ now: 3, failed: true, readyForMs: 60_000 })).toMatchObject({ delayMs: 1000 });
  });

  it('restarts per policy: no never, on-failure only after a failure, always after any exit', () => {
    const no = new RestartPolicy(config({ restart: 'no' }));
    expect(no.onExit({ now: 0, failed: true, readyForMs: 0 }).action).toBe('stay');
    const onFailure = new RestartPolicy(config({ restart: 'on-failure' }));
    expect(onFailure.onExit({ now: 0, failed: false, readyForMs: 10 }).action).toBe('stay');
    expect(onFailure.onExit({ now: 0, failed: true, readyForMs: 10 }).action).toBe('backoff');
    const always = new RestartPolicy(config({ restart: 'always' }));
    expect(always.onExit({ now: 0, failed: false, readyForMs: 10 }).action).toBe('backoff');
  });

  it('a manual reset forgets failures and backoff', () => {
    const policy = new RestartPolicy(config({ crashLoop: { failures: 2 } }));
    policy.onExit({ now: 0, failed: true, readyForMs: 0 });
    expect(policy.onExit({ now: 1, failed: true, readyForMs: 0 }).action).toBe('crash-loop');
    policy.reset();
    expect(policy.onExit({ now: 2, failed: true, readyForMs: 0 })).toEqual({ action: 'backoff', delayMs: 1000, failures: 1 });
  });
});
