import type { LogLevel, LogLine, LogStream } from '../../shared/contract/logs.js';

/** The part of the `logs` topic's params that chooses lines. Absent or empty lists mean "all". */
export interface LineFilter {
  sources?: string[] | undefined;
  streams?: LogStream[] | undefined;
  levels?: LogLevel[] | undefined;
}

export interface CompiledFilter {
  /** Whether any line of this source can match (lets a query skip whole rings). */
  source(source: string): boolean;
  line(line: LogLine): boolean;
  /** The streams and levels wanted, or undefined for all: lets the hub test its columns without building a line. */
  streams: ReadonlySet<LogStream> | undefined;
  levels: ReadonlySet<LogLevel> | undefined;
}

/**
 * Turns a filter into two cheap predicates. A source entry ending in "*" is a
 * prefix ("container:*" = every container), so a screen can follow a kind of
 * source, including ones that appear later.
 */
export function compileFilter(filter: LineFilter): CompiledFilter {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const s of filter.sources ?? []) {
    if (s.endsWith('*')) prefixes.push(s.slice(0, -1));
    else exact.add(s);
  }
  const allSources = exact.size === 0 && prefixes.length === 0;
  const streams = filter.streams?.length ? new Set(filter.streams) : undefined;
  const levels = filter.levels?.length ? new Set(filter.levels) : undefined;
  // Memoised per source id: the source test runs for every live line.
  const known = new Map<string, boolean>();
  const source = (id: string): boolean => {
    if (allSources) return true;
    let ok = known.get(id);
    if (ok === undefined) {
      ok = exact.has(id) || prefixes.some((p) => id.startsWith(p));
      known.set(id, ok);
    }
    return ok;
  };
  return {
    source,
    streams,
    levels,
    line: (l) => source(l.source) && (!streams || streams.has(l.stream)) && (!levels || levels.has(l.level)),
  };
}
