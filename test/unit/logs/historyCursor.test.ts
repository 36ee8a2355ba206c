import { describe, expect, it } from 'vitest';
import type { LogStream } from '../../../shared/contract/logs.js';
import { historyCursor } from '../../../renderer/logs/historyCursor.js';

const view = (...lines: Array<[number, LogStream]>) => lines.map(([ts, stream]) => ({ ts, stream }));

describe('where a container view begins, for asking Docker for older lines', () => {
  it('counts, per stream, the lines shown from the millisecond of its oldest line', () => {
    const lines = view([10, 'stderr'], [9, 'stdout'], [9, 'stdout'], [10, 'stderr'], [11, 'stdout'], [12, 'stderr']);
    expect(historyCursor(lines.length, (i) => lines[i]!)).toEqual({
      until: 10,
      shown: { stderr: { until: 10, skip: 2 }, stdout: { until: 9, skip: 2 } },
    });
  });

  it('leaves out a stream the view has no line of, and starts from now when the view is empty', () => {
    const lines = view([5, 'system'], [7, 'stdout']);
    expect(historyCursor(lines.length, (i) => lines[i]!)).toEqual({ until: 5, shown: { stdout: { until: 7, skip: 1 } } });
    expect(historyCursor(0, () => ({ ts: 0, stream: 'stdout' }), 1234)).toEqual({ until: 1234, shown: {} });
  });
});
