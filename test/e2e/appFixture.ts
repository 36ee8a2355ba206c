import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openPage, shot, startServer, type OpenedPage, type PageOptions, type RunningServer, type ServerOptions } from './harness.js';

export interface AppOptions extends ServerOptions, PageOptions {
  /** Where the page opens, e.g. '#/mcp'; the Overview without it. */
  at?: string;
}

/** Browser mode as one test file drives it: its server, one page opened with the token, screenshots, teardown. */
export interface App {
  readonly server: RunningServer;
  readonly page: Page;
  /** console.error messages and uncaught page errors, in order. */
  readonly consoleErrors: string[];
  /** Saves test/.artifacts/screenshots/<name>.png (of the whole page, or just `part`) and returns its path. */
  shot(name: string, part?: Locator): Promise<string>;
  /** Closes the page and stops the server, as quitting the app would; afterAll calls it too (twice is fine). */
  quit(): Promise<void>;
}

/**
 * Starts the server and opens the page before the describe's tests (after any
 * beforeAll registered above this call, so containers a stack needs can come
 * first) and quits after them; `options` may be a function for settings only
 * known once those hooks ran.
 */
export function useApp(options: AppOptions | (() => AppOptions) = {}): App {
  let server: RunningServer | undefined;
  let opened: OpenedPage | undefined;
  let quitting: Promise<void> | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the app's ${what} is not there: useApp starts it in beforeAll`);
    return value;
  };

  const app: App = {
    get server() {
      return started(server, 'server');
    },
    get page() {
      return started(opened, 'page').page;
    },
    get consoleErrors() {
      return started(opened, 'page').consoleErrors;
    },
    async shot(name, part) {
      const path = await shot(app.page, name);
      // the element alone replaces the whole page under the same name
      if (part) await part.screenshot({ path });
      return path;
    },
    quit() {
      quitting ??= (async () => {
        await opened?.close();
        await server?.stop();
      })();
      return quitting;
    },
  };

  beforeAll(async () => {
    const { at, viewport, permissions, initScript, ...serverOptions } = typeof options === 'function' ? options() : options;
    server = await startServer(serverOptions);
    opened = await openPage(`${server.url}${at ?? ''}`, { ...(viewport ? { viewport } : {}), ...(permissions ? { permissions } : {}), ...(initScript ? { initScript } : {}) });
  });
  afterAll(() => app.quit());
  return app;
}

/** A temp folder for one describe, removed after it (after the app has quit, as after-hooks run in reverse). */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
