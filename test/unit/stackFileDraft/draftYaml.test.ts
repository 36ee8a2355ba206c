import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadStackText } from '../../../electron/config/loadStackFile.js';
import { draftYaml, type DraftParts } from '../../../electron/stackFileDraft/draftYaml.js';
import type { EngineSelection } from '../../../electron/stackFileDraft/engineSelection.js';

const writtenAt = new Date('2026-05-01T09:30:00Z');
const engine = (over: Partial<EngineSelection> & { status?: EngineSelection['found']['status']; name?: string } = {}): EngineSelection => ({
  found: { name: over.name ?? 'local', address: 'unix:///var/run/docker.sock', status: over.status ?? 'connected', projects: [], containers: [] },
  containers: over.containers ?? [],
  ...(over.project ? { project: over.project } : {}),
});
const parts = (over: Partial<DraftParts>): DraftParts => ({ name: 'ops', engines: [engine()], probes: [], mcpConfigs: [], writtenAt, ...over });
const loads = async (yaml: string) => {
  const load = await loadStackText(yaml, '/srv/ops/stack.yaml', { env: {} });
  return load.ok ? load.config : load.problems;
};

describe('the draft as YAML', () => {
  it('says where it came from, and what each section is, above it', () => {
    const yaml = draftYaml(
      parts({
        engines: [engine({ project: { name: 'shop', why: 'compose project shop: 2 up (a, b)' }, containers: [{ glob: 'redis-dev', why: 'started on its own, image redis:7' }] })],
        probes: [{ container: 'shop-web-1', port: 8080, probe: 'shop-web-1', status: 404 }],
      }),
    );
    expect(yaml).toMatch(/^# Switchboard stack file, written by "Create stack.yaml from what is running" on 2026-05-01 09:30 UTC\.\n/);
    expect(yaml).toMatch(/# The stack's name, shown at the top of every screen\.\nname: ops\n/);
    expect(yaml).toMatch(/# Engine: unix:\/\/\/var\/run\/docker\.sock .*\ndocker:\n {2}# compose project shop: 2 up \(a, b\)\n {2}# one project per engine.*\n {2}project: shop\n {2}containers:\n {4}# started on its own, image redis:7\n {4}- redis-dev\n/);
    expect(yaml).toMatch(/ {4}# answered 404 at \/ when this was written: point url: at a health endpoint and drop expect:\n {4}expect: \{ status: 404 \}/);
    expect(yaml).toMatch(/# Not written here; add them when you need them:\n# {3}cache:/);
  });

  it('loads through the real loader to what it says', async () => {
    const config = await loads(
      draftYaml(
        parts({
          engines: [engine({ project: { name: 'shop', why: '…' }, containers: [{ glob: 'blog-*', why: '…' }] })],
          probes: [{ container: 'web', port: 8080, probe: 'web', status: 200 }],
        }),
      ),
    );
    expect(config).toMatchObject({ name: 'ops', docker: { project: 'shop', containers: ['blog-*'] }, probes: { web: { url: 'http://127.0.0.1:8080/', every: 10_000, expect: { status: 200 } } } });
  });

  it('selects nothing from an engine that was down or ran nothing, and says so', async () => {
    const down = draftYaml(parts({ engines: [engine({ status: 'unreachable' })] }));
    expect(down).toMatch(/# The engine was unreachable when this was written, so nothing is selected yet.*\ndocker: \{\}\n/);
    expect(await loads(down)).toMatchObject({ docker: {} });
    expect(draftYaml(parts({}))).toMatch(/# Nothing was running when this was written.*\ndocker: \{\}\n/);
  });

  it('lists several engines side by side, each with its own host and selection', async () => {
    const yaml = draftYaml(parts({ engines: [engine({ containers: [{ glob: 'a', why: '…' }] }), engine({ name: 'build', status: 'connecting' })] }));
    expect(parse(yaml).docker).toEqual({
      engines: [
        { name: 'local', host: 'unix:///var/run/docker.sock', containers: ['a'] },
        { name: 'build', host: 'unix:///var/run/docker.sock' },
      ],
    });
    expect(yaml).toMatch(/# The engine was connecting when this was written/);
  });

  it('includes the MCP configs with their servers above each, and mentions the ones it could not include', () => {
    const yaml = draftYaml(
      parts({
        mcpConfigs: [
          { app: 'Claude Desktop', path: '~/.config/Claude/claude_desktop_config.json', use: 'included', servers: ['github', 'postgres'] },
          { app: 'VS Code', path: '~/.config/Code/User/settings.json', use: 'hint', servers: [], note: 'its "mcp" section cannot be included' },
        ],
      }),
    );
    expect(parse(yaml).include).toEqual(['~/.config/Claude/claude_desktop_config.json']);
    expect(yaml).toMatch(/# Found, not included:\n# {3}VS Code ~\/\.config\/Code\/User\/settings\.json: its "mcp" section cannot be included\ninclude:\n {2}# Claude Desktop: github, postgres\n/);
    expect(parse(yaml).mcpServers).toBeUndefined();
  });

  it('leaves an empty mcpServers: with the shape to follow when no app config has servers', async () => {
    const yaml = draftYaml(parts({ mcpConfigs: [{ app: 'Cursor', path: '~/.cursor/mcp.json', use: 'empty', servers: [], note: 'not included: it lists no MCP servers' }] }));
    expect(yaml).toMatch(/# MCP servers: no Claude Desktop, Cursor or VS Code MCP config with servers was found here\.\n(# .*\n)+mcpServers: \{\}\n/);
    expect(yaml).toMatch(/# {3}Cursor ~\/\.cursor\/mcp\.json: not included: it lists no MCP servers\n/);
    expect(await loads(yaml)).toMatchObject({ mcpServers: {}, include: [] });
  });
});
