// "Create stack.yaml from what is running", as the composition root sees it: registered with the containers and stack-file services it reads.
export { registerStackFileDraft } from './register.js';
export type { RunningContainers } from './runningContainers.js';
export type { StackFiles } from './stackFiles.js';
