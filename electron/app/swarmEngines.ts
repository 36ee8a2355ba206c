import type { registerDocker } from '../docker/index.js';
import type { SwarmApi, SwarmEngines } from '../swarm/index.js';

type DockerService = ReturnType<typeof registerDocker>;

/** The docker capability's engines as swarm asks for them: each one's client (the same connection), and its `swarm:` setting. */
export function swarmEnginesOf(docker: DockerService): SwarmEngines {
  return {
    // dockerode's Docker has every call SwarmApi names (listServices, getService … modem.demuxStream).
    list: () => docker.engines().map((e) => ({ name: e.name, swarm: e.swarm, api: e.engineClient() as SwarmApi })),
    onReset: (listener) => docker.reset.on(listener),
  };
}
