import type { ContainerSummary } from '../../shared/contract/containers.js';
import type { Disposable } from '../base/disposable.js';
import type { EngineEndpoint } from './projectDefinition.js';

/**
 * What compose needs of the Docker capability, handed in by the composition
 * root: where an engine is (for the tool's DOCKER_HOST), its containers (live,
 * from its event stream) and image ids. A shape, not the docker folder.
 */
export interface ComposeEngines {
  /** The engine's name and address; undefined name means the first engine. Throws when there is none of that name. */
  endpoint(engine?: string): EngineEndpoint & { name: string };
  containers(engine?: string): Iterable<ContainerSummary>;
  imageId(engine: string | undefined, ref: string): Promise<string | undefined>;
  /** Containers or engines changed. */
  onChange(listener: () => void): Disposable;
}
