import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadStackFile, type StackLoad } from '../../../electron/config/loadStackFile.js';
import { stackFolder, yaml } from './stackFolder.js';

function problemsOf(load: StackLoad) {
  if (load.ok) throw new Error(`expected problems, got a config: ${JSON.stringify(load.config)}`);
  return load.problems;
}

describe('the history: section of the stack file', () => {
  let dir: ReturnType<typeof stackFolder>;
  beforeEach(() => {
    dir = stackFolder();
  });
  afterEach(() => dir.remove());

  it('is on by default (7 d, 1 GiB), takes retain, maxBytes, path and prometheus, and false', async () => {
    const plain = await loadStackFile(dir.write('a.yaml', 'name: a\n'));
    expect(plain.ok && plain.config.history).toEqual({ retain: 7 * 86_400_000, maxBytes: 1024 ** 3 });
    const set = await loadStackFile(dir.write('b.yaml', yaml`
      history:
        path: ./h.db
        retain: 2w
        maxBytes: 50MB
        prometheus: http://127.0.0.1:9090
    `));
    expect(set.ok && set.config.history).toEqual({ path: './h.db', retain: 14 * 86_400_000, maxBytes: 50 * 1024 ** 2, prometheus: 'http://127.0.0.1:9090' });
    const off = await loadStackFile(dir.write('c.yaml', 'history: false\n'));
    expect(off.ok && off.config.history).toBe(false);
  });

  it('names the file, line, column and key of a mistake, with a did-you-mean', async () => {
    const file = dir.write('stack.yaml', yaml`
      name: shop
      history:
        retian: 7d
        maxBytes: 10 parsecs
    `);
    expect(problemsOf(await loadStackFile(file))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file, line: 3, column: 3, key: 'history.retian', message: 'unknown key "retian": did you mean "retain"?' }),
        expect.objectContaining({ file, line: 4, column: 3, key: 'history.maxBytes', message: '"10 parsecs" is not a size: write it like 500MB or 2GB' }),
      ]),
    );
  });
});
