// Terminals as the composition root sees it: registered with the Docker service that runs their execs.
export { registerTerminals } from './register.js';
export type { TerminalDocker } from './terminalDocker.js';
