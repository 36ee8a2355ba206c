// The built-in demo stack, started when no stack file is given.
export { startDemoStack } from './demoStack.js';
export type { ScriptLauncher, ScriptProcess, ScriptEnding } from './backend/scriptProcess.js';
