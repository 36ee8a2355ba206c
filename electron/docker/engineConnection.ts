import Docker from 'dockerode';
import type { ContainerSummary, EngineState, EngineStatus } from '../../shared/contract/containers.js';
import type { Disposable } from '../base/disposable.js';
import { Emitter } from '../base/emitter.js';
import { Backoff } from './backoff.js';
import { summaryFromInspect } from './containerSummary.js';
import { unreachableMessage, withTimeout } from './engineErrors.js';
import { missingSocket, type EngineAddress } from './engineAddress.js';
import { lineReader } from './lineReader.js';

/** Engine events that can change what the screen shows; exec_* and the like are ignored. */
const stateEvents = new Set(['create', 'start', 'die', 'stop', 'kill', 'oom', 'destroy', 'pause', 'unpause', 'restart', 'rename', 'update', 'health_status']);

const heartbeatEveryMs = 15_000;
const heartbeatTimeoutMs = 10_000;

export interface ContainerEvent {
  id: string;
  action: string;
  /** The container's name as the engine said it (still known for a destroy). */
  name?: string;
  /** For die: the main process's exit code. */
  exitCode?: number;
  /** For health_status: healthy | unhealthy | starting. */
  health?: string;
  /** When the engine saw it, epoch ms. */
  at?: number;
}

interface EngineEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  timeNano?: number;
  time?: number;
}

/**
 * One Docker engine: the initial list, then the event stream keeps it current
 * (no polling). When the stream breaks, the engine is shown as unreachable with
 * the cause, and it reconnects with backoff; each connection has a generation
 * so late answers from an old one are ignored and no stream is ever doubled.
 */
export class EngineConnection implements Disposable {
  readonly docker: Docker;
  /** Something on screen changed: status or a container. */
  readonly changed = new Emitter<void>();
  /** A container event, after the container's summary is up to date. */
  readonly containerChanged = new Emitter<ContainerEvent>();
  /** A new connection is up (streams of the old one are gone). */
  readonly connected = new Emitter<void>();
  /** The engine became reachable or unreachable (a retry that fails again says nothing). */
  readonly reachability = new Emitter<{ status: 'connected' | 'unreachable'; error?: string }>();

  status: EngineStatus = 'connecting';
  error: string | undefined;
  retryEveryMs: number | undefined;
  version: string | undefined;
  readonly containers = new Map<string, ContainerSummary>();
  /** Full container list reads so far: one per connection, the rest comes from events. */
  listReads = 0;

  private generation = 0;
  /** Whether the last reachability told was "unreachable": a failed retry does not repeat it. */
  private reportedDown: boolean | undefined;
  private events: (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
  private abort: AbortController | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly backoff = new Backoff();
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly destroyed = new Set<string>();
  private disposed = false;

  constructor(
    readonly name: string,
    readonly address: EngineAddress,
    private readonly connectTimeoutMs = 5000,
  ) {
    this.docker = new Docker(address.options);
  }

  start(): void {
    void this.connect();
  }

  toState(filter: (c: ContainerSummary) => ContainerSummary | undefined): EngineState {
    const state: EngineState = { name: this.name, address: this.address.display, status: this.status, containers: [] };
    if (this.error) state.error = this.error;
    if (this.retryEveryMs) state.retryEveryMs = this.retryEveryMs;
    if (this.version) state.version = this.version;
    // While (re)connecting the list is half read: it is shown once complete, as it is emitted.
    if (this.status !== 'connected') return state;
    for (const c of this.containers.values()) {
      const shown = filter(c);
      if (shown) state.containers.push(shown);
    }
    state.containers.sort((a, b) => a.name.localeCompare(b.name));
    return state;
  }

  /** Re-reads one container now (after an action, so the result shows without waiting for its event). */
  refresh(id: string): Promise<void> {
    const running = this.inflight.get(id);
    if (running) {
      this.dirty.add(id);
      return running;
    }
    const gen = this.generation;
    const run = (async () => {
      do {
        this.dirty.delete(id);
        try {
          const info = await withTimeout(this.docker.getContainer(id).inspect(), this.connectTimeoutMs, `inspect of ${id.slice(0, 12)}`);
          if (gen !== this.generation || this.destroyed.has(info.Id)) return;
          this.containers.set(info.Id, summaryFromInspect(this.name, info));
        } catch (err) {
          if ((err as { statusCode?: number }).statusCode === 404 && gen === this.generation) this.forget(id);
        }
      } while (this.dirty.has(id) && gen === this.generation);
    })().finally(() => {
      this.inflight.delete(id);
      // While (re)connecting, the list is emitted once, complete, when the connection is up.
      if (gen === this.generation && this.status === 'connected') this.changed.emit();
    });
    this.inflight.set(id, run);
    return run;
  }

  /** Called by anyone whose engine call failed with a connection error: start over now. */
  lost(err: unknown): void {
    if (this.disposed || this.status === 'unreachable') return;
    this.disconnect(err);
  }

  private async connect(): Promise<void> {
    if (this.disposed) return;
    const gen = ++this.generation;
    this.retryTimer = undefined;
    const abort = new AbortController();
    this.abort = abort;
    const pending: EngineEvent[] = [];
    let listed = false;
    try {
      const missing = missingSocket(this.address);
      if (missing) throw missing;
      const version = await withTimeout(this.docker.version(), this.connectTimeoutMs, `Docker engine at ${this.address.display}`, () => abort.abort());
      if (gen !== this.generation) return;
      // Subscribe before listing, so nothing that happens during the list is missed.
      const events = (await withTimeout(
        this.docker.getEvents({ filters: { type: ['container'] }, abortSignal: abort.signal } as Docker.GetEventsOptions),
        this.connectTimeoutMs,
        `event stream of ${this.address.display}`,
        () => abort.abort(),
      )) as NodeJS.ReadableStream & { destroy?: () => void };
      if (gen !== this.generation) {
        events.destroy?.();
        return;
      }
      this.events = events;
      const reader = lineReader((line) => {
        if (!line.trim()) return;
        let ev: EngineEvent;
        try {
          ev = JSON.parse(line) as EngineEvent;
        } catch {
          return;
        }
        if (listed) this.onEvent(ev);
        else pending.push(ev);
      });
      events.on('data', (chunk: Buffer) => reader.push(chunk));
      events.on('error', (err: unknown) => gen === this.generation && this.disconnect(err));
      events.on('end', () => gen === this.generation && this.disconnect(new Error('the event stream ended (engine stopped?)')));
      events.on('close', () => gen === this.generation && this.disconnect(new Error('the event stream closed (engine stopped?)')));

      this.listReads++;
      const list = await withTimeout(this.docker.listContainers({ all: true }), this.connectTimeoutMs, `container list of ${this.address.display}`);
      if (gen !== this.generation) return;
      this.containers.clear();
      this.destroyed.clear();
      await inBatches(list.map((c) => c.Id), 8, (id) => this.refresh(id));
      if (gen !== this.generation) return;
      this.status = 'connected';
      this.error = undefined;
      this.retryEveryMs = undefined;
      this.version = version.Version;
      this.backoff.reset();
      listed = true;
      for (const ev of pending.splice(0)) this.onEvent(ev);
      this.changed.emit();
      this.connected.emit();
      this.reportedDown = false;
      this.reachability.emit({ status: 'connected' });
      this.scheduleHeartbeat(gen);
    } catch (err) {
      if (gen === this.generation) this.disconnect(err);
    }
  }

  /**
   * A hung engine (SIGSTOPped, or a tcp/ssh link that drops silently) never
   * closes the event stream, so a cheap /_ping now and then tells that apart
   * from a quiet one. Container state never comes from it.
   */
  private scheduleHeartbeat(gen: number): void {
    this.heartbeat = setTimeout(() => {
      if (gen !== this.generation) return;
      withTimeout(this.docker.ping(), heartbeatTimeoutMs, `Docker engine at ${this.address.display}`).then(
        () => gen === this.generation && this.scheduleHeartbeat(gen),
        (err: unknown) => gen === this.generation && this.disconnect(err),
      );
    }, heartbeatEveryMs);
  }

  private onEvent(ev: EngineEvent): void {
    const [verb, rest] = (ev.Action ?? ev.status ?? '').split(':');
    const action = verb!;
    const id = ev.Actor?.ID ?? ev.id;
    if ((ev.Type && ev.Type !== 'container') || !id || !stateEvents.has(action)) return;
    const event = containerEvent(id, action, rest, ev);
    if (action === 'destroy') {
      this.forget(id);
      this.changed.emit();
      this.containerChanged.emit(event);
      return;
    }
    void this.refresh(id).then(() => this.containerChanged.emit(event));
  }

  private forget(id: string): void {
    // Only late inspect answers race a destroy; an old tombstone is useless, so the set stays small.
    if (this.destroyed.size > 5000) this.destroyed.clear();
    this.destroyed.add(id);
    this.containers.delete(id);
  }

  private disconnect(err: unknown): void {
    if (this.disposed) return;
    this.generation++;
    this.closeStreams();
    this.containers.clear();
    const before = { status: this.status, error: this.error, retryEveryMs: this.retryEveryMs };
    this.status = 'unreachable';
    this.error = unreachableMessage(this.address.display, err);
    if (before.status === 'connected' || this.reportedDown !== true) {
      this.reportedDown = true;
      this.reachability.emit({ status: 'unreachable', error: this.error });
    }
    const delay = this.backoff.next();
    this.retryEveryMs = delay;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    // A retry that fails as the last one did changes nothing anyone sees: telling it once a
    // second would re-send the containers state and redraw every screen showing the engine,
    // for as long as Docker stays stopped (an idle Switchboard on a laptop with Docker off).
    if (before.status !== this.status || before.error !== this.error || before.retryEveryMs !== delay) this.changed.emit();
  }

  private closeStreams(): void {
    if (this.heartbeat) clearTimeout(this.heartbeat);
    this.heartbeat = undefined;
    this.abort?.abort();
    this.abort = undefined;
    this.events?.removeAllListeners();
    this.events?.on('error', () => {}); // a destroyed socket may still report its reset
    this.events?.destroy?.();
    this.events = undefined;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.generation++;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.closeStreams();
    this.changed.dispose();
    this.containerChanged.dispose();
    this.connected.dispose();
    this.reachability.dispose();
  }
}

function containerEvent(id: string, action: string, rest: string | undefined, ev: EngineEvent): ContainerEvent {
  const attributes = ev.Actor?.Attributes ?? {};
  const exitCode = attributes.exitCode === undefined ? NaN : Number(attributes.exitCode);
  const at = ev.timeNano ? Math.round(ev.timeNano / 1e6) : ev.time ? ev.time * 1000 : undefined;
  return {
    id,
    action,
    ...(attributes.name ? { name: attributes.name } : {}),
    ...(Number.isFinite(exitCode) ? { exitCode } : {}),
    ...(action === 'health_status' && rest ? { health: rest.trim() } : {}),
    ...(at ? { at } : {}),
  };
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}
