import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { StackFileCheck, StackFileDraft, StackFileSaved } from '../../shared/contract/stackFileDraft.js';
import { SwitchboardError } from '../../shared/errors.js';
import type { AuditLog } from '../core/auditLog.js';
import { draftYaml } from './draftYaml.js';
import { selectContainers } from './engineSelection.js';
import { findMcpConfigs } from './findMcpConfigs.js';
import { httpPorts, portCandidates } from './httpPorts.js';
import type { RunningContainers } from './runningContainers.js';
import type { StackFiles } from './stackFiles.js';
import { writeStackFile } from './writeStackFile.js';

export interface StackFileDraftOptions {
  containers: RunningContainers;
  stackFiles: StackFiles;
  audit: AuditLog;
  platform: NodeJS.Platform;
  /** APPDATA and XDG_CONFIG_HOME: where the other apps keep their configs. */
  env: Readonly<Record<string, string | undefined>>;
  /** Read at each draft: the loader expands `~` from the same place. */
  home: () => string;
  /** Ask published ports whether they speak HTTP (on by default). */
  probePorts?: boolean;
}

/**
 * "Create stack.yaml from what is running": a draft from the engines'
 * containers, the ports that answer HTTP and the other apps' MCP configs;
 * the loader's verdict on an edited draft; and saving it where the app looks
 * for its stack file, then running on it.
 */
export class StackFileDrafts {
  constructor(private readonly options: StackFileDraftOptions) {}

  async create(): Promise<StackFileDraft> {
    const { containers, stackFiles, platform, env, home } = this.options;
    const path = stackFiles.nextPath();
    const projectDir = dirname(path);
    const views = containers.engines().map((engine) => ({ engine, all: [...engine.containers()] }));
    const engines = views.map(({ engine, all }) => selectContainers(engine, all));
    // 127.0.0.1 is the engine's own machine only for a local socket
    const local = views.filter(({ engine }) => engine.status === 'connected' && /^(unix|npipe):/.test(engine.address)).flatMap(({ all }) => all);
    const [probes, mcpConfigs] = await Promise.all([
      this.options.probePorts === false ? Promise.resolve([]) : httpPorts(portCandidates(local)),
      findMcpConfigs({ platform, env, home: home(), projectDir }, stackFiles),
    ]);
    const yaml = draftYaml({ name: basename(projectDir) || 'stack', engines, probes, mcpConfigs, writtenAt: new Date() });
    return {
      yaml,
      path,
      exists: await exists(path),
      engines: engines.map((e) => e.found),
      mcpConfigs,
      probes: probes.map((p) => p.probe),
      check: await stackFiles.check(yaml, path),
    };
  }

  check(yaml: string): Promise<StackFileCheck> {
    return this.options.stackFiles.check(yaml, this.options.stackFiles.nextPath());
  }

  /**
   * Only while the app runs on the built-in demo. Checked first: a draft the loader refuses is never
   * written. A file already at the path (made since the start) is replaced only when asked.
   */
  async save(yaml: string, replace: boolean): Promise<StackFileSaved> {
    const { stackFiles, audit } = this.options;
    const started = performance.now();
    const running = stackFiles.status();
    if (!running.isDemo) {
      throw new SwitchboardError('conflict', `Switchboard already runs on ${running.source}: edit that file (it reloads on save), or start without it to create a new one`);
    }
    const path = stackFiles.nextPath();
    const check = await stackFiles.check(yaml, path);
    if (check.problems.length > 0) return { outcome: 'problems', path, check };
    const written = await writeStackFile(path, yaml, { replace, scratchName: `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp` });
    if (written === 'exists') return { outcome: 'exists', path };
    audit.action({ action: replace ? 'replace stack file' : 'create stack file', target: path, outcome: 'done', durationMs: performance.now() - started });
    const config = await stackFiles.switchTo(path);
    return { outcome: 'saved', path, config };
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
