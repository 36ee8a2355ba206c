import { CommandRegistry, type CommandRegistrar } from '../../electron/core/commandRegistry.js';
import { DisposableStore } from '../../electron/base/disposable.js';
import { Emitter } from '../../electron/base/emitter.js';
import { TopicRegistry, type TopicRegistrar, type TopicSink } from '../../electron/core/topicRegistry.js';
import { capabilityContext, type AppContext } from '../../electron/core/appContext.js';
import { createAuditLog } from '../../electron/core/auditLog.js';
import type { LogWriter } from '../../electron/core/logWriter.js';
import { EventBus, SignalBus } from '../../electron/core/stackBus.js';
import type { Signal, StackEvent } from '../../shared/stackEvents.js';
import { SecretMasker } from '../../electron/base/secrets/secretMasker.js';
import { stackSchema, type StackConfig, type StackInput } from '../../electron/base/stackFile/stack.js';
import type { LogInput } from '../../shared/contract/logs.js';

export interface FakeAppContext extends AppContext {
  /** Registers like a capability's registrar, and calls as a session would. */
  commands: CommandRegistrar & Pick<CommandRegistry, 'call' | 'has' | 'names'>;
  topics: TopicRegistrar & Pick<TopicRegistry, 'open' | 'names'>;
  /** Every line written through `logs` and `audit`, when no log writer was given. */
  lines: LogInput[];
  /** Every stack event the capability published (masked, as listeners get them), and the bus to listen on. */
  published: StackEvent[];
  eventBus: EventBus;
  /** Every signal the capability recorded, and the bus (its latest() is what /metrics reads). */
  recorded: Signal[];
  signalBus: SignalBus;
  /** Replaces the stack config and tells the capability, as a stack file edit would. */
  setConfig(input: StackInput): void;
}

/**
 * The context one capability gets from the composition root, built the same
 * way (core's capabilityContext) around real registries, with the config held
 * in memory. Disposing `disposables` (or awaiting disposeAsync) takes down
 * everything the capability registered and started.
 */
export function fakeAppContext(input: StackInput = {}, options: { logs?: LogWriter; baseDir?: string; secrets?: SecretMasker } = {}): FakeAppContext {
  let config: StackConfig = stackSchema.parse(input);
  const changed = new Emitter<StackConfig>();
  const lines: LogInput[] = [];
  const logs: LogWriter = options.logs ?? { write: (line) => void lines.push(line) };
  const commands = new CommandRegistry();
  const topics = new TopicRegistry();
  const secrets = options.secrets ?? new SecretMasker();
  const rethrow = (error: unknown) => {
    throw error;
  };
  const eventBus = new EventBus(secrets, rethrow);
  const signalBus = new SignalBus(rethrow);
  const published: StackEvent[] = [];
  const recorded: Signal[] = [];
  eventBus.on((event) => published.push(event));
  signalBus.on((signal) => recorded.push(signal));
  const ctx = capabilityContext(
    { commands, topics, logs, audit: createAuditLog(logs, secrets, eventBus), events: eventBus, signals: signalBus, secrets, config: { current: () => config, changed, baseDir: () => options.baseDir ?? process.cwd() }, mode: 'browser' },
    new DisposableStore(),
  );
  return {
    ...ctx,
    commands: { ...ctx.commands, call: (name, params) => commands.call(name, params), has: (name) => commands.has(name), names: () => commands.names() },
    topics: { ...ctx.topics, open: (name, params, sink) => topics.open(name, params, sink), names: () => topics.names() },
    lines,
    published,
    eventBus,
    recorded,
    signalBus,
    setConfig(next) {
      config = stackSchema.parse(next);
      changed.emit(config);
    },
  };
}

/** Collects what a topic provider sends, as a session would. */
export function recordingSink<S, I>() {
  const rec = { snapshots: [] as S[], states: [] as S[], items: [] as I[], closed: undefined as { error?: unknown } | undefined };
  const sink: TopicSink<S, I> = {
    snapshot: (v) => rec.snapshots.push(v),
    state: (v) => rec.states.push(v),
    append: (i) => rec.items.push(i),
    close: (error) => (rec.closed = { error }),
  };
  return { rec, sink, latest: () => rec.states.at(-1) ?? rec.snapshots.at(-1) };
}
