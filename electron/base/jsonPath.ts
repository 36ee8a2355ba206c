/** Reads "a.b.0.c" from a parsed JSON document (probe checks and JSON cache counters); undefined when any step is missing. */
export function readPath(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
