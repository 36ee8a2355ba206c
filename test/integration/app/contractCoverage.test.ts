import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSwitchboard } from '../../../electron/app/createSwitchboard.js';
import { commands, topics } from '../../../shared/contract/index.js';

describe('the composition root answers the whole contract', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-contract-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('registers a handler for every command and a provider for every topic, and takes them all away at shutdown', async () => {
    const file = path.join(dir, 'stack.yaml');
    writeFileSync(file, 'name: empty\n');
    const app = await createSwitchboard({ argv: ['--config', file], env: {}, cwd: dir, mode: 'browser' });
    try {
      // A contract entry nobody answers would reach the renderer as "not available in this build".
      expect(app.commands.names().sort()).toEqual(Object.keys(commands).sort());
      expect(app.topics.names().sort()).toEqual(Object.keys(topics).sort());
    } finally {
      await app.shutdown();
    }
    expect([...app.commands.names(), ...app.topics.names()]).toEqual([]);
  });
});
