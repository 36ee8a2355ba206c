import { randomUUID } from 'node:crypto';
import type { TerminalChoices, TerminalInfo, TerminalsState } from '../../shared/contract/terminals.js';
import { formatElapsed } from '../../shared/elapsed.js';
import { SwitchboardError } from '../../shared/errors.js';
import { sourceId } from '../../shared/sourceId.js';
import type { AsyncDisposable } from '../base/disposable.js';
import { CoalescedChange } from '../base/coalescedChange.js';
import type { TerminalsConfig } from '../base/stackFile/terminals.js';
import type { AuditLog } from '../core/auditLog.js';
import { dockerExecCommand } from './dockerCommandLine.js';
import { planExec, type TerminalRequest } from './execPlan.js';
import { serviceChoices } from './serviceShells.js';
import { defaultSessionLimits, TerminalSession, type SessionLimits } from './terminalSession.js';
import type { TerminalDocker } from './terminalDocker.js';
import { settingsFor } from './terminalSettings.js';

export interface OpenRequest extends TerminalRequest {
  engine?: string | undefined;
  container: string;
  name?: string | undefined;
  cols: number;
  rows: number;
}

/** More would be a runaway script, not an operator. */
const maxSessions = 32;

/**
 * The open terminals: started, listed, named and ended here. Sessions outlive
 * the screens that show them; quitting the app (disposing this) ends every
 * one of their processes.
 */
export class TerminalService implements AsyncDisposable {
  /** The list changed (coalesced to once per turn of the event loop). */
  readonly changed = new CoalescedChange();
  private readonly sessions = new Map<string, TerminalSession>();
  private disposed = false;

  constructor(
    private readonly docker: TerminalDocker,
    private readonly audit: AuditLog,
    private config: TerminalsConfig | undefined,
    private readonly limits: SessionLimits = defaultSessionLimits,
  ) {}

  configure(config: TerminalsConfig | undefined): void {
    this.config = config;
  }

  state(): TerminalsState {
    return { sessions: [...this.sessions.values()].map((s) => ({ ...s.info })) };
  }

  session(id: string): TerminalSession {
    const session = this.sessions.get(id);
    if (!session) throw new SwitchboardError('not_found', `no terminal session ${id} (it was closed)`);
    return session;
  }

  async choices(target: { engine?: string | undefined; container: string }): Promise<TerminalChoices> {
    const ref = { engine: target.engine, id: target.container };
    const found = this.docker.execTarget(ref);
    const settings = settingsFor(this.config, found.name);
    const facts = await this.docker.execFacts(ref);
    return { services: serviceChoices(facts, settings.shells), running: found.running };
  }

  async open(request: OpenRequest): Promise<TerminalInfo> {
    if (this.disposed) throw new SwitchboardError('unavailable', 'Switchboard is quitting');
    if (this.sessions.size >= maxSessions) throw new SwitchboardError('conflict', `${maxSessions} terminals are open: close one first`);
    const ref = { engine: request.engine, id: request.container };
    const found = this.docker.execTarget(ref);
    const settings = settingsFor(this.config, found.name);
    const facts = await this.docker.execFacts(ref);
    const plan = planExec(request, settings, facts);
    // The audit line names who runs it: the one asked for, else the container's own.
    const user = plan.user ?? facts.user;
    const target = { engine: found.engine, id: found.id };
    const systemCommand = (program: string) =>
      dockerExecCommand({ address: found.address, container: found.name, user: plan.user, workdir: plan.workdir, args: plan.systemArgs ?? [program] });
    const label = sourceId.container(found.name);
    const who = ` as ${user}${plan.workdir ? ` in ${plan.workdir}` : ''}`;
    let process;
    try {
      process = await this.docker.exec(target, { cmd: plan.cmd, tty: true, env: plan.env, ...(plan.user ? { user: plan.user } : {}), ...(plan.workdir ? { workdir: plan.workdir } : {}) });
    } catch (err) {
      this.audit.action({ action: 'terminal', target: label, outcome: 'failed', detail: `${plan.command}${who}: ${(err as Error).message}` });
      throw err;
    }
    const defaultName = this.uniqueName(request.name ?? `${found.name} · ${plan.command}`);
    const info: TerminalInfo = {
      id: randomUUID(),
      name: defaultName,
      engine: found.engine,
      containerId: found.id,
      container: found.name,
      command: plan.command,
      kind: plan.kind,
      user,
      ...(plan.workdir ? { workdir: plan.workdir } : {}),
      startedAt: Date.now(),
      state: 'running',
      cols: request.cols,
      rows: request.rows,
      // Until the exec says which shell it found, sh: every container with a shell has it.
      dockerCommand: systemCommand('sh'),
    };
    const session = new TerminalSession(info, process, target, this.docker, this.limits, (program) => {
      if (info.kind !== 'shell') return;
      // "web · bash or sh" becomes "web · sh" once the exec says which it found, unless the operator named it.
      if (!request.name && info.name === defaultName) info.name = this.uniqueName(`${found.name} · ${program}`, info.id);
      info.command = program;
      info.dockerCommand = systemCommand(program);
    });
    this.sessions.set(info.id, session);
    session.changed.on(() => this.changed.schedule());
    await session.resize(request.cols, request.rows).catch(() => undefined);
    this.audit.action({ action: 'terminal', target: label, outcome: 'done', detail: `opened: ${plan.command}${who}` });
    this.changed.schedule();
    return { ...info };
  }

  /** Ends the session's processes and forgets it; false when there was no such session. */
  async close(id: string): Promise<boolean> {
    const session = this.sessions.get(id);
    if (!session) return false;
    this.sessions.delete(id);
    this.changed.schedule();
    await this.end(session, 'closed');
    return true;
  }

  rename(id: string, name: string): TerminalInfo {
    const session = this.session(id);
    session.rename(this.uniqueName(name, id));
    return { ...session.info };
  }

  private async end(session: TerminalSession, how: string): Promise<void> {
    const { info } = session;
    const detail = `${how}: ${info.command}${info.user ? ` as ${info.user}` : ''}, open ${formatElapsed(Date.now() - info.startedAt)}`;
    try {
      await session.end();
      this.audit.action({ action: 'terminal', target: sourceId.container(info.container), outcome: 'done', detail });
    } catch (err) {
      this.audit.action({ action: 'terminal', target: sourceId.container(info.container), outcome: 'failed', detail: `${detail}; its processes may still run: ${(err as Error).message}` });
    }
  }

  private uniqueName(wanted: string, self?: string): string {
    const taken = new Set([...this.sessions.values()].filter((s) => s.info.id !== self).map((s) => s.info.name));
    let name = wanted;
    for (let n = 2; taken.has(name); n++) name = `${wanted} (${n})`;
    return name;
  }

  dispose(): void {
    void this.disposeAsync();
  }

  /** Quitting: every session's processes end, in parallel. */
  async disposeAsync(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map((s) => this.end(s, 'ended at quit')));
    this.changed.dispose();
  }
}
