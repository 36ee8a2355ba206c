// The stack file as the composition root sees it: where it is, and the store that loads, validates and watches it.
export { ConfigStore } from './configStore.js';
export { resolveConfigPath, type ConfigPathInputs } from './resolveConfigPath.js';
export { loadStackText, type StackLoad } from './loadStackFile.js';
export { describeProblem } from './describeProblem.js';
