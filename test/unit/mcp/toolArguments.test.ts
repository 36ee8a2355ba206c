import { describe, expect, it } from 'vitest';
import { buildArguments, initialValues, toolFields } from '../../../renderer/mcp/toolArguments.js';

const schema = {
  type: 'object',
  properties: {
    message: { type: 'string', description: 'what to echo' },
    count: { type: 'integer', default: 2 },
    loud: { type: 'boolean' },
    mode: { type: 'string', enum: ['fast', 'slow'] },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['message', 'mode'],
};

describe('the tool call form', () => {
  it('turns a tool input schema into fields an operator can fill in', () => {
    const fields = toolFields(schema);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['message', 'string', true],
      ['count', 'integer', false],
      ['loud', 'boolean', false],
      ['mode', 'enum', true],
      ['tags', 'json', false],
    ]);
    expect(initialValues(fields)).toEqual({ message: '', count: '2', loud: false, mode: 'fast', tags: '' });
  });

  it('builds typed arguments and names the field to fix when one is wrong', () => {
    const fields = toolFields(schema);
    const ok = buildArguments(fields, { message: 'hi', count: '3', loud: true, mode: 'slow', tags: '["a"]' });
    expect(ok).toEqual({ args: { message: 'hi', count: 3, loud: true, mode: 'slow', tags: ['a'] } });
    expect(buildArguments(fields, { message: '', mode: 'fast' })).toEqual({ error: 'message is required' });
    expect(buildArguments(fields, { message: 'x', mode: 'fast', count: '1.5' })).toEqual({ error: 'count must be a whole number' });
    expect(buildArguments(fields, { message: 'x', mode: 'fast', tags: '[oops' })).toMatchObject({ error: expect.stringMatching(/^tags must be JSON/) });
  });
});
