import type { ContainerSummary } from '../../shared/contract/containers.js';
import { SwitchboardError } from '../../shared/errors.js';

/** The shortest id prefix taken as naming a container: what `docker ps` shows, and too long to hit another by chance. */
export const minIdPrefix = 12;

/**
 * The container an operator's id names: the full id, the exact name, or a
 * prefix of the id at least 12 characters long that no other container shares.
 * undefined when nothing matches; a shorter or shared prefix is refused with
 * invalid_params, because acting on whichever container came first is worse
 * than asking (a one-letter id with force would remove an arbitrary one).
 */
export function matchContainer(containers: ReadonlyMap<string, ContainerSummary>, idOrName: string, engine: string): ContainerSummary | undefined {
  const exact = containers.get(idOrName);
  if (exact) return exact;
  let found: ContainerSummary | undefined;
  let prefixed = 0;
  for (const c of containers.values()) {
    if (c.name === idOrName) return c;
    if (c.id.startsWith(idOrName)) {
      found = c;
      prefixed++;
    }
  }
  if (prefixed === 0) return undefined;
  if (idOrName.length < minIdPrefix) {
    throw new SwitchboardError('invalid_params', `container id "${idOrName}" is too short to be sure which container it means: give the full id, at least its first ${minIdPrefix} characters, or the name`);
  }
  if (prefixed > 1) {
    throw new SwitchboardError('invalid_params', `container id "${idOrName}" is the start of ${prefixed} container ids on engine ${engine}: give more of it, or the name`);
  }
  return found;
}
