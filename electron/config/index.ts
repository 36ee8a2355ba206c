// The stack file as the composition root sees it: where it is, and the store that loads, validates and watches it.
export { ConfigStore } from './configStore.js';
export { resolveConfigPath } from './resolveConfigPath.js';
export { describeProblem } from './describeProblem.js';
