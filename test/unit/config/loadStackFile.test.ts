import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeProblem } from '../../../electron/config/describeProblem.js';
import { loadStackFile, type StackLoad } from '../../../electron/config/loadStackFile.js';
import { stackFolder, yaml } from './stackFolder.js';

function problemsOf(load: StackLoad) {
  if (load.ok) throw new Error(`expected problems, got a config: ${JSON.stringify(load.config)}`);
  return load.problems;
}

describe('loadStackFile', () => {
  let dir: ReturnType<typeof stackFolder>;
  beforeEach(() => {
    dir = stackFolder();
  });
  afterEach(() => dir.remove());

  it('loads the architecture sketch with durations and ratios in operator units', async () => {
    const file = dir.write(
      'stack.yaml',
      yaml`
        name: sutazai
        docker:
          project: sutazai
          containers: ["sutazai-*"]
        probes:
          backend-health:
            url: http://127.0.0.1:10010/health
            every: 5s
            timeout: 2s
            expect: { status: 200 }
            slo: { p95: 100ms }
        cache:
          redis: { redis: redis://127.0.0.1:6379, target: 80% }
        mcpServers:
          postgres:
            command: ./wrappers/postgres.sh
            selfcheck: ["--selfcheck"]
            restart: on-failure
      `,
    );
    const load = await loadStackFile(file, { env: {} });
    if (!load.ok) throw new Error(load.problems.map(describeProblem).join('\n'));
    expect(load.files).toEqual([file]);
    expect(load.config.name).toBe('sutazai');
    expect(load.config.probes['backend-health']).toMatchObject({ every: 5000, timeout: 2000, slo: { p95: 100 } });
    expect(load.config.cache.redis).toMatchObject({ target: 0.8 });
    expect(load.config.mcpServers.postgres).toMatchObject({ command: './wrappers/postgres.sh', args: [], restart: 'on-failure' });
  });

  it('names file, line, column and key of a value with the wrong type', async () => {
    const file = dir.write(
      'stack.yaml',
      yaml`
        name: s
        probes:
          backend-health:
            url: http://127.0.0.1:10010/health
            every: 5 sec
      `,
    );
    const [problem, ...rest] = problemsOf(await loadStackFile(file));
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      file,
      line: 5,
      column: 5,
      key: 'probes.backend-health.every',
      message: '"5 sec" is not a duration: write it like 250ms, 5s, 2m or 1h',
    });
    expect(describeProblem(problem!)).toBe(
      `${file}:5:5 probes.backend-health.every: "5 sec" is not a duration: write it like 250ms, 5s, 2m or 1h`,
    );
  });

  it('rejects an unknown key by name and suggests the one the operator meant', async () => {
    const file = dir.write(
      'stack.yaml',
      yaml`
        probes:
          db:
            tcp: 127.0.0.1:5432
            timout: 2s
        mcpservers: {}
      `,
    );
    expect(problemsOf(await loadStackFile(file))).toEqual([
      { file, line: 4, column: 5, key: 'probes.db.timout', message: 'unknown key "timout": did you mean "timeout"?' },
      { file, line: 5, column: 1, key: 'mcpservers', message: 'unknown key "mcpservers": did you mean "mcpServers"?' },
    ]);
  });

  it('explains a probe that is none of the known kinds with the kinds it could be', async () => {
    const file = dir.write('stack.yaml', 'probes:\n  web:\n    every: 1s\n');
    const [problem] = problemsOf(await loadStackFile(file));
    expect(problem).toMatchObject({ line: 2, column: 3, key: 'probes.web' });
    expect(problem!.message).toMatch(/needs one of url: .* tcp: .* command:/);
  });

  it('names a missing required key and a value outside its choices', async () => {
    const file = dir.write('stack.yaml', 'mcpServers:\n  pg:\n    args: []\n    restart: sometimes\n');
    expect(problemsOf(await loadStackFile(file))).toEqual([
      { file, line: 2, column: 3, key: 'mcpServers.pg.command', message: 'command is required (string)' },
      { file, line: 4, column: 5, key: 'mcpServers.pg.restart', message: '"sometimes" is not one of: no, on-failure, always' },
    ]);
  });

  it('reports a YAML syntax error with its line and column', async () => {
    const file = dir.write('stack.yaml', 'name: s\nprobes:\n  web:\n    url: http://127.0.0.1/\n   every: 1s\n');
    const [problem] = problemsOf(await loadStackFile(file));
    expect(problem).toMatchObject({ file, line: 5, column: expect.any(Number) });
    expect(problem!.message).toMatch(/^YAML syntax: /);
  });

  it('reads a JSON stack file and points at the offending key in it', async () => {
    const file = dir.write(
      'stack.json',
      '{\n  "name": "j",\n  "mcpServers": {\n    "memory": { "command": "npx", "args": "-y" }\n  }\n}\n',
    );
    expect(problemsOf(await loadStackFile(file))).toEqual([
      { file, line: 4, column: 35, key: 'mcpServers.memory.args', message: 'expected array, received string' },
    ]);
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const file = dir.write('stack.json', '{\n  "name": "j",\n  "probes": {\n}\n');
    const [problem] = problemsOf(await loadStackFile(file));
    expect(problem).toMatchObject({ file, line: 5 });
    expect(problem!.message).toMatch(/^JSON syntax: /);
  });

  it('says so when the stack file does not exist', async () => {
    const file = dir.path('missing.yaml');
    expect(problemsOf(await loadStackFile(file))).toEqual([{ file, message: `stack file ${file}: file not found` }]);
  });

  it('treats an empty file as an empty stack', async () => {
    const load = await loadStackFile(dir.write('stack.yaml', '# nothing yet\n'));
    expect(load.ok && load.config).toMatchObject({ name: 'stack', probes: {}, mcpServers: {} });
  });

  it('lets x- keys hold anchors that probes merge in with <<:', async () => {
    const file = dir.write(
      'stack.yaml',
      yaml`
        x-probe: &probe { every: 1s, timeout: 500ms }
        probes:
          api: { <<: *probe, url: "http://127.0.0.1:10010/health" }
          db: { <<: *probe, tcp: "127.0.0.1:5432", every: 10s }
      `,
    );
    const load = await loadStackFile(file);
    expect(load.ok && load.config.probes).toMatchObject({ api: { every: 1000, timeout: 500 }, db: { every: 10_000, timeout: 500 } });
  });

  it('merges VS Code style servers: into mcpServers', async () => {
    const file = dir.write('stack.yaml', 'servers:\n  fs: { type: stdio, command: npx }\nmcpServers:\n  mem: { command: node }\n');
    const load = await loadStackFile(file);
    expect(load.ok && Object.keys(load.config.mcpServers).sort()).toEqual(['fs', 'mem']);
    expect(load.ok && 'servers' in load.config).toBe(false);
  });
});
