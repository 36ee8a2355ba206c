import type { SwarmState } from '../../shared/contract/swarm.js';
import { SwitchboardError } from '../../shared/errors.js';
import { sourceId } from '../../shared/sourceId.js';
import { toDisposable, type Disposable } from '../base/disposable.js';
import { CoalescedChange } from '../base/coalescedChange.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';
import type { AuditLog } from '../core/auditLog.js';
import type { LogWriter } from '../core/logWriter.js';
import { followServiceLogs } from './serviceLogs.js';
import { findService, removeService, restartService, rollbackService, scaleService } from './swarmActions.js';
import type { SwarmApi } from './swarmApi.js';
import { SwarmEngine, type SwarmSetting } from './swarmEngine.js';

/** What swarm needs of the docker capability, handed in by the composition root. */
export interface SwarmEngines {
  /** Each configured engine's name, its `swarm:` setting and its client. */
  list(): Array<{ name: string; swarm: SwarmSetting; api: SwarmApi }>;
  /** The engines were rebuilt from a new stack file. */
  onReset(listener: () => void): Disposable;
}

type Action = 'scale' | 'restart' | 'rollback' | 'remove';

/** The Swarm services, tasks and nodes of every engine that is a manager, and what an operator does to them. */
export class SwarmServices implements Disposable {
  readonly changed = new CoalescedChange();
  private engines: SwarmEngine[] = [];
  private readonly following = new Map<string, Disposable>();
  /** Screens showing the services now: engines poll every few seconds only while there is one. */
  private watchers = 0;
  private readonly reset: Disposable;

  constructor(
    private readonly source: SwarmEngines,
    private readonly opts: { logs: LogWriter; audit: AuditLog; secrets: SecretMasker },
  ) {
    this.reset = source.onReset(() => this.rebuild());
    this.rebuild();
  }

  state(): SwarmState {
    return { engines: this.engines.map((e) => e.state()) };
  }

  /** A screen shows the services until the returned handle is disposed. */
  watch(): Disposable {
    if (++this.watchers === 1) for (const e of this.engines) e.watch(true);
    return toDisposable(() => {
      if (--this.watchers === 0) for (const e of this.engines) e.watch(false);
    });
  }

  async act(engineName: string | undefined, nameOrId: string, action: Action, replicas = 0): Promise<{ message: string }> {
    const engine = this.engine(engineName);
    const service = await findService(engine.api, engine.name, nameOrId);
    const target = sourceId.service(service.Spec?.Name ?? nameOrId);
    const what = action === 'scale' ? `scale to ${replicas}` : action === 'restart' ? 'rolling restart' : action;
    this.opts.audit.action({ action: what, target, outcome: 'requested' });
    const started = performance.now();
    try {
      const detail =
        action === 'scale'
          ? await scaleService(engine.api, service, replicas)
          : action === 'restart'
            ? await restartService(engine.api, service)
            : action === 'rollback'
              ? await rollbackService(engine.api, service)
              : await removeService(engine.api, service);
      await engine.read();
      return { message: this.opts.audit.action({ action: what, target, outcome: 'done', detail, durationMs: performance.now() - started }) };
    } catch (err) {
      this.opts.audit.action({ action: what, target, outcome: 'failed', detail: (err as Error).message, durationMs: performance.now() - started });
      throw err;
    }
  }

  /** Starts or stops following a service's merged logs into the hub. */
  async logs(engineName: string | undefined, nameOrId: string, follow: boolean): Promise<{ source: string; following: boolean }> {
    const engine = this.engine(engineName);
    const service = await findService(engine.api, engine.name, nameOrId);
    const source = sourceId.service(service.Spec?.Name ?? nameOrId);
    const key = `${engine.name}/${service.ID}`;
    this.following.get(key)?.dispose();
    this.following.delete(key);
    if (follow) this.following.set(key, await followServiceLogs(engine.api, service, this.opts.logs, (t) => this.opts.secrets.mask(t)));
    return { source, following: follow };
  }

  private engine(name: string | undefined): SwarmEngine {
    const managers = this.engines.filter((e) => e.state().manager);
    const engine = name ? this.engines.find((e) => e.name === name) : managers[0];
    if (!engine) throw new SwitchboardError('not_found', name ? `no Docker engine named "${name}" in the stack file` : 'no engine of the stack file is a Swarm manager');
    return engine;
  }

  private rebuild(): void {
    for (const e of this.engines) e.dispose();
    for (const f of this.following.values()) f.dispose();
    this.following.clear();
    this.engines = this.source.list().map(({ name, swarm, api }) => new SwarmEngine(name, swarm, api, () => this.changed.schedule()));
    if (this.watchers > 0) for (const e of this.engines) e.watch(true);
    this.changed.schedule();
  }

  dispose(): void {
    this.reset.dispose();
    for (const e of this.engines) e.dispose();
    for (const f of this.following.values()) f.dispose();
    this.engines = [];
    this.changed.dispose();
  }
}
