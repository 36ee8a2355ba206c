import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findCommand, forgetShellPath, userShellPath } from '../../../electron/mcp/shellPath.js';

describe('finding the programs a config names', () => {
  const originalPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = originalPath;
    forgetShellPath();
  });

  it('finds node and sh even when the app was started with a bare PATH, as from a desktop launcher', async () => {
    process.env.PATH = '/nonexistent';
    forgetShellPath();
    const searchPath = await userShellPath();
    expect(searchPath.split(':')).toContain('/usr/bin');
    expect(await findCommand('sh', searchPath, '/')).toMatch(/\/sh$/);
    expect(await findCommand('node', searchPath, '/')).toMatch(/\/node$/);
    expect(await findCommand('switchboard-no-such-program', searchPath, '/')).toBeUndefined();
  });

  it('resolves commands with a slash against the given folder and requires an executable file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-shellpath-'));
    try {
      writeFileSync(path.join(dir, 'run.sh'), '#!/bin/sh\n');
      writeFileSync(path.join(dir, 'notes.txt'), '');
      chmodSync(path.join(dir, 'run.sh'), 0o755);
      expect(await findCommand('./run.sh', '', dir)).toBe(path.join(dir, 'run.sh'));
      expect(await findCommand('./notes.txt', '', dir)).toBeUndefined();
      expect(await findCommand('.', '', dir)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
