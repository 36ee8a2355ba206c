import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { StackInput } from '../base/stackFile/stack.js';
import type { LogWriter } from '../core/logWriter.js';
import { appRoot, unpackedPath } from '../base/appRoot.js';
import { startDemoBackend } from './backend/startDemoBackend.js';
import type { ScriptLauncher } from './backend/scriptProcess.js';
import { openDemoDirectory } from './demoDirectory.js';

export interface DemoStack {
  config: StackInput;
  demoDir: string;
  backendUrl: string;
  stop(): Promise<void>;
}

/**
 * The stack a new user sees when they have no stack file: a demo backend we
 * start on loopback, two real MCP servers from npm, one wrapper that fails the
 * way broken wrappers do (until its index file exists), and whatever
 * containers the local Docker engine has. `launchScript` runs the backend's
 * script (the Electron shell passes a utility-process launcher).
 */
export async function startDemoStack(logs: LogWriter, env: NodeJS.ProcessEnv = process.env, launchScript?: ScriptLauncher): Promise<DemoStack> {
  const directory = await openDemoDirectory(env);
  const demoDir = directory.path;
  let backend;
  try {
    backend = await startDemoBackend({ logs, ...(launchScript ? { launch: launchScript } : {}) });
  } catch (err) {
    await directory.remove();
    throw err;
  }
  const root = appRoot();
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
      // `node` from the user's PATH, as for any npm MCP server: the packaged app's binary does not run scripts as Node (RunAsNode fuse off).
      everything: { command: 'node', args: [serverScript('everything'), 'stdio'] },
      memory: { command: 'node', args: [serverScript('memory')], env: { MEMORY_FILE_PATH: join(demoDir, 'memory.jsonl') } },
      'search-index': {
        command: unpackedPath(join(root, 'electron/demo/wrappers/search-index.sh')),
        env: { SEARCH_INDEX: join(demoDir, 'search-index') },
        selfcheck: ['--selfcheck'],
      },
    },
  };
  const stop = async () => {
    await backend.stop();
    await directory.remove();
  };
  return { config, demoDir, backendUrl: backend.url, stop };
}

function serverScript(name: 'everything' | 'memory'): string {
  const require = createRequire(join(appRoot(), 'package.json'));
  const pkg = require.resolve(`@modelcontextprotocol/server-${name}/package.json`);
  return unpackedPath(join(dirname(pkg), 'dist/index.js'));
}
