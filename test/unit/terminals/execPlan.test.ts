import { describe, expect, it } from 'vitest';
import { planExec } from '../../../electron/terminals/execPlan.js';
import { dockerExecCommand, shellQuote } from '../../../electron/terminals/dockerCommandLine.js';
import { flagValue, serviceChoices } from '../../../electron/terminals/serviceShells.js';
import { takeMarker } from '../../../electron/terminals/shellScripts.js';
import { settingsFor } from '../../../electron/terminals/terminalSettings.js';
import { terminalsSchema } from '../../../electron/base/stackFile/terminals.js';

const facts = (image: string, envNames: string[] = [], args: string[] = []) => ({ image, envNames, args, user: 'root' });

describe('what a terminal runs', () => {
  it('tries bash then sh by default; the operator or the stack file can name others', () => {
    const plan = planExec({}, settingsFor(undefined, 'web'));
    expect(plan.cmd.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(plan.cmd.slice(3)).toEqual(['switchboard', 'bash', 'sh']);
    expect(plan.command).toBe('bash or sh');
    expect(plan.env).toContain('TERM=xterm-256color');
    const zsh = planExec({ shell: 'zsh', user: 'app' }, settingsFor(undefined, 'web'));
    expect(zsh.cmd.slice(3)).toEqual(['switchboard', 'zsh']);
    expect(zsh).toMatchObject({ user: 'app', systemArgs: ['zsh'] });
  });

  it('takes the stack file: defaults, a glob and an exact name (the exact name wins)', () => {
    const config = terminalsSchema.parse({
      user: 'nobody',
      containers: { 'db-*': { shell: ['bash'], shells: { psql: ['psql', '-U', 'app'] } }, 'db-main': { workdir: '/srv' } },
    });
    expect(settingsFor(config, 'db-replica')).toEqual({ shell: ['bash'], user: 'nobody', shells: { psql: ['psql', '-U', 'app'] } });
    expect(settingsFor(config, 'db-main')).toEqual({ shell: ['bash', 'sh'], user: 'nobody', workdir: '/srv', shells: {} });
    expect(() => terminalsSchema.parse({ shell: ['bash; rm -rf /'] })).toThrow(/program name/);
  });

  it('offers service shells by image or command line, and the stack file’s own', () => {
    expect(serviceChoices(facts('postgres:16'), {})).toEqual([{ kind: 'psql', label: 'psql', reason: 'image postgres:16' }]);
    expect(serviceChoices(facts('ghcr.io/acme/cache:1', [], ['/usr/local/bin/redis-server', '--port', '6380']), {})).toEqual([
      { kind: 'redis-cli', label: 'redis-cli', reason: 'runs redis-server' },
    ]);
    expect(serviceChoices(facts('acme/api:2', ['DATABASE_URL', 'REDIS_PASSWORD']), {})).toEqual([]);
    expect(serviceChoices(facts('postgres:16'), { psql: ['psql', '-U', 'app'], rails: ['bin/rails', 'console'] })).toEqual([
      { kind: 'psql', label: 'psql', reason: 'stack file' },
      { kind: 'custom', label: 'rails', reason: 'stack file' },
    ]);
  });

  it('passes a server-side password in the exec env, never in its arguments or the system command', () => {
    const redis = facts('redis:7', [], ['redis-server', '--requirepass', 's3cret-pw', '--port=6380']);
    expect(flagValue(redis.args, '--port')).toBe('6380');
    const plan = planExec({ service: 'redis-cli' }, settingsFor(undefined, 'cache'), redis);
    expect(plan.env).toEqual(expect.arrayContaining(['REDISCLI_AUTH=s3cret-pw', 'SWITCHBOARD_REDIS_PORT=6380']));
    expect(JSON.stringify([plan.cmd, plan.systemArgs, plan.command])).not.toContain('s3cret');
    expect(plan.cmd[2]).toContain('REDISCLI_AUTH="$REDIS_PASSWORD"');
  });

  it('runs a stack-file shell with its credentials prelude', () => {
    const plan = planExec({ service: 'psql' }, { shell: ['sh'], shells: { psql: ['psql', '-U', 'app', '-d', 'shop'] } });
    expect(plan.kind).toBe('psql');
    expect(plan.cmd.slice(3)).toEqual(['switchboard', 'psql', '-U', 'app', '-d', 'shop']);
    expect(plan.cmd[2]).toContain('PGPASSWORD="$POSTGRES_PASSWORD"');
    expect(() => planExec({ service: 'nope' }, settingsFor(undefined, 'x'))).toThrow(/no shell named "nope"/);
  });

  it('writes the docker exec command for a system terminal, quoted for a POSIX shell', () => {
    expect(dockerExecCommand({ address: 'unix:///var/run/docker.sock', container: 'web', args: ['bash'] })).toBe('docker exec -it web bash');
    expect(dockerExecCommand({ address: 'tcp://10.0.0.5:2376', container: 'web', user: 'app', workdir: '/srv/my app', args: ['sh', '-c', "echo 'hi'"] })).toBe(
      `docker -H tcp://10.0.0.5:2376 exec -it -u app -w '/srv/my app' web sh -c 'echo '\\''hi'\\'''`,
    );
    expect(shellQuote('$HOME')).toBe("'$HOME'");
  });
});

describe('the marker an exec prints first', () => {
  it('is taken off the output, and waits while it may still be coming', () => {
    expect(takeMarker('\x1b]77')).toBeUndefined();
    expect(takeMarker('\x1b]7701;42;bash')).toBeUndefined();
    expect(takeMarker('\x1b]7701;42;bash\x07$ ')).toEqual({ marker: { pid: 42, program: 'bash' }, rest: '$ ' });
    expect(takeMarker('OCI runtime exec failed')).toEqual({ rest: 'OCI runtime exec failed' });
    expect(takeMarker('\x1b[31mred')).toEqual({ rest: '\x1b[31mred' });
  });
});
