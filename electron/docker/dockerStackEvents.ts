import type { ContainerSummary } from '../../shared/contract/containers.js';
import { sourceId } from '../../shared/sourceId.js';
import type { EventSeverity, SignalInput, StackEventInput } from '../../shared/stackEvents.js';
import { DisposableStore, toDisposable, type Disposable } from '../base/disposable.js';
import type { EventWriter, SignalWriter } from '../core/stackBus.js';
import type { DockerEngine, ContainerEvent } from './dockerEngine.js';
import type { DockerService } from './dockerService.js';

/** A die within this long of a kill (docker stop, docker kill) was asked for: a warning, not an error. */
const askedForWithinMs = 30_000;

/**
 * What the engines say, told to the rest of the app: container lifecycle and
 * engine reachability as stack events, container stats and state as signals.
 * Only containers of the stack count; a container's name is its source.
 */
export function publishDockerStackEvents(service: DockerService, events: EventWriter, signals: SignalWriter): Disposable {
  const store = new DisposableStore();
  let perEngine = new DisposableStore();
  const follow = () => {
    perEngine.dispose();
    perEngine = new DisposableStore();
    for (const engine of service.engines()) perEngine.add(followEngine(engine, events, signals));
  };
  follow();
  store.add(service.reset.on(follow));
  store.add(toDisposable(() => perEngine.dispose()));
  return store;
}

function followEngine(engine: DockerEngine, events: EventWriter, signals: SignalWriter): Disposable {
  const store = new DisposableStore();
  /** The stack's containers by id, so a destroyed one is still known by name. */
  const known = new Map<string, string>();
  const killedAt = new Map<string, number>();
  /** container:<name> built once per container, not for every stats sample. */
  const sources = new Map<string, string>();
  const engineSource = sourceId.engine(engine.name);

  store.add(
    engine.onReachability(({ status, error }) => {
      const up = status === 'connected';
      signals.record({ source: engineSource, name: 'engine.up', value: up ? 1 : 0 });
      events.publish({
        source: engineSource,
        kind: 'engine.status',
        severity: up ? 'info' : 'error',
        summary: up ? `Docker engine ${engine.name} reachable at ${engine.address}` : (error ?? `Docker engine ${engine.name} unreachable`),
        details: { status, address: engine.address, ...(error ? { error } : {}) },
      });
    }),
  );

  store.add(
    engine.onContainerEvent((event) => {
      const container = engine.container(event.id);
      if (container && engine.inStack(container)) known.set(event.id, container.name);
      const name = known.get(event.id);
      if (!name) return;
      if (event.action === 'kill') killedAt.set(event.id, Date.now());
      const published = stackEventOf(event, name, container, killedAt.get(event.id));
      if (published) events.publish(published);
      if (container) recordState(signals, container);
      if (event.action === 'destroy') {
        sources.delete(name);
        known.delete(event.id);
        killedAt.delete(event.id);
      }
    }),
  );

  // The engine sends every watched container's stats in the same instant: what arrives before the loop
  // turns is one tick, and history and alerts get it in one call instead of one per container and signal.
  let tick: SignalInput[] = [];
  let flush: NodeJS.Immediate | undefined;
  const flushTick = () => {
    flush = undefined;
    const batch = tick;
    tick = [];
    signals.recordMany(batch);
  };
  store.add(toDisposable(() => flush && clearImmediate(flush)));
  store.add(
    engine.stats.sample.on(({ id, sample }) => {
      const name = known.get(id) ?? stackName(engine, id);
      if (!name) return;
      let source = sources.get(name);
      if (source === undefined) sources.set(name, (source = sourceId.container(name)));
      const at = sample.ts;
      tick.push({ source, name: 'container.cpu_percent', value: sample.cpuPercent, at });
      tick.push({ source, name: 'container.memory_bytes', value: sample.memUsed, at });
      tick.push({ source, name: 'container.memory_limit_bytes', value: sample.memLimit, at });
      if (sample.rxBytesPerSec !== null) tick.push({ source, name: 'container.net_rx_bytes_per_second', value: sample.rxBytesPerSec, at });
      if (sample.txBytesPerSec !== null) tick.push({ source, name: 'container.net_tx_bytes_per_second', value: sample.txBytesPerSec, at });
      flush ??= setImmediate(flushTick);
    }),
  );

  // The state of what is there already, once the list is in (and again after each reconnect).
  store.add(
    engine.onReachability(({ status }) => {
      if (status !== 'connected') return;
      for (const container of engine.containers()) {
        if (!engine.inStack(container)) continue;
        known.set(container.id, container.name);
        recordState(signals, container);
      }
    }),
  );
  return store;
}

function stackName(engine: DockerEngine, id: string): string | undefined {
  const container = engine.container(id);
  return container && engine.inStack(container) ? container.name : undefined;
}

function recordState(signals: SignalWriter, c: ContainerSummary): void {
  const source = sourceId.container(c.name);
  signals.record({ source, name: 'container.up', value: c.state === 'running' ? 1 : 0 });
  signals.record({ source, name: 'container.restarts_total', value: c.restartCount });
  if (c.health === 'healthy' || c.health === 'unhealthy') signals.record({ source, name: 'container.healthy', value: c.health === 'healthy' ? 1 : 0 });
}

/** The engine's event in an operator's words; undefined for those the timeline does not need (pause, rename, kill …). */
export function stackEventOf(event: ContainerEvent, name: string, container: ContainerSummary | undefined, killedAt: number | undefined): StackEventInput | undefined {
  const source = sourceId.container(name);
  const at = event.at;
  const base = { source, ...(at ? { at } : {}) };
  const image = container?.image;
  const withImage: { image?: string } = image ? { image } : {};
  switch (event.action) {
    case 'create':
      return { ...base, kind: 'container.create', severity: 'info', summary: `${name} created${image ? ` from ${image}` : ''}`, details: withImage };
    case 'start':
      return { ...base, kind: 'container.start', severity: 'info', summary: `${name} started`, details: { ...withImage, restarts: container?.restartCount ?? 0 } };
    case 'stop':
      return { ...base, kind: 'container.stop', severity: 'info', summary: `${name} stopped` };
    case 'restart':
      return { ...base, kind: 'container.restart', severity: 'info', summary: `${name} restarted`, details: { restarts: container?.restartCount ?? 0 } };
    case 'destroy':
      return { ...base, kind: 'container.destroy', severity: 'info', summary: `${name} removed` };
    case 'oom':
      return { ...base, kind: 'container.oom', severity: 'critical', summary: `${name} ran out of memory (OOM-killed)`, details: withImage };
    case 'health_status': {
      const status = event.health ?? container?.health ?? 'unknown';
      const severity: EventSeverity = status === 'unhealthy' ? 'error' : 'info';
      const output = status === 'unhealthy' && container?.healthOutput ? `: ${container.healthOutput.trim().slice(0, 200)}` : '';
      return { ...base, kind: 'container.health', severity, summary: `${name} is ${status}${output}`, details: { status } };
    }
    case 'die': {
      const exitCode = event.exitCode ?? container?.exitCode ?? null;
      const askedFor = killedAt !== undefined && Date.now() - killedAt < askedForWithinMs;
      const severity: EventSeverity = exitCode === 0 ? 'info' : askedFor ? 'warning' : 'error';
      const how = exitCode === null ? 'exited' : `exited with code ${exitCode}${exitCode === 137 && !askedFor ? ' (killed: out of memory or SIGKILL)' : ''}`;
      return { ...base, kind: 'container.die', severity, summary: `${name} ${how}${askedFor ? ' after a stop or kill' : ''}`, details: { exitCode, askedFor, ...withImage } };
    }
    default:
      return undefined;
  }
}
