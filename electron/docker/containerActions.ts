import type Docker from 'dockerode';
import type { ContainerAction } from '../../shared/contract/containers.js';
import { toEngineError, withTimeout } from './engineErrors.js';

/** Seconds Docker waits after SIGTERM before SIGKILL on stop and restart (Docker's own default). */
const stopGraceSeconds = 10;

/** What the operator sees while an action runs. */
export const pendingWords: Record<ContainerAction, string> = {
  start: 'starting',
  stop: 'stopping',
  restart: 'restarting',
  kill: 'killing',
  pause: 'pausing',
  unpause: 'unpausing',
  remove: 'removing',
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
  const c = docker.getContainer(id);
  const what = `${action} of container ${name}`;
  const limitMs = action === 'stop' || action === 'restart' ? (stopGraceSeconds + 20) * 1000 : 20_000;
  const call = (): Promise<unknown> => {
    switch (action) {
      case 'start':
        return c.start();
      case 'stop':
        return c.stop({ t: stopGraceSeconds });
      case 'restart':
        return c.restart({ t: stopGraceSeconds });
      case 'kill':
        return c.kill();
      case 'pause':
        return c.pause();
      case 'unpause':
        return c.unpause();
      case 'remove':
        return c.remove({ force: opts.force ?? false, v: false });
    }
  };
  try {
    await withTimeout(call(), limitMs, what);
    return 'done';
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 304 && alreadyDone[action]) return alreadyDone[action]!;
    throw toEngineError(what, err, address);
  }
}
