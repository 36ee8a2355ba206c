import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandRegistry } from '../core/commandRegistry.js';
import { DisposableStore } from '../base/disposable.js';
import { TopicRegistry } from '../core/topicRegistry.js';
import type { AppContext } from '../core/appContext.js';
import { ConfigStore } from '../config/configStore.js';
import { resolveConfigPath } from '../config/resolveConfigPath.js';
import { describeProblem } from '../config/describeProblem.js';
import { LogHub } from '../logs/logHub.js';
import type { LogWriter } from '../core/logWriter.js';
import type { LogInput } from '../../shared/contract/logs.js';
import { registerLogs } from '../logs/register.js';
import { registerDocker } from '../docker/register.js';
import { registerMcp } from '../mcp/register.js';
import { registerProbes } from '../probes/index.js';
import { registerBenchmark } from '../benchmark/index.js';
import { registerCache } from '../cache/register.js';
import { startDemoStack } from '../demo/demoStack.js';
import { appRoot } from '../base/appRoot.js';
import { registerAppCommands } from './registerAppCommands.js';

export interface SwitchboardOptions {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  mode: 'electron' | 'browser';
}

export interface Switchboard {
  commands: CommandRegistry;
  topics: TopicRegistry;
  logs: LogHub;
  /** Stops every server, stream and child process it started; safe to call twice. */
  shutdown(): Promise<void>;
}

/** The composition root: one place that builds every service and wires it to the contract. */
export async function createSwitchboard(options: SwitchboardOptions): Promise<Switchboard> {
  const disposables = new DisposableStore();
  const quitTasks: (() => Promise<void>)[] = [];
  const commands = new CommandRegistry();
  const topics = new TopicRegistry();
  // Lines written while the stack file loads wait here: the hub's caps come from that file.
  const early: LogInput[] = [];
  const earlyLogs: LogWriter = { write: (line) => void early.push({ ts: Date.now(), ...line }) };

  const where = resolveConfigPath({ argv: options.argv, env: options.env, cwd: options.cwd });
  let demoDir: string | undefined;
  let config: ConfigStore;
  if ('path' in where) {
    config = await ConfigStore.open({ path: where.path }, { logs: earlyLogs });
  } else {
    const demo = await startDemoStack(earlyLogs, options.env);
    demoDir = demo.demoDir;
    quitTasks.push(() => demo.stop());
    config = await ConfigStore.open({ demo: demo.config, label: 'built-in demo stack', baseDir: demo.demoDir }, { logs: earlyLogs });
  }
  // The caps are read once: changing logs: in the stack file takes effect at the next start.
  const logs = disposables.add(new LogHub(config.current().logs));
  for (const line of early.splice(0)) logs.write(line);
  earlyLogs.write = (line) => logs.write(line);
  disposables.add(config);
  logs.write({ source: 'switchboard', stream: 'system', level: 'info', text: `stack "${config.status().stackName}" from ${config.status().source}` });
  config.statusChanged.on((status) => {
    logs.write(
      status.problem
        ? { source: 'switchboard', stream: 'system', level: 'error', text: `config problem: ${describeProblem(status.problem)} — keeping the last good config` }
        : { source: 'switchboard', stream: 'system', level: 'info', text: `config reloaded from ${status.source}` },
    );
  });

  const ctx: AppContext = {
    commands,
    topics,
    logs,
    config,
    disposables,
    mode: options.mode,
    beforeQuit: (task) => quitTasks.push(task),
  };
  registerAppCommands(ctx, config, { version: packageVersion(), mode: options.mode, platform: process.platform, ...(demoDir ? { demoDir } : {}) });
  registerLogs(ctx, logs);
  registerMcp(ctx);
  registerDocker(ctx);
  const probes = registerProbes(ctx);
  registerBenchmark(ctx, probes);
  registerCache(ctx);

  let stopping: Promise<void> | undefined;
  return {
    commands,
    topics,
    logs,
    shutdown() {
      stopping ??= (async () => {
        await Promise.allSettled(quitTasks.map((task) => task()));
        disposables.dispose();
      })();
      return stopping;
    },
  };
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

