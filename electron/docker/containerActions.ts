import type Docker from 'dockerode';
import type { ContainerAction } from '../../shared/contract/containers.js';
import { callTimeoutMs, toEngineError, withTimeout } from './engineErrors.js';

/** Seconds Docker waits after SIGTERM before SIGKILL on stop and restart (Docker's own default). */
const stopGraceSeconds = 10;

/** The engine call behind each action of the contract (the compiler holds this to the contract's list). */
const engineCalls: { [A in ContainerAction]: (c: Docker.Container, opts: { force?: boolean }) => Promise<unknown> } = {
  start: (c) => c.start(),
  stop: (c) => c.stop({ t: stopGraceSeconds }),
  restart: (c) => c.restart({ t: stopGraceSeconds }),
  kill: (c) => c.kill(),
  pause: (c) => c.pause(),
  unpause: (c) => c.unpause(),
  remove: (c, opts) => c.remove({ force: opts.force ?? false, v: false }),
};

/** 304 means the container already was where the action would take it: that is success. */
const alreadyDone: Partial<Record<ContainerAction, string>> = {
  start: 'was already running',
  stop: 'was already stopped',
};

/**
 * Runs one engine action on one container. Engine errors come back as
 * SwitchboardErrors with readable messages (404 not_found, 409 conflict,
 * timeout); the caller shows them and logs them.
 */
export async function runContainerAction(
  docker: Docker,
  address: string,
  id: string,
  name: string,
  action: ContainerAction,
  opts: { force?: boolean } = {},
): Promise<string> {
  const what = `${action} of container ${name}`;
  const limitMs = action === 'stop' || action === 'restart' ? stopGraceSeconds * 1000 + callTimeoutMs : callTimeoutMs;
  try {
    await withTimeout(engineCalls[action](docker.getContainer(id), opts), limitMs, what);
    return 'done';
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 304 && alreadyDone[action]) return alreadyDone[action]!;
    throw toEngineError(what, err, address);
  }
}
