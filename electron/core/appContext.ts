import type { StackConfig } from '../base/stackFile/stack.js';
import type { CommandRegistrar, CommandRegistry } from './commandRegistry.js';
import { DisposableStore } from '../base/disposable.js';
import type { Emitter } from '../base/emitter.js';
import type { AuditLog } from './auditLog.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';
import type { LogWriter } from './logWriter.js';
import type { EventWriter, SignalWriter } from './stackBus.js';
import type { TopicRegistrar, TopicRegistry } from './topicRegistry.js';

/** The current stack config and its changes (a broken edit keeps the last good one). */
export interface ConfigSource {
  current(): StackConfig;
  readonly changed: Emitter<StackConfig>;
  /** The folder relative paths in the config resolve against. */
  baseDir(): string;
}

/** What each capability's register function receives from the composition root. */
export interface AppContext {
  /** Handlers registered here are removed when the capability is disposed. */
  commands: CommandRegistrar;
  /** Providers registered here are removed when the capability is disposed. */
  topics: TopicRegistrar;
  logs: LogWriter;
  /** Switchboard's own lines: operators' actions and what the app noticed (masked already); ended actions are also `action` events. */
  audit: AuditLog;
  /** What happened (a container died, a server crash-loops, a probe went down): history, alerts and the timeline listen. */
  events: EventWriter;
  /** What was measured (a probe's latency, a container's memory): history, alerts and /metrics listen. */
  signals: SignalWriter;
  /** What every shown or logged value goes through; it knows the stack file's expanded ${VAR}s as soon as a load has them. */
  secrets: SecretMasker;
  config: ConfigSource;
  /**
   * This capability's owner: everything it starts goes here, async closes
   * (stopping MCP servers) included; the app awaits it at quit, newest first.
   */
  disposables: DisposableStore;
  mode: 'electron' | 'browser';
}

/** What the composition root shares with every capability. */
export interface AppServices {
  commands: CommandRegistry;
  topics: TopicRegistry;
  logs: LogWriter;
  audit: AuditLog;
  events: EventWriter;
  signals: SignalWriter;
  secrets: SecretMasker;
  config: ConfigSource;
  mode: 'electron' | 'browser';
}

/**
 * The context of one capability: its own store, added to `owner`, and
 * registries that put every registration in that store, so a register
 * function cannot leave a handler behind when its capability is disposed.
 */
export function capabilityContext(app: AppServices, owner: DisposableStore): AppContext {
  const disposables = owner.add(new DisposableStore());
  return {
    commands: app.commands.ownedBy(disposables),
    topics: app.topics.ownedBy(disposables),
    logs: app.logs,
    audit: app.audit,
    events: app.events,
    signals: app.signals,
    secrets: app.secrets,
    config: app.config,
    disposables,
    mode: app.mode,
  };
}
