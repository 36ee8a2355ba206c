// The probes capability as the composition root sees it; other capabilities receive its ProbeLookup, never import it.
export { registerProbes } from './register.js';
export type { ProbeLookup } from './probeLookup.js';
