import { dirname, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ConfigProblem, ConfigStatus } from '../../shared/contract/app.js';
import type { ConfigSource } from '../core/appContext.js';
import type { Disposable } from '../base/disposable.js';
import { Emitter } from '../base/emitter.js';
import { discardAudit, type AuditLog } from '../core/auditLog.js';
import { ConfigWatcher } from './configWatcher.js';
import { describeProblem } from './describeProblem.js';
import type { Environment } from './expandVariables.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';
import { loadStackFile, stackFromObject, type StackLoad } from './loadStackFile.js';
import { stackSchema, type StackConfig, type StackInput } from '../base/stackFile/stack.js';

export type ConfigStoreSource =
  | { path: string }
  /** The built-in demo; `baseDir` is where its relative paths (wrapper scripts) resolve, default the working folder. */
  | { demo: StackInput; label: string; baseDir?: string };

export interface ConfigStoreOptions {
  /** Where ${VAR} comes from; default process.env. */
  env?: Environment;
  /** Every problem and include warning goes here as a line (the status carries only the first problem). */
  audit?: AuditLog;
  /** Quiet time after the last file event before reloading. */
  debounceMs?: number;
  /** Learns each good load's expanded ${VAR} values before anyone hears of the new config. */
  secrets?: SecretMasker;
}

/**
 * The stack config the app runs on. A file that is broken at start gives an
 * empty stack (the app runs on nothing and says why); a broken edit later
 * keeps the last good config and sets `status().problem`; a fixed edit clears
 * it. `changed` fires only when the config really differs.
 */
export class ConfigStore implements ConfigSource, Disposable {
  readonly changed = new Emitter<StackConfig>();
  readonly statusChanged = new Emitter<ConfigStatus>();

  private config: StackConfig = emptyStack();
  private currentStatus: ConfigStatus;
  private watcher: ConfigWatcher | undefined;
  private lastGoodFiles: string[] = [];
  private loaded = false;
  private running: Promise<ConfigStatus> | undefined;
  private rerun: Promise<ConfigStatus> | undefined;
  private disposed = false;
  private readonly audit: AuditLog;

  /** Loads once and starts watching the file and its includes. */
  static async open(source: ConfigStoreSource, options: ConfigStoreOptions = {}): Promise<ConfigStore> {
    const store = new ConfigStore(source, options);
    await store.reload();
    return store;
  }

  constructor(
    private source: ConfigStoreSource,
    private readonly options: ConfigStoreOptions = {},
  ) {
    this.audit = options.audit ?? discardAudit;
    this.currentStatus = {
      source: 'path' in source ? resolve(source.path) : source.label,
      isDemo: !('path' in source),
      stackName: this.config.name,
      loadedAt: 0,
    };
    if ('path' in source) this.watcher = new ConfigWatcher(() => void this.reload(), options.debounceMs ?? 150);
  }

  current(): StackConfig {
    return this.config;
  }

  baseDir(): string {
    if ('path' in this.source) return dirname(resolve(this.source.path));
    return this.source.baseDir ?? process.cwd();
  }

  status(): ConfigStatus {
    return this.currentStatus;
  }

  /** Reads the file again; calls made while a load runs share one follow-up load. */
  reload(): Promise<ConfigStatus> {
    if (!this.running) {
      this.running = this.load().finally(() => (this.running = undefined));
      return this.running;
    }
    this.rerun ??= this.running.then(() => {
      this.rerun = undefined;
      return this.reload();
    });
    return this.rerun;
  }

  /**
   * Runs on the stack file at `path` from now on (the demo's "Create stack.yaml"): loads it, watches it,
   * and tells every capability through `changed`, as an edit would. A broken file keeps the last good config.
   */
  switchTo(path: string): Promise<ConfigStatus> {
    if (this.disposed) return Promise.resolve(this.currentStatus);
    this.source = { path };
    this.currentStatus = { ...this.currentStatus, source: resolve(path), isDemo: false };
    this.watcher ??= new ConfigWatcher(() => void this.reload(), this.options.debounceMs ?? 150);
    return this.reload();
  }

  dispose(): void {
    this.disposed = true;
    this.watcher?.dispose();
    this.changed.dispose();
    this.statusChanged.dispose();
  }

  private async load(): Promise<ConfigStatus> {
    if (this.disposed) return this.currentStatus;
    const env = this.options.env ?? process.env;
    let result: StackLoad;
    try {
      result =
        'path' in this.source
          ? await loadStackFile(resolve(this.source.path), { env })
          : await stackFromObject(this.source.demo, this.source.label, this.baseDir(), { env });
    } catch (err) {
      // A reload started by the watcher has nobody to reject to: an unexpected failure becomes a problem on screen.
      const message = `could not load the stack: ${err instanceof Error ? err.message : String(err)}`;
      result = { ok: false, files: [], problems: [{ file: this.currentStatus.source, message }] };
    }
    if (this.disposed) return this.currentStatus;

    const first = !this.loaded;
    this.loaded = true;
    let configChanged = false;
    let status: ConfigStatus;
    if (result.ok) {
      configChanged = !isDeepStrictEqual(result.config, this.config);
      // Values from earlier loads stay known: a server of the old config may still be writing its last lines.
      this.options.secrets?.remember(result.secrets);
      if (configChanged || first) result.warnings.forEach((warning) => this.log('warn', warning));
      this.config = result.config;
      this.lastGoodFiles = result.files;
      status = this.statusWith(configChanged || first ? Date.now() : this.currentStatus.loadedAt);
    } else {
      if (!isDeepStrictEqual(result.problems[0], this.currentStatus.problem)) {
        result.problems.forEach((problem) => this.log('error', problem));
      }
      status = { ...this.statusWith(first ? Date.now() : this.currentStatus.loadedAt), problem: summarize(result.problems) };
    }
    // While broken, keep watching the last good includes too, so restoring one of them is noticed.
    this.watcher?.watch([...new Set([...result.files, ...this.lastGoodFiles])]);

    const statusChanged = !isDeepStrictEqual(status, this.currentStatus);
    this.currentStatus = status;
    if (configChanged) this.emit(this.changed, this.config);
    if (statusChanged) this.emit(this.statusChanged, status);
    return status;
  }

  private statusWith(loadedAt: number): ConfigStatus {
    const { problem: _cleared, ...rest } = this.currentStatus;
    return { ...rest, stackName: this.config.name, loadedAt };
  }

  /** A listener that throws must not stop the reload or the listeners after it from hearing about it. */
  private emit<T>(emitter: Emitter<T>, value: T): void {
    try {
      emitter.emit(value);
    } catch (err) {
      this.audit.note(`a config listener failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  }

  private log(level: 'warn' | 'error', problem: ConfigProblem): void {
    this.audit.note(`config: ${describeProblem(problem)}`, level);
  }
}

/** The status shows one problem; the count of the others sends the operator to the log for the rest. */
function summarize(problems: ConfigProblem[]): ConfigProblem {
  const [first, ...others] = problems;
  if (!first) return { file: '', message: 'the stack file could not be loaded' };
  if (others.length === 0) return first;
  return { ...first, message: `${first.message} (and ${others.length} more problem${others.length > 1 ? 's' : ''})` };
}

/** What the app runs on while the stack file has never loaded. */
export function emptyStack(): StackConfig {
  const { servers: _none, ...stack } = stackSchema.parse({});
  return stack;
}
