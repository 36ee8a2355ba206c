import type { ContainerAction, ContainerDetails, ContainerLogPage, ContainerSummary, EngineState, EngineStatus } from '../../shared/contract/containers.js';
import { SwitchboardError } from '../../shared/errors.js';
import type { Disposable } from '../base/disposable.js';
import type { EngineConfig } from '../base/stackFile/docker.js';
import type { LogWriter } from '../core/logWriter.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';
import { runContainerAction } from './containerActions.js';
import { detailsFromInspect, envValue } from './containerDetails.js';
import { fetchLogHistory, logHistoryMaxBytes, type LogHistoryRequest } from './containerLogHistory.js';
import { ContainerLogs, type LogFollowOptions } from './containerLogs.js';
import { matchContainer } from './containerMatch.js';
import { createSelection } from './containerSelection.js';
import { ContainerStats } from './containerStats.js';
import type { EngineAddress } from './engineAddress.js';
import { runExec, startExec, type ExecProcess, type ExecRun, type ExecSpec } from './containerExec.js';
import { EngineConnection, type ContainerEvent } from './engineConnection.js';
import { callTimeoutMs, toEngineError, withTimeout } from './engineErrors.js';

export type { ContainerEvent } from './engineConnection.js';

/** A container's image, env names and command line, for choosing what a terminal runs. */
export interface ExecFacts {
  image: string;
  envNames: string[];
  /** The main process's command line as Docker started it (may hold a --requirepass: never show or log it). */
  args: string[];
  /** Who an exec runs as unless it says otherwise: the container's user ("root" when it sets none). */
  user: string;
}

export interface EngineOptions {
  logs: LogWriter;
  historyCapacity?: number;
  connectTimeoutMs?: number;
  logFollow?: LogFollowOptions;
  /** Follow container logs into the hub (on by default; benchmarks turn it off). */
  followLogs?: boolean;
  /** Bytes one page of log history may read from Docker; default logHistoryMaxBytes (8 MiB). */
  logHistoryMaxBytes?: number;
  /** What followed log lines pass through (the app's masker); none in benchmarks. */
  secrets?: SecretMasker;
}

/**
 * One configured engine, as the rest of the app sees it: its containers, what
 * an operator does to them, their stats and logs. The connection and its
 * dockerode client stay inside; nothing outside electron/docker/ touches them.
 */
export class DockerEngine implements Disposable {
  /** Stats streams and their history, per watched container. */
  readonly stats: ContainerStats;
  /** Whether a container belongs to the stack (the `docker:` selection). */
  readonly inStack: (c: ContainerSummary) => boolean;
  private readonly conn: EngineConnection;
  private readonly logFollows: ContainerLogs | undefined;
  /** The stack file's `swarm:` for this engine (default auto). */
  readonly swarm: boolean | 'auto';
  /** The stack file's TLS files for a tcp:// engine, for tools that connect on their own (compose). */
  readonly tls: EngineConfig['tls'];
  private lastHistoryBytes = 0;
  private readonly historyMaxBytes: number;
  private readonly secrets: SecretMasker | undefined;

  constructor(name: string, address: EngineAddress, cfg: EngineConfig, opts: EngineOptions) {
    this.inStack = createSelection(cfg);
    this.swarm = cfg.swarm ?? 'auto';
    this.tls = cfg.tls;
    this.conn = new EngineConnection(name, address, opts.connectTimeoutMs);
    this.stats = new ContainerStats(this.conn, opts.historyCapacity);
    this.logFollows = opts.followLogs === false ? undefined : new ContainerLogs(this.conn, opts.logs, this.inStack, opts.logFollow, opts.secrets ? (text) => opts.secrets!.mask(text) : undefined);
    this.historyMaxBytes = opts.logHistoryMaxBytes ?? logHistoryMaxBytes;
    this.secrets = opts.secrets;
    this.conn.start();
  }

  get name(): string {
    return this.conn.name;
  }

  /** The address in the operator's words, e.g. unix:///var/run/docker.sock. */
  get address(): string {
    return this.conn.address.display;
  }

  get status(): EngineStatus {
    return this.conn.status;
  }

  /** What the screen shows of this engine, with each container passed through `show` (undefined hides it). */
  state(show: (c: ContainerSummary) => ContainerSummary | undefined): EngineState {
    return this.conn.toState(show);
  }

  /** Every container the engine has, in or out of the stack. */
  containers(): IterableIterator<ContainerSummary> {
    return this.conn.containers.values();
  }

  /** A container by its full id. */
  container(id: string): ContainerSummary | undefined {
    return this.conn.containers.get(id);
  }

  /**
   * A container by full id, name, or a unique id prefix of 12 characters or more;
   * undefined when none matches. Throws invalid_params for a shorter or shared prefix.
   */
  find(idOrName: string): ContainerSummary | undefined {
    return matchContainer(this.conn.containers, idOrName, this.name);
  }

  /** Something on screen changed: the engine's status or a container. */
  onChange(listener: () => void): Disposable {
    return this.conn.changed.on(listener);
  }

  /** A container event (start, die, destroy …), after the container's summary is up to date. */
  onContainerEvent(listener: (event: ContainerEvent) => void): Disposable {
    return this.conn.containerChanged.on(listener);
  }

  /** The engine became reachable or unreachable. */
  onReachability(listener: (change: { status: 'connected' | 'unreachable'; error?: string }) => void): Disposable {
    return this.conn.reachability.on(listener);
  }

  /** Throws a readable engine_unreachable while the engine is down or still connecting. */
  ensureReachable(): void {
    if (this.conn.status === 'connected') return;
    throw new SwitchboardError('engine_unreachable', this.conn.error ?? `Docker engine ${this.name} at ${this.address} is still connecting`);
  }

  /** Runs one action on one container; "done", or what the engine said instead (e.g. "was already running"). */
  async run(action: ContainerAction, container: ContainerSummary, opts: { force?: boolean } = {}): Promise<string> {
    try {
      return await runContainerAction(this.conn.docker, this.address, container.id, container.name, action, opts);
    } catch (err) {
      // A refused or reset call means the engine is gone: start over now rather than at the next heartbeat.
      if ((err as SwitchboardError).code === 'engine_unreachable') this.conn.lost(err);
      throw err;
    }
  }

  /** Reads one container again now, so an action's result and its row agree without waiting for the event. */
  reread(id: string): Promise<void> {
    return this.conn.refresh(id);
  }

  /**
   * This engine's client, for a capability the composition root hands it to
   * (swarm): one connection per engine, with its address, TLS and SSH checks.
   * The receiver sees it through its own narrow interface, never as dockerode.
   */
  engineClient(): object {
    return this.conn.docker;
  }

  /** The id of an image by name (sha256:…), or undefined when the engine does not have it. */
  async imageId(ref: string): Promise<string | undefined> {
    try {
      return (await withTimeout(this.conn.docker.getImage(ref).inspect(), callTimeoutMs, `inspect of image ${ref}`)).Id;
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return undefined;
      throw toEngineError(`inspect of image ${ref}`, err, this.address);
    }
  }

  /** The container's configuration and health, with secret-looking env values masked. */
  async inspect(container: ContainerSummary): Promise<ContainerDetails> {
    return detailsFromInspect(this.name, await this.inspectRaw(container));
  }

  /** The real value of one env variable (undefined when the container has none of that name). */
  async envValue(container: ContainerSummary, key: string): Promise<string | undefined> {
    return envValue(await this.inspectRaw(container), key);
  }

  /** Starts a TTY exec (a terminal) in a running container; the caller ends it. */
  startExec(container: ContainerSummary, spec: ExecSpec): Promise<ExecProcess> {
    return startExec(this.conn.docker, this.address, container, spec);
  }

  /** Runs a short command in a container and collects its output. */
  runExec(container: ContainerSummary, spec: ExecSpec, limitMs?: number): Promise<ExecRun> {
    return runExec(this.conn.docker, this.address, container, spec, limitMs);
  }

  /** What a terminal needs to pick a service shell and name its user: env names (no values), the command's arguments, the user. */
  async execFacts(container: ContainerSummary): Promise<ExecFacts> {
    const raw = await this.inspectRaw(container);
    const env = (raw.Config?.Env ?? []).map((e) => e.split('=', 1)[0]!);
    const args = [raw.Path, ...(raw.Args ?? [])].filter((a): a is string => typeof a === 'string');
    return { image: raw.Config?.Image ?? container.image, envNames: env, args, user: raw.Config?.User || 'root' };
  }

  /** Older lines of a container from Docker's own log, with a limit on the bytes read per page. */
  async logHistory(container: ContainerSummary, req: LogHistoryRequest): Promise<ContainerLogPage> {
    const limits = { maxBytes: this.historyMaxBytes, onRead: (bytes: number) => (this.lastHistoryBytes = bytes) };
    const page = await fetchLogHistory({ docker: this.conn.docker, address: this.address, id: container.id, name: container.name, tty: container.tty ?? false }, req, limits);
    // Older lines are masked like followed ones: the same line must not show a password when paged back to.
    const secrets = this.secrets;
    if (secrets) for (const line of page.lines) line.text = secrets.mask(line.text);
    return page;
  }

  /** Bytes the last page of log history read from Docker. */
  get lastLogHistoryBytes(): number {
    return this.lastHistoryBytes;
  }

  /** How many containers' logs are being followed into the hub right now. */
  get openLogStreams(): number {
    return this.logFollows?.openStreams ?? 0;
  }

  /** How many times the whole container list was read (once per connection: live state comes from events). */
  get containerListReads(): number {
    return this.conn.listReads;
  }

  private async inspectRaw(container: ContainerSummary) {
    const what = `inspect of container ${container.name}`;
    try {
      // A hung engine keeps the socket open and never answers: without a limit the call would wait forever.
      return await withTimeout(this.conn.docker.getContainer(container.id).inspect(), callTimeoutMs, what);
    } catch (err) {
      throw toEngineError(what, err, this.address);
    }
  }

  dispose(): void {
    this.logFollows?.dispose();
    this.stats.dispose();
    this.conn.dispose();
  }
}
