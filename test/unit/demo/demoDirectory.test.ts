import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDemoDirectory } from '../../../electron/demo/demoDirectory.js';

describe('the demo folder', () => {
  it('is a new private folder each run: mode 0700, a random name under the temp dir, not the old per-user name', async () => {
    const first = await openDemoDirectory({});
    const second = await openDemoDirectory({});
    try {
      for (const folder of [first, second]) {
        expect(dirname(folder.path)).toBe(tmpdir());
        expect(basename(folder.path)).toMatch(/^switchboard-demo-[A-Za-z0-9]{6}$/);
        expect(basename(folder.path)).not.toBe(`switchboard-demo-${userInfo().username}`);
        const info = statSync(folder.path);
        expect(info.isDirectory()).toBe(true);
        if (process.platform !== 'win32') {
          expect(info.mode & 0o777).toBe(0o700);
          expect(info.uid).toBe(process.getuid?.());
        }
      }
      expect(first.path).not.toBe(second.path);
    } finally {
      await first.remove();
      await second.remove();
    }
  });

  it('is removed, with what the demo wrote in it, when the demo stops', async () => {
    const folder = await openDemoDirectory({});
    writeFileSync(join(folder.path, 'memory.jsonl'), '{}\n');
    await folder.remove();
    expect(existsSync(folder.path)).toBe(false);
    await folder.remove();
  });

  describe('with SWITCHBOARD_DEMO_DIR', () => {
    const parent = mkdtempSync(join(tmpdir(), 'switchboard-demo-override-'));
    afterAll(() => rmSync(parent, { recursive: true, force: true }));

    it('uses the folder the user named, creates it, and leaves it (and its files) in place', async () => {
      const chosen = join(parent, 'mine', 'demo');
      const folder = await openDemoDirectory({ SWITCHBOARD_DEMO_DIR: chosen });
      expect(folder.path).toBe(chosen);
      expect(statSync(chosen).isDirectory()).toBe(true);
      writeFileSync(join(chosen, 'search-index'), '');
      await folder.remove();
      expect(existsSync(join(chosen, 'search-index'))).toBe(true);
    });
  });
});
