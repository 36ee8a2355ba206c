import { dirname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ComposeAction, ComposeOperation, ComposeProject, ComposeRunResult, ComposeState, ComposeTool } from '../../shared/contract/compose.js';
import { SwitchboardError } from '../../shared/errors.js';
import { sourceId } from '../../shared/sourceId.js';
import { DisposableStore, type AsyncDisposable, type Disposable } from '../base/disposable.js';
import { CoalescedChange } from '../base/coalescedChange.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';
import type { ComposeProjectConfig } from '../base/stackFile/compose.js';
import type { AuditLog } from '../core/auditLog.js';
import type { LogWriter } from '../core/logWriter.js';
import type { ComposeEngines } from './composeEngines.js';
import { findComposeTool, type ToolCommand } from './composeTool.js';
import { watchFiles } from './fileWatch.js';
import { OperationOutput } from './operationOutput.js';
import { composeArgs, composeEnv, projectDefinition, stackDeployArgs, type ProjectDefinition } from './projectDefinition.js';
import { servicesOf, type DefinedService } from './serviceModel.js';
import { startTool, runToEnd, type RunningTool } from './toolProcess.js';
import { builtImageName, parseServiceHashes, toolWords } from './toolOutput.js';
import { envFileValues } from './envFile.js';

interface Known {
  definition: ProjectDefinition;
  services: DefinedService[];
  imageIds: Map<string, string>;
  error?: string;
  running?: RunningTool;
  watch: Disposable;
}

export interface ComposeOptions {
  env: NodeJS.ProcessEnv;
  logs: LogWriter;
  audit: AuditLog;
  secrets: SecretMasker;
}

/**
 * The stack file's compose projects, run with the real compose tool: what each
 * defines (read from `config`), next to the engine's containers, and the
 * operations Up, Down, Pull, Build, Restart (and stack deploy) with their output.
 */
export class ComposeProjects implements AsyncDisposable {
  readonly changed = new CoalescedChange();
  readonly output = new OperationOutput();
  private tool: ComposeTool = { found: false, install: 'looking for the compose tool…' };
  private command: ToolCommand | undefined;
  private projects = new Map<string, Known>();
  private readonly disposables = new DisposableStore();
  private nextOperation = 1;
  private configKey = '';

  constructor(
    private readonly engines: ComposeEngines,
    private readonly opts: ComposeOptions,
  ) {
    this.disposables.add(engines.onChange(() => this.changed.schedule()));
  }

  /** Applies the stack file's `docker.compose` list; re-reads the projects only when it changed. */
  async configure(entries: ComposeProjectConfig[], baseDir: string): Promise<void> {
    const definitions = entries.map((e) => projectDefinition(e, baseDir));
    const key = JSON.stringify(definitions);
    if (key === this.configKey) return;
    this.configKey = key;
    for (const known of this.projects.values()) known.watch.dispose();
    this.projects = new Map();
    for (const definition of definitions) {
      if (this.projects.has(definition.name)) continue;
      const watch = watchFiles([...definition.files, ...(definition.envFile ? [definition.envFile] : [])], () => void this.read(definition.name));
      this.projects.set(definition.name, { definition, services: [], imageIds: new Map(), watch });
    }
    // No project, no tool to look for: an app without compose starts no compose process.
    if (this.projects.size === 0) return this.changed.schedule();
    await this.refresh();
  }

  /** Finds the tool again and re-reads every project's files. */
  async refresh(): Promise<ComposeState> {
    const found = await findComposeTool(this.opts.env);
    this.tool = found.tool;
    this.command = found.command;
    if (found.tool.found) this.opts.audit.note(`compose tool: ${found.tool.command} ${found.tool.version}`);
    await Promise.all([...this.projects.keys()].map((name) => this.read(name)));
    this.changed.schedule();
    return this.state();
  }

  state(): ComposeState {
    const projects: ComposeProject[] = [];
    for (const { definition, services, imageIds, error } of this.projects.values()) {
      const project: ComposeProject = {
        name: definition.name,
        engine: this.engineName(definition),
        files: definition.files,
        profiles: definition.profiles,
        services: [],
      };
      if (definition.envFile) project.envFile = definition.envFile;
      const operation = this.output.operation(definition.name);
      if (operation) project.operation = operation;
      if (error) project.error = error;
      try {
        project.services = servicesOf(definition.name, services, this.engines.containers(definition.engine), imageIds);
      } catch (err) {
        project.error ??= (err as Error).message;
      }
      projects.push(project);
    }
    return { tool: this.tool, projects };
  }

  /** The resolved config, as `compose config` prints it. */
  async resolvedConfig(name: string): Promise<{ yaml: string; commandLine: string }> {
    const { definition } = this.known(name);
    const { command, args, env } = this.invocation(definition, ['config']);
    const run = await runToEnd(command, args, { env, timeoutMs: 60_000 });
    if (run.code !== 0) throw new SwitchboardError('invalid_params', this.opts.secrets.mask(toolWords(run.stderr, run.stdout)));
    return { yaml: this.opts.secrets.mask(run.stdout), commandLine: this.opts.secrets.mask([command, ...args].join(' ')) };
  }

  /** Runs one operation to its end, streaming its output; fails with the tool's own last lines. */
  async run(name: string, action: ComposeAction | 'deploy', options: { services?: string[]; removeVolumes?: boolean } = {}): Promise<ComposeRunResult> {
    const known = this.known(name);
    if (known.running) throw new SwitchboardError('conflict', `compose project ${name} is busy with ${this.output.operation(name)?.action}; wait for it or cancel it`);
    const services = options.services ?? [];
    const { command, args, env } = action === 'deploy' ? this.deployInvocation(known.definition) : this.invocation(known.definition, subcommand(action, services, options.removeVolumes ?? false));
    const operation: ComposeOperation = { id: this.nextOperation++, action, services, commandLine: this.opts.secrets.mask([command, ...args].join(' ')), startedAt: Date.now() };
    const source = sourceId.compose(name);
    const target = services.length ? `${source} (${services.join(', ')})` : source;
    this.output.begin(name, operation);
    const say = (stream: 'stdout' | 'stderr' | 'switchboard', text: string) => {
      const masked = this.opts.secrets.mask(text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, ''));
      this.output.add(name, { operation: operation.id, stream, text: masked, ts: Date.now() });
      if (stream !== 'switchboard') this.opts.logs.write({ source, stream, text: masked });
    };
    say('switchboard', `$ ${operation.commandLine}`);
    this.opts.audit.action({ action: `compose ${action}`, target, outcome: 'requested' });
    known.running = startTool(command, args, { env, cwd: dirname(known.definition.files[0]!), onLine: say });
    this.changed.schedule();
    const run = await known.running.done;
    known.running = undefined;
    operation.finishedAt = Date.now();
    operation.durationMs = operation.finishedAt - operation.startedAt;
    // Containers follow from the engine's events; the files are read again (image ids after Pull or Build) without holding up the result.
    void this.read(name);
    if (run.code === 0 && !run.cancelled) {
      operation.outcome = 'done';
      const message = this.opts.audit.action({ action: `compose ${action}`, target, outcome: 'done', durationMs: operation.durationMs });
      say('switchboard', message);
      this.changed.schedule();
      return { ok: true, durationMs: operation.durationMs, message };
    }
    operation.outcome = run.cancelled ? 'cancelled' : 'failed';
    const words = this.opts.secrets.mask(toolWords(run.stderr, run.stdout));
    operation.error = run.cancelled ? 'cancelled by the operator' : words || `exit code ${run.code}`;
    const detail = run.cancelled ? 'cancelled' : `${command === 'docker' && action === 'deploy' ? 'docker stack deploy' : this.toolName()} exited ${run.code}: ${operation.error}`;
    say('switchboard', this.opts.audit.action({ action: `compose ${action}`, target, outcome: 'failed', durationMs: operation.durationMs, detail }));
    this.changed.schedule();
    throw new SwitchboardError(run.cancelled ? 'conflict' : 'internal', `${action} of compose project ${name} ${detail}`);
  }

  /** Stops a project's running operation the way Ctrl-C would; false when nothing runs. */
  cancel(name: string): boolean {
    const known = this.known(name);
    if (!known.running) return false;
    known.running.cancel();
    return true;
  }

  /**
   * Reads what a project defines: `config --hash '*'` for the active services and their hashes, `config` for their images.
   * Never rejects: it runs in the background (file watches, after an operation), so what goes wrong is the project's error.
   */
  private async read(name: string): Promise<void> {
    const known = this.projects.get(name);
    if (!known) return;
    try {
      await this.readInto(known);
    } catch (err) {
      known.error = this.opts.secrets.mask(err instanceof Error ? err.message : String(err));
      this.changed.schedule();
    }
  }

  private async readInto(known: Known): Promise<void> {
    const name = known.definition.name;
    if (!this.command) {
      if (!this.tool.found) known.error = this.tool.install;
      return;
    }
    const hashes = this.invocation(known.definition, ['config', '--hash', '*']);
    const config = this.invocation(known.definition, ['config']);
    const [hashRun, configRun] = await Promise.all([runToEnd(hashes.command, hashes.args, { env: hashes.env, timeoutMs: 60_000 }), runToEnd(config.command, config.args, { env: config.env, timeoutMs: 60_000 })]);
    if (hashRun.code !== 0 || configRun.code !== 0) {
      known.error = this.opts.secrets.mask(toolWords(hashRun.stderr || configRun.stderr, hashRun.stdout));
      this.changed.schedule();
      return;
    }
    const resolved = (parseYaml(configRun.stdout) ?? {}) as { services?: Record<string, { image?: string; build?: unknown }> };
    const services: DefinedService[] = [];
    for (const [service, hash] of parseServiceHashes(hashRun.stdout)) {
      const def = resolved.services?.[service] ?? {};
      services.push({ name: service, hash, image: def.image ?? builtImageName(this.command.kind, name, service), builds: def.build !== undefined });
    }
    known.services = services;
    delete known.error;
    known.imageIds = await this.imageIds(known.definition, services);
    this.changed.schedule();
  }

  private async imageIds(definition: ProjectDefinition, services: DefinedService[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const image of new Set(services.map((s) => s.image))) {
      const id = await this.engines.imageId(definition.engine, image).catch(() => undefined);
      if (id) ids.set(image, id);
    }
    return ids;
  }

  private invocation(definition: ProjectDefinition, sub: string[]) {
    if (!this.command) throw new SwitchboardError('unavailable', this.tool.found ? 'the compose tool is not ready' : this.tool.install);
    const endpoint = this.engines.endpoint(definition.engine);
    return { command: this.command.executable, args: composeArgs(this.command, definition, sub), env: composeEnv(this.opts.env, endpoint) };
  }

  /** `docker stack deploy` reads no env file: its variables come from the environment, so the env file's go there. */
  private deployInvocation(definition: ProjectDefinition) {
    const endpoint = this.engines.endpoint(definition.engine);
    const env = composeEnv({ ...this.opts.env, ...(definition.envFile ? envFileValues(definition.envFile) : {}) }, endpoint);
    return { command: 'docker', args: stackDeployArgs(definition), env };
  }

  private toolName(): string {
    return this.tool.found ? this.tool.command : 'compose';
  }

  private engineName(definition: ProjectDefinition): string {
    try {
      return this.engines.endpoint(definition.engine).name;
    } catch {
      return definition.engine ?? '';
    }
  }

  private known(name: string): Known {
    const known = this.projects.get(name);
    if (!known) throw new SwitchboardError('not_found', `no compose project "${name}" in the stack file's docker.compose`);
    return known;
  }

  dispose(): void {
    void this.disposeAsync();
  }

  async disposeAsync(): Promise<void> {
    const running = [...this.projects.values()].map((k) => k.running?.disposeAsync());
    for (const known of this.projects.values()) known.watch.dispose();
    await Promise.all(running);
    this.disposables.dispose();
    this.output.dispose();
    this.changed.dispose();
  }
}

function subcommand(action: ComposeAction, services: string[], removeVolumes: boolean): string[] {
  switch (action) {
    case 'up':
      return ['up', '-d', ...services];
    case 'down':
      return removeVolumes ? ['down', '--volumes'] : ['down'];
    default:
      return [action, ...services];
  }
}
