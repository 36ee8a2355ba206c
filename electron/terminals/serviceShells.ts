import type { ServiceShellChoice, ServiceShellKind } from '../../shared/contract/terminals.js';
import type { ExecFacts } from './terminalDocker.js';

/**
 * A service's own client, started with the credentials from the container's
 * env. The script reads them inside the container, so they never pass through
 * Switchboard, its screen or its log; only a password given on the server's
 * command line (--requirepass) is handed to the exec's env, never its argv.
 */
interface ServiceShell {
  /** Whether this container runs the service: why, in the operator's words, or undefined. */
  detect(facts: ExecFacts): string | undefined;
  /** Exports the client's credential variables from the container's own env. */
  prelude: string;
  /** The client and its arguments as a script (expanding the container's env at run time). */
  client: string;
  /** Extra env for the exec, from the server's command line. */
  env?(facts: ExecFacts): string[];
}

const imageMatches = (facts: ExecFacts, names: RegExp) => (names.test(facts.image.replace(/^.*\//, '').replace(/[:@].*$/, '')) ? `image ${facts.image}` : undefined);
const runs = (facts: ExecFacts, program: RegExp) => (facts.args.some((a) => program.test(a.replace(/^.*\//, ''))) ? `runs ${facts.args.find((a) => program.test(a.replace(/^.*\//, '')))!.replace(/^.*\//, '')}` : undefined);
const hasEnv = (facts: ExecFacts, names: string[]) => {
  const found = names.find((n) => facts.envNames.includes(n));
  return found ? `env ${found}` : undefined;
};

/** The value after `flag` on a command line (`--requirepass x`, `--port=6380`). */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === flag) return args[i + 1];
    if (args[i]!.startsWith(`${flag}=`)) return args[i]!.slice(flag.length + 1);
  }
  return undefined;
}

export const serviceShells: Record<ServiceShellKind, ServiceShell> = {
  psql: {
    detect: (f) => imageMatches(f, /^(postgres|postgis|timescaledb)/) ?? runs(f, /^postgres$/) ?? hasEnv(f, ['PGDATA', 'POSTGRES_PASSWORD']),
    prelude: 'if [ -n "$POSTGRES_PASSWORD" ]; then export PGPASSWORD="$POSTGRES_PASSWORD"; fi;',
    client: 'psql -U "${POSTGRES_USER:-postgres}" -d "${POSTGRES_DB:-${POSTGRES_USER:-postgres}}"',
  },
  'redis-cli': {
    detect: (f) => imageMatches(f, /^(redis|valkey|keydb)/) ?? runs(f, /^(redis|valkey)-server$/),
    prelude: 'if [ -n "$REDIS_PASSWORD" ]; then export REDISCLI_AUTH="$REDIS_PASSWORD"; fi;',
    client: 'redis-cli -p "${SWITCHBOARD_REDIS_PORT:-${REDIS_PORT:-6379}}"',
    env: (f) => {
      const password = flagValue(f.args, '--requirepass');
      const port = flagValue(f.args, '--port');
      return [...(password ? [`REDISCLI_AUTH=${password}`] : []), ...(port && /^\d+$/.test(port) ? [`SWITCHBOARD_REDIS_PORT=${port}`] : [])];
    },
  },
  mysql: {
    detect: (f) => imageMatches(f, /^(mysql|mariadb|percona)/) ?? runs(f, /^(mysqld|mariadbd)$/),
    prelude:
      'if [ -n "$MYSQL_ROOT_PASSWORD" ]; then u=root; export MYSQL_PWD="$MYSQL_ROOT_PASSWORD"; else u="${MYSQL_USER:-root}"; if [ -n "$MYSQL_PASSWORD" ]; then export MYSQL_PWD="$MYSQL_PASSWORD"; fi; fi;',
    client: 'mysql -u "$u" ${MYSQL_DATABASE:+"$MYSQL_DATABASE"}',
  },
};

export function isServiceShellKind(name: string): name is ServiceShellKind {
  return Object.prototype.hasOwnProperty.call(serviceShells, name);
}

/** The service shells a container offers: the ones its image or command line says, and the stack file's `shells:`. */
export function serviceChoices(facts: ExecFacts, configured: Readonly<Record<string, readonly string[]>>): ServiceShellChoice[] {
  const choices: ServiceShellChoice[] = [];
  for (const kind of Object.keys(serviceShells) as ServiceShellKind[]) {
    if (configured[kind]) continue;
    const reason = serviceShells[kind].detect(facts);
    if (reason) choices.push({ kind, label: kind, reason });
  }
  for (const label of Object.keys(configured)) choices.push({ kind: isServiceShellKind(label) ? label : 'custom', label, reason: 'stack file' });
  return choices;
}
