import type { AppContext } from '../core/appContext.js';

/** Scaffolding until the MCP supervisor lands: the MCP helper replaces this file. */
export function registerMcp(_ctx: AppContext): void {}
