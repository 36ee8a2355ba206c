// The log hub as the composition root sees it: other capabilities write through AppContext.logs, never import it.
export { LogHub } from './logHub.js';
export { registerLogs } from './register.js';
