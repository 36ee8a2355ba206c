import type { StackConfig } from '../base/stackFile/stack.js';
import type { CommandRegistry } from './commandRegistry.js';
import type { DisposableStore } from '../base/disposable.js';
import type { Emitter } from '../base/emitter.js';
import type { LogWriter } from './logWriter.js';
import type { TopicRegistry } from './topicRegistry.js';

/** The current stack config and its changes (a broken edit keeps the last good one). */
export interface ConfigSource {
  current(): StackConfig;
  readonly changed: Emitter<StackConfig>;
  /** The folder relative paths in the config resolve against. */
  baseDir(): string;
}

/** What each capability's register function receives from the composition root. */
export interface AppContext {
  commands: CommandRegistry;
  topics: TopicRegistry;
  logs: LogWriter;
  config: ConfigSource;
  /** Disposed when the app quits: every service registers itself here. */
  disposables: DisposableStore;
  /**
   * Work that must finish before the process exits (stopping MCP servers by
   * the spec takes seconds). Runs before `disposables` is disposed.
   */
  beforeQuit(task: () => Promise<void>): void;
  mode: 'electron' | 'browser';
}
