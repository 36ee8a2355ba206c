// Swarm as the composition root sees it: register it with the engines' clients the docker capability owns.
export { registerSwarm } from './register.js';
export type { SwarmEngines } from './swarmServices.js';
export type { SwarmApi } from './swarmApi.js';
