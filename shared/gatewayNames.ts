/**
 * A server exposed through the MCP gateway with `replicas: N` runs as N
 * supervised servers: its own name, then "name#2" … "name#N". Main and the
 * MCP screen both read replica names through these.
 */
export function replicaNames(name: string, replicas: number): string[] {
  return Array.from({ length: Math.max(1, replicas) }, (_, i) => (i === 0 ? name : `${name}#${i + 1}`));
}

/** The server a replica belongs to ("postgres#2" → "postgres"); a plain name is its own. */
export function replicaOf(name: string): string {
  const hash = name.lastIndexOf('#');
  return hash > 0 && /^\d+$/.test(name.slice(hash + 1)) ? name.slice(0, hash) : name;
}
