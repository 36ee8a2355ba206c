import { describe, expect, it } from 'vitest';
import { stackEventOf } from '../../../electron/docker/dockerStackEvents.js';

describe("a container's engine event in an operator's words", () => {
  it('calls an unasked exit 137 a kill (out of memory or SIGKILL), an error', () => {
    expect(stackEventOf({ id: 'x', action: 'die', exitCode: 137, at: 5 }, 'pg', undefined, undefined)).toMatchObject({
      at: 5,
      source: 'container:pg',
      kind: 'container.die',
      severity: 'error',
      summary: 'pg exited with code 137 (killed: out of memory or SIGKILL)',
    });
  });

  it('a clean exit is news, not a problem', () => {
    expect(stackEventOf({ id: 'x', action: 'die', exitCode: 0 }, 'job', undefined, undefined)).toMatchObject({ severity: 'info', summary: 'job exited with code 0' });
  });

  it('an OOM kill is critical; unhealthy is an error with the check output; healthy is info', () => {
    expect(stackEventOf({ id: 'x', action: 'oom' }, 'api', undefined, undefined)).toMatchObject({ kind: 'container.oom', severity: 'critical' });
    const container = { healthOutput: 'curl: (7) Failed to connect\n' } as never;
    expect(stackEventOf({ id: 'x', action: 'health_status', health: 'unhealthy' }, 'api', container, undefined)).toMatchObject({
      kind: 'container.health',
      severity: 'error',
      summary: 'api is unhealthy: curl: (7) Failed to connect',
      details: { status: 'unhealthy' },
    });
    expect(stackEventOf({ id: 'x', action: 'health_status', health: 'healthy' }, 'api', undefined, undefined)).toMatchObject({ severity: 'info' });
  });

  it('leaves out what the timeline does not need', () => {
    expect(stackEventOf({ id: 'x', action: 'pause' }, 'api', undefined, undefined)).toBeUndefined();
    expect(stackEventOf({ id: 'x', action: 'kill' }, 'api', undefined, undefined)).toBeUndefined();
  });
});
