import { z } from 'zod';
import { appendTopic, command, stateTopic, type CommandDef } from './define.js';
import type { LogLine } from './logs.js';
import { logFilterSchema } from './logs.js';

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
export type ContainerHealth = 'starting' | 'healthy' | 'unhealthy' | 'none';

export interface ContainerSummary {
  engine: string;
  id: string;
  name: string;
  image: string;
  /** The id of the image it was created from (sha256:…): compose calls a service outdated when its image's id moved on. */
  imageId?: string;
  state: ContainerState;
  /** Docker's own words, e.g. "Up 3 minutes (healthy)". */
  status: string;
  health: ContainerHealth;
  /** Last health-check output, when there is a HEALTHCHECK. */
  healthOutput?: string;
  exitCode?: number;
  startedAt?: number;
  finishedAt?: number;
  restartCount: number;
  restartPolicy: string;
  ports: string[];
  project?: string;
  service?: string;
  labels: Record<string, string>;
  /** An action in progress on this container, e.g. "restarting". */
  pending?: string;
  /** The last action's outcome, shown next to the row until the next action. */
  lastAction?: ActionOutcome;
  /** false for containers shown only because "show all" is on. */
  inStack?: boolean;
  /** true when the container was created with a TTY (its logs are not split into stdout/stderr). */
  tty?: boolean;
  oomKilled?: boolean;
  /** Docker's network mode: "host", "none", "bridge", a network name, or "container:<id>". */
  networkMode?: string;
}

export type EngineStatus = 'connecting' | 'connected' | 'unreachable';

export interface EngineState {
  name: string;
  /** The address in the operator's words, e.g. unix:///var/run/docker.sock. */
  address: string;
  status: EngineStatus;
  /** Why it is unreachable, with what to do: "connect ENOENT — is Docker running?". */
  error?: string;
  /**
   * While unreachable, the wait between reconnect attempts (250 ms doubling to
   * 1 s). A wait rather than the next attempt's time: it stops changing once the
   * backoff settles, so a stopped engine is not re-sent every second.
   */
  retryEveryMs?: number;
  version?: string;
  containers: ContainerSummary[];
}

export interface ContainersState {
  engines: EngineState[];
  /** true when the toggle "show all containers of the engine" is on. */
  showAll: boolean;
}

export interface ActionResult {
  ok: true;
  durationMs: number;
  message: string;
}

export interface ActionOutcome {
  action: ContainerAction;
  ok: boolean;
  message: string;
  at: number;
  durationMs: number;
}

/** One line per container of a group or selection action; the call itself succeeds even if some fail. */
export interface BulkResult {
  results: Array<{ engine: string; id: string; name: string; ok: boolean; message: string }>;
  durationMs: number;
}

/** One stats sample, already turned into the figures an operator reads. Rates are per second. */
export interface StatsSample {
  ts: number;
  /** Docker's formula: (Δcontainer CPU / Δsystem CPU) × online CPUs × 100, so 200 means two full cores. */
  cpuPercent: number;
  /** Usage minus page cache (inactive_file), as `docker stats` shows it. */
  memUsed: number;
  memLimit: number;
  /**
   * null when Docker reports no network counters for the container: one on
   * the host's network (or on none) has no interface of its own to count.
   */
  rxBytesPerSec: number | null;
  txBytesPerSec: number | null;
  blockReadBytesPerSec: number;
  blockWriteBytesPerSec: number;
  pids: number;
}

export interface ContainerStatsSnapshot {
  engine: string;
  id: string;
  /** Oldest first, at most 15 minutes at 1 s. */
  samples: StatsSample[];
}

export interface StatsTableRow {
  engine: string;
  id: string;
  name: string;
  project?: string;
  networkMode?: string;
  latest?: StatsSample;
}

export interface StatsTable {
  rows: StatsTableRow[];
}

export interface ContainerDetails {
  engine: string;
  id: string;
  name: string;
  image: string;
  created: number;
  command: string;
  /** Values of keys that look secret (PASSWORD, TOKEN, KEY, SECRET …) are masked; reveal them with containers.env. */
  env: Array<{ key: string; value: string; masked: boolean }>;
  mounts: Array<{ type: string; source: string; destination: string; mode: string; readOnly: boolean }>;
  ports: string[];
  labels: Record<string, string>;
  restartPolicy: string;
  networkMode: string;
  health?: {
    status: ContainerHealth;
    failingStreak: number;
    log: Array<{ start: number; end: number; exitCode: number; output: string }>;
  };
}

/** Older lines of a container from Docker's own log, for scrolling back past what the log hub holds. */
export interface ContainerLogPage {
  /** `container:<name>`, as the hub names it. */
  source: string;
  /** Oldest first; seq is 0 because these lines are not in the hub. */
  lines: LogLine[];
  /** false once Docker has nothing older (the container's first line is in). */
  more: boolean;
  /** Set when reading stopped at the per-page limit (a flood): why the page is short, or which lines were skipped. */
  cut?: string;
}

const engine = z.string().min(1).max(200).optional();
const id = z.string().min(1).max(200);

const target = z.strictObject({ engine, id });
const streamCursor = z.strictObject({ until: z.number().min(0), skip: z.number().int().min(0).max(1_000_000) });

/**
 * Every action an operator takes on one container: the one list that the
 * `containers.<action>` commands, the service's dispatch and the screen's
 * buttons come from. `doing` is what the row shows while it runs; destructive
 * ones lose the container's work (or the container) and are shown in red.
 */
export const containerActions = {
  start: { label: 'Start', doing: 'starting', destructive: false, params: target },
  stop: { label: 'Stop', doing: 'stopping', destructive: false, params: target },
  restart: { label: 'Restart', doing: 'restarting', destructive: false, params: target },
  kill: { label: 'Kill', doing: 'killing', destructive: true, params: target },
  pause: { label: 'Pause', doing: 'pausing', destructive: false, params: target },
  unpause: { label: 'Unpause', doing: 'unpausing', destructive: false, params: target },
  /** `force` also removes a running one (the screen asks first). */
  remove: { label: 'Remove', doing: 'removing', destructive: true, params: target.extend({ force: z.boolean().default(false) }) },
} as const;

export type ContainerAction = keyof typeof containerActions;

/** The action names in the order above (zod's enum wants a non-empty tuple). */
export const containerActionNames = Object.keys(containerActions) as [ContainerAction, ...ContainerAction[]];

export type ContainerActionCommand<A extends ContainerAction = ContainerAction> = `containers.${A}`;

/** The command that runs `action` on one container, e.g. containers.restart. */
export function containerActionCommand<A extends ContainerAction>(action: A): ContainerActionCommand<A> {
  return `containers.${action}`;
}

type ActionCommands = { [A in ContainerAction as ContainerActionCommand<A>]: CommandDef<(typeof containerActions)[A]['params'], ActionResult> };

const actionCommands = Object.fromEntries(
  containerActionNames.map((a) => [containerActionCommand(a), command<ActionResult>()(containerActions[a].params)]),
) as ActionCommands;

const action = z.enum(containerActionNames);

export const containersTopics = {
  containers: stateTopic<ContainersState>()(z.strictObject({}).prefault({})),
  /** One container's stats: the history so far, then one sample a second while someone watches. */
  'container.stats': appendTopic<ContainerStatsSnapshot, StatsSample>()(target),
  /** The latest CPU and memory of every running container of the stack, at most once a second. */
  'containers.stats': stateTopic<StatsTable>()(z.strictObject({}).prefault({})),
};

export const containersCommands = {
  /** containers.start, .stop, .restart, .kill, .pause, .unpause, .remove: one action on one container. */
  ...actionCommands,
  /** The same action on several containers (a selection). */
  'containers.bulk': command<BulkResult>()(
    z.strictObject({ action, targets: z.array(target).min(1).max(500), force: z.boolean().default(false) }),
  ),
  /** The same action on every container of a compose project. */
  'containers.project': command<BulkResult>()(
    z.strictObject({ engine, project: z.string().min(1).max(200), action, force: z.boolean().default(false) }),
  ),
  'containers.inspect': command<ContainerDetails>()(target),
  /** The unmasked value of one env key, for the "reveal" button. */
  'containers.env': command<string>()(target.extend({ key: z.string().min(1).max(500) })),
  /**
   * Older log lines of a container from Docker (`id` may be its name): up to
   * `count` lines older than what the viewer shows. `until` is the viewer's
   * oldest line (ms); `shown` says, per stream, the ms of its oldest line there
   * and how many lines of that ms it shows, so none comes twice.
   */
  'containers.logHistory': command<ContainerLogPage>()(
    target.extend({
      until: z.number().min(0),
      shown: z.strictObject({ stdout: streamCursor.optional(), stderr: streamCursor.optional() }).optional(),
      count: z.number().int().min(1).max(20_000).default(1_000),
      streams: logFilterSchema.shape.streams,
      levels: logFilterSchema.shape.levels,
    }),
  ),
  'containers.showAll': command<{ showAll: boolean }>()(z.strictObject({ showAll: z.boolean() })),
};
