import { defineConfig } from 'vitest/config';

// End-to-end: the built app in Chromium through browser mode (and in Electron
// where its runtime exists). Needs `npm run build` first; `npm test` does that.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A browser and a server per file on a 2-core machine: one file at a time.
    fileParallelism: false,
    pool: 'forks',
  },
});
