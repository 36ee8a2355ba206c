import { renameSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConfigStatus } from '../../../shared/contract/app.js';
import { ConfigStore } from '../../../electron/config/configStore.js';
import type { StackConfig } from '../../../electron/base/stackFile/stack.js';
import { stackFolder } from '../../unit/config/stackFolder.js';

// Real files and real fs.watch: waits are generous because two cores are shared with other test runs.
const settle = { timeout: 10_000, interval: 50 };

describe('ConfigStore watching a real stack file', () => {
  let dir: ReturnType<typeof stackFolder>;
  let store: ConfigStore | undefined;
  let configs: StackConfig[];
  let statuses: ConfigStatus[];

  async function open(path: string): Promise<ConfigStore> {
    store = await ConfigStore.open({ path }, { env: {} });
    store.changed.on((config) => configs.push(config));
    store.statusChanged.on((status) => statuses.push(status));
    return store;
  }

  beforeEach(() => {
    dir = stackFolder();
    configs = [];
    statuses = [];
  });
  afterEach(() => {
    store?.dispose();
    store = undefined;
    dir.remove();
  });

  it('reloads when the file is edited in place', async () => {
    const file = dir.write('stack.yaml', 'name: before\n');
    const config = await open(file);
    expect(config.current().name).toBe('before');
    expect(config.baseDir()).toBe(dir.root);

    writeFileSync(file, 'name: after\nprobes:\n  web: { url: "http://127.0.0.1:1/health", every: 1s }\n');
    await vi.waitFor(() => expect(config.current().name).toBe('after'), settle);
    expect(config.current().probes.web).toMatchObject({ every: 1000 });
    expect(configs.map((c) => c.name)).toEqual(['after']);
    expect(config.status()).toMatchObject({ source: file, isDemo: false, stackName: 'after' });
    expect(config.status().problem).toBeUndefined();
  });

  it('reloads when an editor saves by renaming a new file over the old one', async () => {
    const file = dir.write('stack.yaml', 'name: before\n');
    const config = await open(file);
    for (const name of ['second', 'third']) {
      const temp = dir.write(`.stack.yaml.${name}.tmp`, `name: ${name}\n`);
      renameSync(temp, file);
      await vi.waitFor(() => expect(config.current().name).toBe(name), settle);
    }
  });

  it('keeps the last good config on a broken edit, shows the problem, and recovers on a fix', async () => {
    const file = dir.write('stack.yaml', 'name: good\nmcpServers:\n  mem: { command: node }\n');
    const config = await open(file);
    const good = config.current();

    writeFileSync(file, 'name: good\nmcpServers:\n  mem: { command: node, restart: sometimes }\n');
    await vi.waitFor(() => expect(config.status().problem).toBeDefined(), settle);
    expect(config.status().problem).toMatchObject({ file, line: 3, key: 'mcpServers.mem.restart' });
    expect(config.current()).toBe(good);
    expect(configs).toEqual([]);

    writeFileSync(file, 'name: good\nmcpServers:\n  mem: { command: node, restart: always }\n');
    await vi.waitFor(() => expect(config.status().problem).toBeUndefined(), settle);
    expect(config.current().mcpServers.mem?.restart).toBe('always');
    expect(configs).toHaveLength(1);
    expect(statuses.map((s) => (s.problem ? 'broken' : 'fine'))).toEqual(['broken', 'fine']);
  });

  it('starts on an empty stack when the file is broken at start, and picks it up once fixed', async () => {
    const file = dir.write('stack.yaml', 'name: s\nprobes: [oops\n');
    const config = await open(file);
    expect(config.current()).toMatchObject({ name: 'stack', probes: {}, mcpServers: {}, cache: {} });
    expect(config.status().problem).toMatchObject({ file, line: expect.any(Number), message: expect.stringMatching(/^YAML syntax/) });

    writeFileSync(file, 'name: fixed\n');
    await vi.waitFor(() => expect(config.current().name).toBe('fixed'), settle);
    expect(config.status().problem).toBeUndefined();
  });

  it('starts on nothing when the named file does not exist, and loads it once created', async () => {
    const file = dir.path('later/stack.yaml');
    const config = await open(file);
    expect(config.status().problem?.message).toMatch(/file not found/);

    dir.write('later/stack.yaml', 'name: created\n');
    await vi.waitFor(() => expect(config.current().name).toBe('created'), settle);
  });

  it('reloads when an included file changes, and when a missing include appears', async () => {
    const claude = dir.write('claude.json', '{ "mcpServers": { "a": { "command": "node" } } }');
    const file = dir.write('stack.yaml', 'include: [claude.json, cursor/mcp.json]\n');
    const config = await open(file);
    expect(config.status().problem?.message).toMatch(/cursor\/mcp\.json: file not found/);
    expect(config.current().mcpServers).toEqual({});

    dir.write('cursor/mcp.json', '{ "mcpServers": { "b": { "command": "node" } } }');
    await vi.waitFor(() => expect(Object.keys(config.current().mcpServers).sort()).toEqual(['a', 'b']), settle);
    expect(config.status().problem).toBeUndefined();

    writeFileSync(claude, '{ "mcpServers": { "a": { "command": "python3" } } }');
    await vi.waitFor(() => expect(config.current().mcpServers.a?.command).toBe('python3'), settle);
  });

  it('does not announce a change when an edit leaves the config the same', async () => {
    const file = dir.write('stack.yaml', 'name: same\n');
    const config = await open(file);
    writeFileSync(file, '# a comment\nname: same   # and another\n');
    const status = await config.reload();
    expect(status.problem).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the watcher's own reload run too
    expect(configs).toEqual([]);
    expect(statuses).toEqual([]);
  });

  it('stops watching once disposed', async () => {
    const file = dir.write('stack.yaml', 'name: before\n');
    const config = await open(file);
    config.dispose();
    writeFileSync(file, 'name: after\n');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(config.current().name).toBe('before');
  });
});

describe('ConfigStore with the built-in demo stack', () => {
  it('runs the demo config and says where it came from', async () => {
    const store = await ConfigStore.open(
      { demo: { name: 'demo', mcpServers: { memory: { command: 'node', args: ['${DEMO_DIR:-/demo}/memory.js'] } } }, label: 'built-in demo stack', baseDir: '/demo' },
      { env: {} },
    );
    try {
      expect(store.status()).toMatchObject({ source: 'built-in demo stack', isDemo: true, stackName: 'demo' });
      expect(store.status().problem).toBeUndefined();
      expect(store.current().mcpServers.memory?.args).toEqual(['/demo/memory.js']);
      expect(store.baseDir()).toBe('/demo');
    } finally {
      store.dispose();
    }
  });
});
