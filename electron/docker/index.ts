// Docker as the composition root sees it; nothing outside electron/docker/ imports dockerode (swarm receives an engine's client, typed by its own interface).
export { registerDocker } from './register.js';
