import type { Disposable } from '../base/disposable.js';
import type { ComposeEngines } from '../compose/index.js';
import type { registerDocker } from '../docker/index.js';

type DockerService = ReturnType<typeof registerDocker>;

/** The docker capability's engines in the shape compose asks for: their addresses, live containers and image ids. */
export function composeEnginesOf(docker: DockerService): ComposeEngines {
  return {
    endpoint(name) {
      const engine = docker.engine(name);
      return { name: engine.name, host: engine.address, ...(engine.tls ? { tls: engine.tls } : {}) };
    },
    containers: (name) => docker.engine(name).containers(),
    // async: an engine that is gone (not configured any more) is a rejection the caller's .catch sees, not a throw
    imageId: async (name, ref) => docker.engine(name).imageId(ref),
    onChange: (listener): Disposable => docker.changed.on(listener),
  };
}
