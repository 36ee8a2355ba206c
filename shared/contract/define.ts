import type { z } from 'zod';

/**
 * A command is a request/response call from the renderer to main. Params are a
 * zod schema because main validates everything it receives; the result is a
 * plain type because main is the only one who produces it.
 */
export interface CommandDef<P extends z.ZodType = z.ZodType, R = unknown> {
  readonly params: P;
  /** Phantom field that carries the result type; never set at run time. */
  readonly __result?: R;
}

/** `command<Result>()(paramsSchema)`: curried so the result type is explicit and params are inferred. */
export function command<R>() {
  return <P extends z.ZodType>(params: P): CommandDef<P, R> => ({ params });
}

/**
 * How a stream coalesces between flushes (at most ~20 a second per client):
 * - state: every message is the whole state; only the latest is sent.
 * - append: items queue up to a bound; past it the oldest are dropped and counted.
 * Both start with one snapshot.
 */
export type TopicMode = 'state' | 'append';

export interface TopicDef<P extends z.ZodType = z.ZodType, S = unknown, I = never, M extends TopicMode = TopicMode> {
  readonly params: P;
  readonly mode: M;
  /** Its provider paces its own appends (terminal output: keystroke echoes): each goes out at once, not at the next flush. */
  readonly immediate?: boolean;
  /** How many units an item carries (a batch of log lines): a session bounds and budgets its queue by these, not by items. */
  readonly weigh?: (item: I) => number;
  readonly __snapshot?: S;
  readonly __item?: I;
}

/** A topic whose every update is the whole state (container list, MCP server states). */
export function stateTopic<S>() {
  return <P extends z.ZodType>(params: P): TopicDef<P, S, never, 'state'> => ({ params, mode: 'state' });
}

/** A topic that sends a snapshot, then appended items (samples, log lines); `immediate` when its provider paces them itself. */
export function appendTopic<S, I>(options: { immediate?: boolean; weigh?: (item: I) => number } = {}) {
  return <P extends z.ZodType>(params: P): TopicDef<P, S, I, 'append'> => ({
    params,
    mode: 'append',
    ...(options.immediate ? { immediate: true } : {}),
    ...(options.weigh ? { weigh: options.weigh } : {}),
  });
}
