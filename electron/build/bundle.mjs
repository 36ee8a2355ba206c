// Bundles the Node side: Electron main and preload, the browser-mode server and launcher
// and the demo backend's child entry.
// A sandboxed preload must be one CommonJS file with nothing but 'electron' outside it.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  outExtension: { '.js': '.mjs' },
};

const started = Date.now();
const entries = [
  { ...node, entryPoints: { main: 'electron/main/main.ts' }, outdir: 'dist/electron', external: ['electron'] },
  { ...node, entryPoints: { serve: 'electron/serve.ts', launch: 'electron/launch.ts' }, outdir: 'dist/server' },
  {
    ...node,
    entryPoints: { preload: 'electron/main/preload.ts' },
    outdir: 'dist/electron',
    format: 'cjs',
    packages: undefined,
    external: ['electron'],
    outExtension: { '.js': '.cjs' },
    platform: 'browser',
  },
];
for (const child of ['electron/demo/backend/server.ts']) {
  if (existsSync(`${root}/${child}`)) entries.push({ ...node, entryPoints: { server: child }, outdir: 'dist/server', format: 'cjs', outExtension: { '.js': '.cjs' } });
}
await Promise.all(entries.map((options) => build(options)));
console.log(`bundled ${entries.length} Node entries in ${Date.now() - started} ms`);
