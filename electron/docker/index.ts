// Docker as the composition root sees it; nothing outside electron/docker/ touches dockerode objects.
export { registerDocker } from './register.js';
