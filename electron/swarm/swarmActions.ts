import { SwitchboardError } from '../../shared/errors.js';
import type { RawService, SwarmApi } from './swarmApi.js';

/** A service by its name or id; not_found in the operator's words otherwise. */
export async function findService(api: SwarmApi, engine: string, nameOrId: string): Promise<RawService> {
  const services = await api.listServices();
  const found = services.find((s) => s.Spec?.Name === nameOrId) ?? services.find((s) => s.ID === nameOrId || s.ID.startsWith(nameOrId));
  if (!found) throw new SwitchboardError('not_found', `no Swarm service "${nameOrId}" on engine ${engine}`);
  return found;
}

/** Posts a changed spec at the version read, so a concurrent change is refused by the engine rather than lost. */
async function update(api: SwarmApi, service: RawService, change: (spec: NonNullable<RawService['Spec']>) => void, query: Record<string, unknown> = {}): Promise<void> {
  const current = await api.getService(service.ID).inspect();
  const spec = structuredClone(current.Spec ?? {});
  change(spec);
  try {
    await api.getService(service.ID).update({ _query: { version: current.Version?.Index, ...query }, _body: spec });
  } catch (err) {
    throw engineWords(err, `update of service ${spec.Name}`);
  }
}

export async function scaleService(api: SwarmApi, service: RawService, replicas: number): Promise<string> {
  if (service.Spec?.Mode?.Global !== undefined) throw new SwitchboardError('invalid_params', `service ${service.Spec.Name} is global (one task per node): it cannot be scaled`);
  await update(api, service, (spec) => (spec.Mode = { Replicated: { Replicas: replicas } }));
  return `scaled to ${replicas}`;
}

/** `docker service update --force`: every task is replaced, in the service's update order and parallelism. */
export async function restartService(api: SwarmApi, service: RawService): Promise<string> {
  await update(api, service, (spec) => {
    spec.TaskTemplate = { ...spec.TaskTemplate, ForceUpdate: (spec.TaskTemplate?.ForceUpdate ?? 0) + 1 };
  });
  return 'rolling restart started';
}

export async function rollbackService(api: SwarmApi, service: RawService): Promise<string> {
  await update(api, service, () => undefined, { rollback: 'previous' });
  return 'rollback started';
}

export async function removeService(api: SwarmApi, service: RawService): Promise<string> {
  try {
    await api.getService(service.ID).remove();
  } catch (err) {
    throw engineWords(err, `removal of service ${service.Spec?.Name}`);
  }
  return 'removed';
}

/** The engine's own message (e.g. "rpc error: … update out of sequence"), without dockerode's HTTP prefix. */
function engineWords(err: unknown, what: string): SwitchboardError {
  const e = err as { statusCode?: number; json?: { message?: string }; message?: string };
  const message = e.json?.message ?? String(e.message ?? err).replace(/^\(HTTP code \d+\)\s*[\w ]*-\s*/, '');
  return new SwitchboardError(e.statusCode === 409 ? 'conflict' : e.statusCode === 404 ? 'not_found' : 'internal', `${what} failed: ${message}`);
}
