import type { AppContext } from '../core/appContext.js';

/** Scaffolding until cache hit rates land: the dashboards helper replaces this file. */
export function registerCache(_ctx: AppContext): void {}
