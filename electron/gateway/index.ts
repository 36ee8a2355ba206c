// The MCP gateway as the composition root sees it: registered with the MCP supervisor's children and the browser-mode guard.
export { registerGateway } from './register.js';
export type { GatewayChildren } from './gatewayChildren.js';
export type { GuardFactory, LoopbackChecks } from './requestGate.js';
