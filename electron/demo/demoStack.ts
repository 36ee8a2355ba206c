import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import type { StackInput } from '../base/stackFile/stack.js';
import type { LogWriter } from '../core/logWriter.js';
import { appRoot, unpackedPath } from '../base/appRoot.js';
import { startDemoBackend } from './backend/startDemoBackend.js';

export interface DemoStack {
  config: StackInput;
  demoDir: string;
  backendUrl: string;
  stop(): Promise<void>;
}

/** SWITCHBOARD_DEMO_DIR, else one folder per user under the temp dir. */
export function demoDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.SWITCHBOARD_DEMO_DIR || join(tmpdir(), `switchboard-demo-${userInfo().username}`);
}

/**
 * The stack a new user sees when they have no stack file: a demo backend we
 * start on loopback, two real MCP servers from npm, one wrapper that fails the
 * way broken wrappers do (until its index file exists), and whatever
 * containers the local Docker engine has.
 */
export async function startDemoStack(logs: LogWriter, env: NodeJS.ProcessEnv = process.env): Promise<DemoStack> {
  const demoDir = demoDirectory(env);
  mkdirSync(demoDir, { recursive: true });
  const backend = await startDemoBackend({ logs });
  const root = appRoot();
  const node = nodeCommand();
  const config: StackInput = {
    name: 'demo',
    docker: {},
    probes: {
      'backend-health': {
        url: `${backend.url}/health`,
        every: '1s',
        timeout: '2s',
        slo: { p95: '100ms', availability: '99.9%' },
      },
    },
    cache: {
      backend: {
        prometheus: `${backend.url}/metrics`,
        hits: 'cache_hits_total',
        misses: 'cache_misses_total',
        target: '80%',
        every: '1s',
        window: '30s',
      },
    },
    mcpServers: {
      everything: { command: node.command, args: [serverScript('everything'), 'stdio'], env: node.env },
      memory: { command: node.command, args: [serverScript('memory')], env: { ...node.env, MEMORY_FILE_PATH: join(demoDir, 'memory.jsonl') } },
      'search-index': {
        command: unpackedPath(join(root, 'electron/demo/wrappers/search-index.sh')),
        env: { SEARCH_INDEX: join(demoDir, 'search-index') },
        selfcheck: ['--selfcheck'],
      },
    },
  };
  return { config, demoDir, backendUrl: backend.url, stop: () => backend.stop() };
}

function serverScript(name: 'everything' | 'memory'): string {
  const require = createRequire(join(appRoot(), 'package.json'));
  const pkg = require.resolve(`@modelcontextprotocol/server-${name}/package.json`);
  return unpackedPath(join(dirname(pkg), 'dist/index.js'));
}

/** Under Electron there may be no `node` on PATH, but Electron itself runs scripts as Node. */
function nodeCommand(): { command: string; env: Record<string, string> } {
  return process.versions.electron ? { command: process.execPath, env: { ELECTRON_RUN_AS_NODE: '1' } } : { command: 'node', env: {} };
}
