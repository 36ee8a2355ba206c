// MCP supervision as the composition root sees it.
export { registerMcp } from './register.js';
export type { McpWire, McpWireServer } from './mcpWire.js';
export type { McpSupervisor } from './supervisor.js';
