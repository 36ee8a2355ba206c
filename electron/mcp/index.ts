// MCP supervision as the composition root sees it.
export { registerMcp } from './register.js';
