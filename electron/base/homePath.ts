import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** "~/x" → "/home/me/x"; shells expand ~ only at the start of a word, so "--config=~/x" and include: entries need this. */
export function expandHome(path: string): string {
  if (path === '~') return homedir();
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(homedir(), path.slice(2));
  return path;
}

/** An operator-written path (~ allowed) resolved against the folder it was written relative to. */
export function resolveUserPath(path: string, relativeTo: string): string {
  const expanded = expandHome(path);
  return isAbsolute(expanded) ? expanded : resolve(relativeTo, expanded);
}
