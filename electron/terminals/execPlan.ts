import type { TerminalInfo } from '../../shared/contract/terminals.js';
import { SwitchboardError } from '../../shared/errors.js';
import { firstShellScript, programScript, serviceScript } from './shellScripts.js';
import { isServiceShellKind, serviceShells } from './serviceShells.js';
import type { ExecFacts } from './terminalDocker.js';
import type { ContainerTerminalSettings } from './terminalSettings.js';

export interface TerminalRequest {
  shell?: string | undefined;
  service?: string | undefined;
  user?: string | undefined;
  workdir?: string | undefined;
}

/** What the exec runs, and how the operator would run the same in a system terminal. */
export interface ExecPlan {
  cmd: string[];
  env: string[];
  user?: string;
  workdir?: string;
  kind: TerminalInfo['kind'];
  /** Shown until the process says what it picked ("bash or sh"), then that. */
  command: string;
  /** After `docker exec -it [opts] <container>`; undefined when it depends on the shell picked. */
  systemArgs?: string[];
}

/** The terminal's own env: colours and a terminal type every shell knows. */
const terminalEnv = ['TERM=xterm-256color', 'COLORTERM=truecolor'];

/** Plans a terminal: a shell (the request's, else the stack file's list, else bash then sh), a service shell, or a stack-file shell. */
export function planExec(request: TerminalRequest, settings: ContainerTerminalSettings, facts?: ExecFacts): ExecPlan {
  const user = request.user ?? settings.user;
  const workdir = request.workdir ?? settings.workdir;
  const where = { ...(user ? { user } : {}), ...(workdir ? { workdir } : {}) };
  const service = request.service;
  if (!service) {
    const shells = request.shell ? [request.shell] : settings.shell;
    return {
      cmd: ['/bin/sh', '-c', firstShellScript, 'switchboard', ...shells],
      env: terminalEnv,
      ...where,
      kind: 'shell',
      command: shells.join(' or '),
      ...(shells.length === 1 ? { systemArgs: shells } : {}),
    };
  }
  const configured = settings.shells[service];
  if (configured) {
    const prelude = isServiceShellKind(service) ? serviceShells[service].prelude : '';
    return {
      cmd: ['/bin/sh', '-c', programScript(prelude), 'switchboard', ...configured],
      env: terminalEnv,
      ...where,
      kind: isServiceShellKind(service) ? service : 'custom',
      command: service,
      systemArgs: prelude ? ['sh', '-c', `${prelude} exec "$@"`, 'sh', ...configured] : [...configured],
    };
  }
  if (!isServiceShellKind(service)) throw new SwitchboardError('not_found', `no shell named "${service}": use psql, redis-cli, mysql or a name under shells: in the stack file`);
  const shell = serviceShells[service];
  return {
    cmd: ['/bin/sh', '-c', serviceScript(shell.prelude, service, shell.client)],
    env: [...terminalEnv, ...(facts && shell.env ? shell.env(facts) : [])],
    ...where,
    kind: service,
    command: service,
    systemArgs: ['sh', '-c', `${shell.prelude} exec ${shell.client}`],
  };
}
