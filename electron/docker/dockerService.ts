import {
  containerActions,
  type ActionOutcome,
  type ActionResult,
  type BulkResult,
  type ContainerAction,
  type ContainerDetails,
  type ContainerLogPage,
  type ContainersState,
  type ContainerSummary,
  type EngineState,
} from '../../shared/contract/containers.js';
import { SwitchboardError } from '../../shared/errors.js';
import { sourceId } from '../../shared/sourceId.js';
import type { Disposable } from '../base/disposable.js';
import { CoalescedChange } from '../base/coalescedChange.js';
import { Emitter } from '../base/emitter.js';
import type { DockerConfig, EngineConfig } from '../base/stackFile/docker.js';
import type { LogHistoryRequest } from './containerLogHistory.js';
import { DockerEngine, type EngineOptions, type ExecFacts } from './dockerEngine.js';
import type { ExecProcess, ExecRun, ExecSpec } from './containerExec.js';
import { engineName, resolveEngineAddress } from './engineAddress.js';
import { createAuditLog, type AuditLog } from '../core/auditLog.js';

export interface Target {
  engine?: string | undefined;
  id: string;
}

export interface ExecTarget {
  engine: string;
  /** The engine's address in the operator's words (unix:///var/run/docker.sock). */
  address: string;
  id: string;
  name: string;
  image: string;
  running: boolean;
}

/**
 * The Docker capability: the configured engines side by side, what the
 * containers screen shows, and the actions an operator takes. Plain Node; the
 * register function connects it to topics and commands.
 */
export class DockerService implements Disposable {
  /** The containers state changed (coalesced to once per turn of the event loop). */
  readonly changed = new CoalescedChange();
  /** The engines were rebuilt from a new config: per-container subscriptions must start over. */
  readonly reset = new Emitter<void>();
  private current: DockerEngine[] = [];
  private broken: EngineState[] = [];
  private showAll = false;
  private readonly pending = new Map<string, string>();
  private readonly lastAction = new Map<string, ActionOutcome>();
  private configKey = '';

  constructor(
    config: DockerConfig | undefined,
    private readonly opts: EngineOptions & { audit?: AuditLog },
  ) {
    this.configure(config);
  }

  /** Switchboard's own lines about actions; without one given, they go to the engines' log writer. */
  private get audit(): AuditLog {
    return this.opts.audit ?? createAuditLog(this.opts.logs);
  }

  /** Applies a new `docker:` section; engines are rebuilt only when it really changed. */
  configure(config: DockerConfig | undefined): void {
    // The compose list is the compose capability's: editing it must not reconnect the engines.
    const key = JSON.stringify(config ? { ...config, compose: undefined } : null);
    if (key === this.configKey) return;
    this.configKey = key;
    for (const e of this.current) e.dispose();
    this.current = [];
    this.broken = [];
    const taken = new Set<string>();
    for (const cfg of engineConfigs(config)) {
      let address;
      try {
        address = resolveEngineAddress(cfg);
      } catch (err) {
        const display = cfg.host ?? process.env.DOCKER_HOST ?? '(default)';
        const name = engineName(cfg, display, taken);
        this.broken.push({ name, address: display, status: 'unreachable', error: (err as Error).message, containers: [] });
        continue;
      }
      const engine = new DockerEngine(engineName(cfg, address.display, taken), address, cfg, this.opts);
      engine.onChange(() => this.changed.schedule());
      engine.onContainerEvent(({ id, action }) => action === 'destroy' && this.lastAction.delete(`${engine.name}/${id}`));
      this.current.push(engine);
    }
    this.reset.emit();
    this.changed.schedule();
  }

  state(): ContainersState {
    const engines = this.current.map((e) =>
      e.state((c) => {
        const inStack = e.inStack(c);
        if (!inStack && !this.showAll) return undefined;
        const key = `${e.name}/${c.id}`;
        const shown: ContainerSummary = { ...c, inStack };
        const pending = this.pending.get(key);
        const last = this.lastAction.get(key);
        if (pending) shown.pending = pending;
        if (last) shown.lastAction = last;
        return shown;
      }),
    );
    return { engines: [...engines, ...this.broken], showAll: this.showAll };
  }

  setShowAll(showAll: boolean): void {
    this.showAll = showAll;
    this.changed.schedule();
  }

  /** The engines of the stack file that could be set up, in its order (read-only: `configure` rebuilds them). */
  engines(): readonly DockerEngine[] {
    return this.current;
  }

  engine(name?: string): DockerEngine {
    const engine = name ? this.current.find((e) => e.name === name) : this.current[0];
    if (engine) return engine;
    const broken = this.broken.find((b) => !name || b.name === name);
    if (broken) throw new SwitchboardError('engine_unreachable', broken.error ?? `engine ${broken.name} is not usable`);
    throw new SwitchboardError('not_found', name ? `no Docker engine named "${name}" in the stack file` : 'no Docker engine is configured');
  }

  /** The engine and container a target names; fails readably when the engine is down or the container gone. */
  resolve(target: Target): { engine: DockerEngine; container: ContainerSummary } {
    const engine = this.engine(target.engine);
    engine.ensureReachable();
    const container = engine.find(target.id);
    if (!container) throw new SwitchboardError('not_found', `no container "${target.id}" on engine ${engine.name} (it may have been removed)`);
    return { engine, container };
  }

  async action(target: Target, action: ContainerAction, opts: { force?: boolean } = {}): Promise<ActionResult> {
    const { engine, container } = this.resolve(target);
    const key = `${engine.name}/${container.id}`;
    const label = sourceId.container(container.name);
    if (this.pending.has(key)) throw new SwitchboardError('conflict', `${label} is busy ${this.pending.get(key)}; wait for it to finish`);
    this.pending.set(key, containerActions[action].doing);
    this.changed.schedule();
    this.audit.action({ action, target: label, outcome: 'requested' });
    const started = performance.now();
    try {
      const message = await engine.run(action, container, opts);
      const durationMs = performance.now() - started;
      // Read the new state now so the result and the row agree, without waiting for the event.
      if (action !== 'remove') await engine.reread(container.id);
      const text = this.audit.action({ action, target: label, outcome: 'done', detail: message, durationMs });
      this.lastAction.set(key, { action, ok: true, message: text, at: Date.now(), durationMs });
      return { ok: true, durationMs, message: text };
    } catch (err) {
      const error = err as SwitchboardError;
      const durationMs = performance.now() - started;
      this.lastAction.set(key, { action, ok: false, message: error.message, at: Date.now(), durationMs });
      this.audit.note(error.message, 'error');
      throw err;
    } finally {
      this.pending.delete(key);
      this.changed.schedule();
    }
  }

  /** The same action on several containers, at most 4 at a time; one failure does not stop the others. */
  async bulk(targets: Target[], action: ContainerAction, opts: { force?: boolean } = {}): Promise<BulkResult> {
    const started = performance.now();
    const results: BulkResult['results'] = [];
    const queue = [...targets];
    const worker = async () => {
      for (let t = queue.shift(); t; t = queue.shift()) {
        const name = this.tryName(t);
        try {
          const r = await this.action(t, action, opts);
          results.push({ engine: t.engine ?? this.current[0]?.name ?? '', id: t.id, name, ok: true, message: r.message });
        } catch (err) {
          results.push({ engine: t.engine ?? this.current[0]?.name ?? '', id: t.id, name, ok: false, message: (err as Error).message });
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return { results, durationMs: performance.now() - started };
  }

  /** A group action on every container of a compose project. */
  project(engineName: string | undefined, project: string, action: ContainerAction, opts: { force?: boolean } = {}): Promise<BulkResult> {
    const engine = this.engine(engineName);
    const targets = [...engine.containers()].filter((c) => c.project === project).map((c) => ({ engine: engine.name, id: c.id }));
    if (targets.length === 0) throw new SwitchboardError('not_found', `no containers of compose project "${project}" on engine ${engine.name}`);
    return this.bulk(targets, action, opts);
  }

  async inspect(target: Target): Promise<ContainerDetails> {
    const { engine, container } = this.resolve(target);
    return engine.inspect(container);
  }

  async envValue(target: Target, key: string): Promise<string> {
    const { engine, container } = this.resolve(target);
    const value = await engine.envValue(container, key);
    if (value === undefined) throw new SwitchboardError('not_found', `container ${container.name} has no env variable ${key}`);
    this.audit.action({ action: `env ${key}`, target: sourceId.container(container.name), outcome: 'done', detail: 'revealed' });
    return value;
  }

  /** Older lines of a container from Docker's own log; without an engine, the first engine that has a container of that id or name. */
  async logHistory(target: Target, req: LogHistoryRequest): Promise<ContainerLogPage> {
    const named = target.engine ? undefined : this.current.find((e) => e.status === 'connected' && e.find(target.id));
    const { engine, container } = this.resolve(named ? { engine: named.name, id: target.id } : target);
    return engine.logHistory(container, req);
  }

  /** A running container to open a terminal in, with its engine's address as `docker -H` takes it. */
  execTarget(target: Target): ExecTarget {
    const { engine, container } = this.resolve(target);
    return { engine: engine.name, address: engine.address, id: container.id, name: container.name, image: container.image, running: container.state === 'running' };
  }

  execFacts(target: Target): Promise<ExecFacts> {
    const { engine, container } = this.resolve(target);
    return engine.execFacts(container);
  }

  /** Starts a TTY exec; fails readably (conflict) when the container is not running. */
  exec(target: Target, spec: ExecSpec): Promise<ExecProcess> {
    const { engine, container } = this.resolve(target);
    if (container.state !== 'running') throw new SwitchboardError('conflict', `container ${container.name} is ${container.state}: a terminal needs it running`);
    return engine.startExec(container, spec);
  }

  execRun(target: Target, spec: ExecSpec, limitMs?: number): Promise<ExecRun> {
    const { engine, container } = this.resolve(target);
    return engine.runExec(container, spec, limitMs);
  }

  private tryName(t: Target): string {
    try {
      return this.engine(t.engine).find(t.id)?.name ?? t.id;
    } catch {
      return t.id;
    }
  }

  dispose(): void {
    for (const e of this.current) e.dispose();
    this.current = [];
    this.changed.dispose();
    this.reset.dispose();
  }
}

/** `docker:` is one engine; `engines:` lists several, each inheriting the top-level selection unless it has its own. */
function engineConfigs(config: DockerConfig | undefined): EngineConfig[] {
  if (!config) return [{}];
  const { engines, ...top } = config;
  if (!engines?.length) return [top];
  return engines.map((e) => (e.project || e.containers || e.labels ? e : { ...e, project: top.project, containers: top.containers, labels: top.labels }));
}
