import { describe, expect, it } from 'vitest';
import type { StackFileDraft } from '../../../shared/contract/stackFileDraft.js';
import { foundLines, offsetOf, problemText } from '../../../renderer/stackFileDraft/draftText.js';

describe('the review dialog\'s words', () => {
  it('names a problem as file:line:column key: message', () => {
    expect(problemText({ file: '/srv/ops/stack.yaml', line: 12, column: 5, key: 'probes.api.every', message: '"5 sec" is not a duration' })).toBe(
      'stack.yaml:12:5 probes.api.every: "5 sec" is not a duration',
    );
    expect(problemText({ file: 'C:\\ops\\stack.yaml', message: 'file not found' })).toBe('stack.yaml: file not found');
  });

  it('finds line:column in the text, to put the cursor on a problem', () => {
    const text = 'name: a\nprobes:\n  api: { every: 5 sec }\n';
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(text.slice(offsetOf(text, 3, 3))).toMatch(/^api:/);
    expect(offsetOf(text, 2, 99)).toBe(text.indexOf('\n', 8));
    expect(offsetOf(text, 40)).toBe(text.length);
  });

  it('lists what the draft was made from', () => {
    const draft = {
      engines: [
        { name: 'local', address: 'unix:///var/run/docker.sock', status: 'connected', projects: ['shop', 'blog'], containers: ['redis-dev'] },
        { name: 'build', address: 'tcp://build:2376', status: 'unreachable', projects: [], containers: [] },
      ],
      probes: ['shop-web-1'],
      mcpConfigs: [
        { app: 'Cursor', path: '~/.cursor/mcp.json', use: 'included', servers: ['postgres'] },
        { app: 'VS Code', path: '~/.config/Code/User/settings.json', use: 'hint', servers: [], note: 'its "mcp" section cannot be included' },
      ],
    } as Pick<StackFileDraft, 'engines' | 'probes' | 'mcpConfigs'> as StackFileDraft;
    expect(foundLines(draft)).toEqual([
      'Docker local: 2 compose projects (shop, blog), 1 container on its own',
      'Docker build: unreachable, so no containers are listed',
      'Ports answering HTTP: shop-web-1',
      'Cursor ~/.cursor/mcp.json: postgres',
      'VS Code ~/.config/Code/User/settings.json: its "mcp" section cannot be included',
    ]);
    expect(foundLines({ ...draft, engines: [], probes: [], mcpConfigs: [] })).toEqual(['No Claude Desktop, Cursor or VS Code MCP config with servers was found']);
  });
});
