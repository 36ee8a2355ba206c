// Compose as the composition root sees it: register it with the engines it runs against.
export { registerCompose } from './register.js';
export type { ComposeEngines } from './composeEngines.js';
export type { ComposeProjects } from './composeProjects.js';
