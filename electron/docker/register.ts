import type { AppContext } from '../core/appContext.js';

/** Scaffolding until the Docker service lands: the containers helper replaces this file. */
export function registerDocker(_ctx: AppContext): void {}
