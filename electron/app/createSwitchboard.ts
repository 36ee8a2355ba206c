import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandRegistry } from '../core/commandRegistry.js';
import { DisposableStore, toAsyncDisposable } from '../base/disposable.js';
import { TopicRegistry } from '../core/topicRegistry.js';
import { capabilityContext, type AppServices } from '../core/appContext.js';
import { createAuditLog } from '../core/auditLog.js';
import { EventBus, SignalBus } from '../core/stackBus.js';
import { publishConfigEvents } from './configEvents.js';
import { ConfigStore, resolveConfigPath } from '../config/index.js';
import type { LogWriter } from '../core/logWriter.js';
import type { LogInput } from '../../shared/contract/logs.js';
import { LogHub, registerLogs } from '../logs/index.js';
import { registerDocker } from '../docker/index.js';
import { registerCompose } from '../compose/index.js';
import { composeEnginesOf } from './composeEngines.js';
import { registerSwarm } from '../swarm/index.js';
import { swarmEnginesOf } from './swarmEngines.js';
import { registerMcp } from '../mcp/index.js';
import { registerProbes } from '../probes/index.js';
import { registerBenchmark } from '../benchmark/index.js';
import { registerCache } from '../cache/index.js';
import { registerAlerts } from '../alerts/index.js';
import { defaultDataFolder, registerHistory, type HistoryService } from '../history/index.js';
import { registerTerminals } from '../terminals/index.js';
import { startDemoStack, type ScriptLauncher } from '../demo/index.js';
import { appRoot } from '../base/appRoot.js';
import { SecretMasker } from '../base/secrets/secretMasker.js';
import { registerAppCommands } from './registerAppCommands.js';
import { registerStackFileDraft } from '../stackFileDraft/index.js';
import { registerGateway } from '../gateway/index.js';
import { LoopbackGuard } from '../transport/loopbackGuard.js';
import { isLoopbackHost } from '../transport/bindPlan.js';
import { stackFilesOf } from './stackFileAccess.js';
import { sourceId } from '../../shared/sourceId.js';
import { HttpRoutes, type HttpRouteLookup } from '../core/httpRoutes.js';
import { prometheusHistoryFor, registerPrometheus } from '../prometheus/index.js';
import { startRouteListener } from '../transport/routeListener.js';

export interface SwitchboardOptions {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  mode: 'electron' | 'browser';
  /** How the demo runs its backend's Node script; the Electron shell passes a utility-process launcher. */
  launchScript?: ScriptLauncher;
  /** Where history databases go by default: Electron's userData; else $XDG_DATA_HOME/switchboard. */
  dataFolder?: string;
}

export interface Switchboard {
  commands: CommandRegistry;
  topics: TopicRegistry;
  logs: LogHub;
  /** Every stack event and signal the capabilities publish (tests and benches listen here too). */
  events: EventBus;
  signals: SignalBus;
  /** Capabilities' HTTP routes (/metrics) for browser mode's server, behind the same guard. */
  routes: HttpRouteLookup;
  /** The embedded store and what records into it. */
  history: HistoryService;
  /** Stops every server, stream and child process it started, newest first; safe to call twice. */
  shutdown(): Promise<void>;
}

/** The composition root: one place that builds every service and wires it to the contract. */
export async function createSwitchboard(options: SwitchboardOptions): Promise<Switchboard> {
  const disposables = new DisposableStore();
  const commands = new CommandRegistry();
  const topics = new TopicRegistry();
  // Lines written while the stack file loads wait here: the hub's caps come from that file.
  const early: LogInput[] = [];
  const earlyLogs: LogWriter = { write: (line) => void early.push({ ts: Date.now(), ...line }) };
  // One masker for the whole app: the config store teaches it the stack file's expanded ${VAR}s.
  const secrets = new SecretMasker();
  const earlyAudit = createAuditLog(earlyLogs, secrets);

  const pathInputs = { argv: options.argv, env: options.env, cwd: options.cwd };
  const where = resolveConfigPath(pathInputs);
  let demoDir: string | undefined;
  let config: ConfigStore;
  if ('path' in where) {
    config = await ConfigStore.open({ path: where.path }, { audit: earlyAudit, env: options.env, secrets });
  } else {
    const demo = await startDemoStack(earlyLogs, options.env, options.launchScript);
    demoDir = demo.demoDir;
    // Added first, so it stops last: the demo's MCP servers and probes talk to its backend.
    disposables.add(toAsyncDisposable(() => demo.stop()));
    config = await ConfigStore.open({ demo: demo.config, label: 'built-in demo stack', baseDir: demo.demoDir }, { audit: earlyAudit, env: options.env, secrets });
  }
  // The caps are read once: changing logs: in the stack file takes effect at the next start.
  const logs = disposables.add(new LogHub(config.current().logs));
  for (const line of early.splice(0)) logs.write(line);
  earlyLogs.write = (line) => logs.write(line);
  disposables.add(config);

  // A consumer that throws (history, alerts) is told in the log once per kind of failure, never breaks a publisher.
  const reportedFailures = new Set<string>();
  const listenerFailed = (bus: string) => (error: unknown) => {
    const text = `${bus} listener failed: ${error instanceof Error ? error.message : String(error)}`;
    if (reportedFailures.size < 100 && !reportedFailures.has(text)) {
      reportedFailures.add(text);
      logs.write({ source: sourceId.switchboard, stream: 'system', level: 'error', text: secrets.mask(text) });
    }
  };
  const events = new EventBus(secrets, listenerFailed('event'));
  const signals = new SignalBus(listenerFailed('signal'));
  const app: AppServices = { commands, topics, logs, audit: createAuditLog(logs, secrets, events), events, signals, secrets, config, mode: options.mode };
  app.audit.note(`stack "${config.status().stackName}" from ${config.status().source}`);
  disposables.add(publishConfigEvents(config, events));
  // Each capability gets its own store inside the app's: disposing the app disposes them newest first.
  const capability = () => capabilityContext(app, disposables);
  const prometheusSeries = prometheusHistoryFor(config.current().history);
  // Added before the capabilities, so it closes after them and records their last events.
  const history = registerHistory(capability(), {
    events,
    signals,
    evidence: { recent: (source, count) => logs.query({ sources: [source] }, count).map((l) => ({ ts: l.ts, stream: l.stream, text: l.text })) },
    dataFolder: options.dataFolder ?? defaultDataFolder(options.env),
    // history: { prometheus: URL } reads chart history from that server; chosen at start (a change takes a restart)
    ...(prometheusSeries ? { series: prometheusSeries } : {}),
  });
  registerAppCommands(capability(), config, { version: packageVersion(), mode: options.mode, platform: process.platform, ...(demoDir ? { demoDir } : {}) });
  registerLogs(capability(), logs, { env: options.env });
  // Before the publishers: the first states (servers starting, an engine that does not answer) are already seen.
  registerAlerts(capability(), { events, signals }, { env: options.env });
  // Before the capabilities that publish: the export sees their first events (an MCP server's start).
  const routes = new HttpRoutes();
  registerPrometheus(capability(), {
    signals,
    events,
    routes,
    listenOnLoopback: (port, lookup) => startRouteListener({ port, routes: lookup, onError: listenerFailed('metrics route') }),
  });
  const mcp = registerMcp(capability(), { env: options.env });
  // the gateway reuses browser mode's Host/Origin/token guard; added after MCP, so it closes before the servers stop
  registerGateway(capability(), mcp, { guard: (token, port, host, opts) => new LoopbackGuard(token, port, host, opts), isLoopbackHost });
  const docker = registerDocker(capability());
  registerCompose(capability(), composeEnginesOf(docker), { env: options.env });
  registerSwarm(capability(), swarmEnginesOf(docker));
  const probes = registerProbes(capability());
  registerBenchmark(capability(), probes);
  registerCache(capability());
  registerTerminals(capability(), docker);
  registerStackFileDraft(capability(), { containers: docker, stackFiles: stackFilesOf(config, pathInputs), env: options.env });

  return {
    commands,
    topics,
    logs,
    events,
    signals,
    routes,
    history,
    shutdown: () => disposables.disposeAsync(),
  };
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

