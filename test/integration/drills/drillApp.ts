import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createSwitchboard, type Switchboard } from '../../../electron/app/createSwitchboard.js';
import type { CallOutcome } from '../../../electron/core/commandRegistry.js';
import type { TopicSink } from '../../../electron/core/topicRegistry.js';

/** A topic as a screen holds it: the latest whole state, the items appended since, and whether the app closed it. */
export interface Watched<S, I> {
  latest(): S | undefined;
  items: I[];
  /** How many whole states arrived (snapshot included). */
  states(): number;
  closed(): { error?: unknown } | undefined;
  dispose(): void;
}

/**
 * The whole app (createSwitchboard, the composition root) on a stack file in
 * a temp folder, watched through its topics the way a screen watches them.
 */
export class DrillApp {
  readonly dir = mkdtempSync(join(tmpdir(), 'sbtest-drill-'));
  readonly file = join(this.dir, 'stack.yaml');
  app!: Switchboard;
  private readonly watches: Watched<unknown, unknown>[] = [];

  async start(stack: object): Promise<this> {
    writeFileSync(this.file, stringify(stack));
    this.app = await createSwitchboard({ argv: ['--config', this.file], env: { ...process.env, SWITCHBOARD_CONFIG: '' }, cwd: this.dir, mode: 'browser' });
    return this;
  }

  watch<S, I = never>(topic: string, params: object = {}): Watched<S, I> {
    let latest: S | undefined;
    let states = 0;
    let closed: { error?: unknown } | undefined;
    const items: I[] = [];
    const sink: TopicSink<S, I> = {
      snapshot: (value) => ((latest = value), states++),
      state: (value) => ((latest = value), states++),
      append: (item) => void items.push(item),
      close: (error) => (closed = { error }),
    };
    const opened = this.app.topics.open(topic, params, sink as TopicSink<unknown, unknown>);
    if (!opened.ok) throw new Error(`could not open ${topic}: ${opened.error.message}`);
    const watched: Watched<S, I> = { latest: () => latest, items, states: () => states, closed: () => closed, dispose: () => opened.subscription.dispose() };
    this.watches.push(watched as Watched<unknown, unknown>);
    return watched;
  }

  /** Calls a command as a session would; fails the drill if the app takes longer than `ms` to answer at all. */
  async call(name: string, params: object = {}, ms = 5000): Promise<CallOutcome> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${name} got no answer within ${ms} ms`)), ms)));
    try {
      return await Promise.race([this.app.commands.call(name, params), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The app is up: it answers app.info at once. */
  async answers(): Promise<boolean> {
    const outcome = await this.call('app.info');
    if (!outcome.ok) throw new Error(`app.info failed: ${outcome.error.message}`);
    return true;
  }

  async stop(): Promise<void> {
    for (const w of this.watches) w.dispose();
    await this.app?.shutdown();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Milliseconds since `t0`, for the printed timings. */
export const since = (t0: number) => Math.round(performance.now() - t0);
