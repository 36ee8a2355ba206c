import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackFileDraft, StackFileSaved } from '../../../shared/contract/stackFileDraft.js';
import type { StackConfig } from '../../../electron/base/stackFile/stack.js';
import { stackFilesOf } from '../../../electron/app/stackFileAccess.js';
import { ConfigStore } from '../../../electron/config/index.js';
import { loadStackFile } from '../../../electron/config/loadStackFile.js';
import { createSelection } from '../../../electron/docker/containerSelection.js';
import { registerStackFileDraft } from '../../../electron/stackFileDraft/index.js';
import { fakeAppContext } from '../../support/appContext.js';
import { claudeToken, fakeHomeServers, writeFakeHome } from '../../support/fakeHome.js';
import { startService } from '../../support/docker/serviceHarness.js';
import { freePort, TestContainers } from '../../support/docker/testContainers.js';
import { waitFor } from '../../support/waitFor.js';

// "Create stack.yaml from what is running" against the real engine and a home folder with Claude Desktop, Cursor and VS Code configs.
describe('the stack-file draft', () => {
  const containers = new TestContainers();
  const home = mkdtempSync(join(tmpdir(), 'sbdraft-home-'));
  const project = mkdtempSync(join(tmpdir(), 'sbdraft-project-'));
  const shop = `${containers.prefix}-shop`;
  const blog = `${containers.prefix}-blog`;
  const savedHome = process.env.HOME;
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: '' };
  const { service } = startService(undefined, { followLogs: false });
  let config: ConfigStore;
  let ctx: ReturnType<typeof fakeAppContext>;
  let webPort: number;

  beforeAll(async () => {
    // The loader expands ~ through os.homedir(), which reads $HOME.
    process.env.HOME = home;
    writeFakeHome(home, project);
    webPort = await freePort();
    await Promise.all([
      containers.run({ image: 'web', name: 'shop-web-1', project: shop, service: 'web', env: { PORT: String(webPort) }, expose: [webPort] }),
      containers.run({ image: 'logger', name: 'shop-worker-1', project: shop, service: 'worker' }),
      containers.run({ image: 'logger', name: 'blog-app-1', project: blog, service: 'app' }),
      containers.run({ image: 'logger', name: 'solo' }),
      containers.run({ image: 'failer', name: 'stopped', createOnly: true }),
    ]);
    const engine = await waitFor('the engine connected', () => service.engines().find((e) => e.status === 'connected'));
    await waitFor('every test container seen', () => ['shop-web-1', 'shop-worker-1', 'blog-app-1', 'solo', 'stopped'].every((n) => engine.find(`${containers.prefix}-${n}`)));
    await waitFor('the web container to answer', async () => (await fetch(`http://127.0.0.1:${webPort}/`).catch(() => undefined))?.ok);
    // The app as it runs on the built-in demo: a store on an in-memory stack, switched by Save.
    config = await ConfigStore.open({ demo: { name: 'demo' }, label: 'built-in demo stack', baseDir: tmpdir() }, { env });
    ctx = fakeAppContext();
    registerStackFileDraft(ctx, { containers: service, stackFiles: stackFilesOf(config, { argv: [], env, cwd: project }), env, platform: 'linux', home: () => home });
  }, 120_000);

  afterAll(async () => {
    process.env.HOME = savedHome;
    config?.dispose();
    service.dispose();
    await containers.removeAll();
    rmSync(home, { recursive: true, force: true });
    rmSync(project, { recursive: true, force: true });
  });

  /** A command's value, as a session would get it; a failed call fails the test with its message. */
  const call = async <T>(name: 'stackFileDraft.create' | 'stackFileDraft.save', params: object): Promise<T> => {
    const outcome = await ctx.commands.call(name, params);
    if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
    return outcome.value as T;
  };
  const create = () => call<StackFileDraft>('stackFileDraft.create', {});
  const save = (yaml: string, replace = false) => call<StackFileSaved>('stackFileDraft.save', { yaml, replace });

  it('lists the compose projects and the containers running on their own, and only those', async () => {
    const draft = await create();
    const engine = draft.engines.find((e) => e.status === 'connected')!;
    expect(engine.projects).toEqual(expect.arrayContaining([shop, blog]));
    expect(engine.containers).toContain(`${containers.prefix}-solo`);
    expect(engine.containers).not.toContain(`${containers.prefix}-stopped`);

    const docker = (parse(draft.yaml) as StackConfig).docker!;
    const selected = createSelection(docker);
    const labelled = (name: string, projectName?: string) => ({ name: `${containers.prefix}-${name}`, labels: projectName ? { 'com.docker.compose.project': projectName } : ({} as Record<string, string>) });
    for (const c of [labelled('shop-web-1', shop), labelled('shop-worker-1', shop), labelled('blog-app-1', blog), labelled('solo')]) expect(selected(c), c.name).toBe(true);
    expect(selected(labelled('stopped'))).toBe(false);
    // Each section says what it is and where its entries came from.
    expect(draft.yaml).toMatch(/# Docker: which containers of the engine belong to this stack/);
    expect(draft.yaml).toMatch(new RegExp(`# compose project ${blog}: 1 up \\(${blog}-app-1\\)`));
    expect(draft.yaml).toMatch(new RegExp(`# started on its own, image sbtest-containers/logger:2\\n\\s+- ${containers.prefix}-solo`));
  });

  it('writes a health probe for the port that answers HTTP', async () => {
    const draft = await create();
    expect(draft.probes).toContain(`${containers.prefix}-shop-web-1`);
    const probes = (parse(draft.yaml) as StackConfig).probes;
    expect(probes[`${containers.prefix}-shop-web-1`]).toMatchObject({ url: `http://127.0.0.1:${webPort}/`, every: '10s' });
  });

  it('includes the Claude Desktop, Cursor and VS Code configs instead of copying their servers', async () => {
    const draft = await create();
    const included = draft.mcpConfigs.filter((c) => c.use === 'included');
    expect(included.map((c) => [c.app, c.path, c.servers])).toEqual([
      ['Claude Desktop', '~/.config/Claude/claude_desktop_config.json', ['memory']],
      ['Cursor', '~/.cursor/mcp.json', ['everything']],
      ['VS Code', '~/.config/Code/User/mcp.json', ['files']],
    ]);
    expect(draft.mcpConfigs.find((c) => c.path.endsWith('settings.json'))).toMatchObject({ use: 'hint' });
    const value = parse(draft.yaml) as { include: string[]; mcpServers?: unknown };
    expect(value.include).toEqual(included.map((c) => c.path));
    expect(value.mcpServers).toBeUndefined();
    expect(draft.yaml).not.toContain(claudeToken);
    expect(draft.yaml).toMatch(/# Claude Desktop: memory\n\s+- ~\/\.config\/Claude\/claude_desktop_config\.json/);
    expect(draft.yaml).toMatch(/settings\.json: its "mcp" section cannot be included/);
  });

  it('loads without problems through the real loader', async () => {
    const draft = await create();
    expect(draft.path).toBe(join(project, 'stack.yaml'));
    expect(draft.exists).toBe(false);
    expect(draft.check.problems).toEqual([]);
    expect(draft.check.stackName).toBe(basename(project));
    expect(draft.check.mcpServers?.sort()).toEqual(Object.keys(fakeHomeServers).sort());
    // The url server of Claude's file is skipped with a warning, not a problem.
    expect(draft.check.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringMatching(/skipped MCP server "remote"/)]));

    // Written to a file and read back the way the app reads stack files.
    const copy = join(project, 'copy.yaml');
    writeFileSync(copy, draft.yaml);
    const load = await loadStackFile(copy, { env });
    rmSync(copy);
    expect(load.ok ? Object.keys(load.config.mcpServers).sort() : load.problems).toEqual(Object.keys(fakeHomeServers).sort());
  });

  it('refuses an edited draft the loader refuses, with line and column, and writes nothing', async () => {
    const draft = await create();
    const broken = draft.yaml.replace(/every: 10s/, 'every: 10 sec');
    const saved = await save(broken);
    expect(saved.outcome).toBe('problems');
    const [problem] = saved.outcome === 'problems' ? saved.check.problems : [];
    expect(problem).toMatchObject({ file: join(project, 'stack.yaml'), key: expect.stringMatching(/^probes\..*\.every$/), line: expect.any(Number), column: expect.any(Number) });
    expect(broken.split('\n')[problem!.line! - 1]).toMatch(/every: 10 sec/);
    expect(existsSync(join(project, 'stack.yaml'))).toBe(false);
    expect(config.status().isDemo).toBe(true);
  });

  it('does not overwrite a stack.yaml made since the start unless asked; saved, the app switches to it', async () => {
    const draft = await create();
    const edited = draft.yaml.replace(/^name: .*$/m, 'name: my-stack');
    const path = join(project, 'stack.yaml');
    writeFileSync(path, 'name: made-by-hand\n');
    expect((await create()).exists).toBe(true);
    expect(await save(edited)).toEqual({ outcome: 'exists', path });
    expect(readFileSync(path, 'utf8')).toBe('name: made-by-hand\n');
    expect(config.status().isDemo).toBe(true);

    const changed = new Promise<StackConfig>((resolve) => config.changed.on(resolve));
    const saved = await save(edited, true);
    expect(saved).toMatchObject({ outcome: 'saved', path, config: { source: path, isDemo: false, stackName: 'my-stack' } });
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(config.status()).toMatchObject({ source: path, isDemo: false, stackName: 'my-stack' });
    expect(Object.keys((await changed).mcpServers).sort()).toEqual(Object.keys(fakeHomeServers).sort());
    expect(config.baseDir()).toBe(project);
    expect(ctx.lines.map((l) => l.text)).toEqual(expect.arrayContaining([expect.stringMatching(`replace stack file of ${path} done`)]));

    // Running on a file, the app is no first run any more: Save never swaps a file the operator runs on.
    expect((await ctx.commands.call('stackFileDraft.save', { yaml: 'name: other\n', replace: true })).ok).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(edited);

    // The store watches the new file like any stack file: an edit is picked up.
    writeFileSync(path, edited.replace('name: my-stack', 'name: edited-later'));
    await waitFor('the edit to be loaded', () => config.status().stackName === 'edited-later');
  });
});
