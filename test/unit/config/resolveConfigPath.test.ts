import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfigPath } from '../../../electron/config/resolveConfigPath.js';

describe('resolveConfigPath', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), 'switchboard-config-path-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it('takes --config FILE first, resolved against the working folder', () => {
    writeFileSync(join(cwd, 'stack.yaml'), 'name: here\n');
    const where = resolveConfigPath({ argv: ['--config', 'other.yaml'], env: { SWITCHBOARD_CONFIG: '/env.yaml' }, cwd });
    expect(where).toEqual({ path: join(cwd, 'other.yaml') });
  });

  it('accepts --config=FILE and expands ~', () => {
    expect(resolveConfigPath({ argv: ['--config=~/s.yaml'], env: {}, cwd })).toEqual({ path: join(homedir(), 's.yaml') });
  });

  it('falls back to $SWITCHBOARD_CONFIG when no --config is given', () => {
    expect(resolveConfigPath({ argv: [], env: { SWITCHBOARD_CONFIG: 'env.yaml' }, cwd })).toEqual({ path: join(cwd, 'env.yaml') });
  });

  it('then uses ./stack.yaml when it exists', () => {
    writeFileSync(join(cwd, 'stack.yaml'), 'name: here\n');
    expect(resolveConfigPath({ argv: [], env: {}, cwd })).toEqual({ path: join(cwd, 'stack.yaml') });
  });

  it('runs the built-in demo stack when nothing names a stack file', () => {
    expect(resolveConfigPath({ argv: ['--headless'], env: { SWITCHBOARD_CONFIG: '  ' }, cwd })).toEqual({ demo: true });
  });

  it('says how to write --config when its file is missing', () => {
    expect(() => resolveConfigPath({ argv: ['--config'], env: {}, cwd })).toThrow(/--config needs a file/);
  });
});
