import { CommandRegistry } from '../../../electron/core/commandRegistry.js';
import { DisposableStore } from '../../../electron/base/disposable.js';
import { Emitter } from '../../../electron/base/emitter.js';
import { TopicRegistry, type TopicSink } from '../../../electron/core/topicRegistry.js';
import type { AppContext } from '../../../electron/core/appContext.js';
import { stackSchema, type StackConfig, type StackInput } from '../../../electron/base/stackFile/stack.js';
import type { LogInput } from '../../../shared/contract/logs.js';

/** A real AppContext for one service, with the config held in memory and log lines collected. */
export function testContext(input: StackInput): AppContext & { lines: LogInput[]; setConfig(input: StackInput): void } {
  let config: StackConfig = stackSchema.parse(input);
  const changed = new Emitter<StackConfig>();
  const lines: LogInput[] = [];
  const quit: (() => Promise<void>)[] = [];
  return {
    commands: new CommandRegistry(),
    topics: new TopicRegistry(),
    logs: { write: (line) => lines.push(line) },
    config: { current: () => config, changed, baseDir: () => process.cwd() },
    disposables: new DisposableStore(),
    beforeQuit: (task) => quit.push(task),
    mode: 'browser',
    lines,
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

export async function waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
