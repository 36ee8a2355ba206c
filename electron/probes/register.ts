import type { AppContext } from '../core/appContext.js';

/** Scaffolding until probes land: the dashboards helper replaces this file. */
export function registerProbes(_ctx: AppContext): void {}
