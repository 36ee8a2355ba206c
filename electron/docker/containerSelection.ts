import type { EngineConfig } from '../base/stackFile/docker.js';

export const projectLabel = 'com.docker.compose.project';
export const serviceLabel = 'com.docker.compose.service';

export interface Selectable {
  name: string;
  labels: Record<string, string>;
}

/**
 * Which containers belong to the stack. A container is in when it matches any
 * of the configured selectors (project, a name glob, or all of the labels);
 * with no selector at all, every container of the engine is in.
 */
export function createSelection(cfg: Pick<EngineConfig, 'project' | 'containers' | 'labels'>): (c: Selectable) => boolean {
  const globs = (cfg.containers ?? []).map(globToRegExp);
  const labels = Object.entries(cfg.labels ?? {});
  if (!cfg.project && globs.length === 0 && labels.length === 0) return () => true;
  return (c) => {
    if (cfg.project && c.labels[projectLabel] === cfg.project) return true;
    if (globs.some((re) => re.test(c.name))) return true;
    if (labels.length > 0 && labels.every(([k, v]) => k in c.labels && (v === '' || c.labels[k] === v))) return true;
    return false;
  };
}

/** "sutazai-*" → /^sutazai-.*$/ ; `?` is one character; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
