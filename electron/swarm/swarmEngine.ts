import type { SwarmEngine as SwarmEngineState } from '../../shared/contract/swarm.js';
import type { Disposable } from '../base/disposable.js';
import { lineSplitter } from './lineSplitter.js';
import type { RawNode, RawService, RawTask, SwarmApi } from './swarmApi.js';
import { nodesFrom, servicesFrom } from './swarmModel.js';

export type SwarmSetting = boolean | 'auto';

/** Quiet while nothing happens; reads again at once after an event (coalesced), and now and then for tasks on other nodes. */
const coalesceMs = 50;
const followUpMs = 250;
/** While a screen shows the services: tasks on other nodes send no events here. */
const watchedPollMs = 3000;
/** Otherwise: whether the engine became (or stopped being) a manager, and what changed on other nodes. */
const quietPollMs = 30_000;

/**
 * One engine's Swarm side, live: whether it is a manager, then its services,
 * tasks and nodes, read again after each service, node or container event of
 * the engine's event stream (tasks have no events of their own).
 */
export class SwarmEngine implements Disposable {
  private services: RawService[] = [];
  private tasks: RawTask[] = [];
  private nodes: RawNode[] = [];
  private manager = false;
  private note: string | undefined = 'reading…';
  private abort: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private followUp: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private again = false;
  private watched = false;
  private disposed = false;
  /** How many full reads were made (the benchmark counts them). */
  reads = 0;

  constructor(
    readonly name: string,
    private readonly setting: SwarmSetting,
    readonly api: SwarmApi,
    private readonly changed: () => void,
  ) {
    if (setting === false) {
      this.note = 'swarm: false in the stack file';
      return;
    }
    void this.read();
  }

  /** A screen shows the services (read now, then every few seconds while a manager), or none does (events, and a read now and then). */
  watch(watched: boolean): void {
    if (watched === this.watched) return;
    this.watched = watched;
    if (watched) void this.read();
    else this.armPoll();
  }

  state(): SwarmEngineState {
    const state: SwarmEngineState = { engine: this.name, manager: this.manager, services: this.manager ? servicesFrom(this.services, this.tasks, this.nodes) : [], nodes: nodesFrom(this.nodes) };
    if (this.note) state.note = this.note;
    return state;
  }

  /** Reads now (after an action), or once more right after the read in progress. */
  read(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.readOnce().finally(() => {
      this.reading = undefined;
      if (this.again) {
        this.again = false;
        void this.read();
      }
    });
    return this.reading;
  }

  /** One timer at a time, re-armed after each read: nobody watching and no swarm costs a wake-up every 30 s, not every 3 s. */
  private armPoll(): void {
    clearTimeout(this.poll);
    if (this.disposed) return;
    this.poll = setTimeout(() => void this.read(), this.manager && this.watched ? watchedPollMs : quietPollMs);
  }

  private async readOnce(): Promise<void> {
    try {
      const swarm = (await this.api.info()).Swarm;
      this.manager = swarm?.LocalNodeState === 'active' && swarm.ControlAvailable === true;
      if (!this.manager) {
        this.note = swarm?.LocalNodeState === 'active' ? 'this engine is a Swarm worker: services are shown on a manager' : this.setting === true ? 'this engine is not part of a swarm (swarm: true in the stack file)' : undefined;
        this.services = [];
        this.tasks = [];
        this.nodes = [];
      } else {
        [this.services, this.tasks, this.nodes] = await Promise.all([this.api.listServices(), this.api.listTasks(), this.api.listNodes()]);
        this.note = undefined;
        if (!this.abort && !this.disposed) this.follow();
      }
      this.reads++;
    } catch (err) {
      this.note = `Swarm not readable: ${(err as Error).message}`;
    }
    this.armPoll();
    if (!this.disposed) this.changed();
  }

  private follow(): void {
    if (this.disposed) return;
    this.abort = new AbortController();
    const filters = { type: ['service', 'node', 'container'] };
    this.api.getEvents({ filters, abortSignal: this.abort.signal }).then(
      (stream) => {
        stream.pipe(lineSplitter(() => this.soon()));
        stream.on('error', () => undefined);
        stream.on('end', () => this.retry());
      },
      () => this.retry(),
    );
  }

  private soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.read();
      // A container's event reaches us before its agent has told the manager about the task: look once more shortly after.
      clearTimeout(this.followUp);
      this.followUp = setTimeout(() => void this.read(), followUpMs);
    }, coalesceMs);
  }

  private retry(): void {
    this.abort = undefined;
    // Followed again at the next read that finds a manager.
  }

  dispose(): void {
    this.disposed = true;
    this.abort?.abort();
    clearTimeout(this.timer);
    clearTimeout(this.followUp);
    clearTimeout(this.poll);
  }
}
