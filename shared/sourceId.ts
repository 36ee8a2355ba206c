/**
 * The names of log sources, built and read in one place by main and renderer:
 * "mcp:postgres", "container:sutazai-redis", "probe:backend-health",
 * "cache:backend", "engine:local", "alert:backend-slow", "test:firehose-1", and
 * "switchboard" for the app's own lines.
 * History and alerts key on these, so nobody spells them by hand.
 */
export const sourceKinds = ['mcp', 'container', 'probe', 'cache', 'engine', 'alert', 'test'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export type ParsedSourceId = { kind: 'switchboard' } | { kind: SourceKind; name: string };

const switchboard = 'switchboard';

export const sourceId = {
  /** Switchboard's own lines: actions, config reloads, server state changes. */
  switchboard,
  mcp: (name: string) => `mcp:${name}`,
  /** One per container name (not per engine yet): the hub and Docker's log history agree on it. */
  container: (name: string) => `container:${name}`,
  probe: (name: string) => `probe:${name}`,
  cache: (name: string) => `cache:${name}`,
  /** A Docker engine as a whole (reachable or not), by its name in the stack file ("local"). */
  engine: (name: string) => `engine:${name}`,
  /** An alert rule, by its name in the stack file or a built-in rule's name. */
  alert: (name: string) => `alert:${name}`,
  /** Synthetic lines for tests and benchmarks, named so nobody takes them for real output. */
  test: (name: string) => `test:${name}`,
};

/** The kind and name a source id stands for; undefined for an id no part of Switchboard writes. */
export function parseSourceId(id: string): ParsedSourceId | undefined {
  if (id === switchboard) return { kind: 'switchboard' };
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  const name = id.slice(colon + 1);
  if (colon <= 0 || name === '' || !(sourceKinds as readonly string[]).includes(kind)) return undefined;
  return { kind: kind as SourceKind, name };
}

/** The name in a source id of the given kind ("container:web" → "web"); undefined for any other id. */
export function nameInSource(id: string, kind: SourceKind): string | undefined {
  const parsed = parseSourceId(id);
  return parsed?.kind === kind ? parsed.name : undefined;
}
