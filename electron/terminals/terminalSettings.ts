import type { TerminalsConfig } from '../base/stackFile/terminals.js';

/** How terminals start in one container, after the stack file's defaults and its per-container entry. */
export interface ContainerTerminalSettings {
  shell: string[];
  user?: string;
  workdir?: string;
  shells: Record<string, string[]>;
}

const defaultShells = ['bash', 'sh'];

function globMatches(glob: string, name: string): boolean {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`).test(name);
}

/** The settings for `container`: its exact name's entry wins over a matching glob's, both over the defaults. */
export function settingsFor(config: TerminalsConfig | undefined, container: string): ContainerTerminalSettings {
  const entries = Object.entries(config?.containers ?? {});
  const own = entries.find(([key]) => key === container)?.[1] ?? entries.find(([key]) => globMatches(key, container))?.[1];
  const user = own?.user ?? config?.user;
  const workdir = own?.workdir ?? config?.workdir;
  return {
    shell: own?.shell ?? config?.shell ?? defaultShells,
    ...(user ? { user } : {}),
    ...(workdir ? { workdir } : {}),
    shells: { ...config?.shells, ...own?.shells },
  };
}
