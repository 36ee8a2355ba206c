import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { isPlainResultResponse } from '../../../electron/mcp/resultResponse.js';

// Every line the fast path takes must be one the SDK's schema accepts unchanged; the rest go to zod.
const lines = [
  '{"jsonrpc":"2.0","id":1,"result":{}}',
  '{"jsonrpc":"2.0","id":"gw-7","result":{"content":[{"type":"text","text":"Echo: x"}]}}',
  '{"result":{"tools":[]},"id":0,"jsonrpc":"2.0"}',
  '{"jsonrpc":"2.0","id":1.5,"result":{}}',
  '{"jsonrpc":"2.0","id":9007199254740993,"result":{}}',
  '{"jsonrpc":"2.0","id":null,"result":{}}',
  '{"jsonrpc":"2.0","id":1,"result":[]}',
  '{"jsonrpc":"2.0","id":1,"result":null}',
  '{"jsonrpc":"2.0","id":1,"result":"x"}',
  '{"jsonrpc":"2.0","id":1,"result":{"_meta":{"progressToken":1}}}',
  '{"jsonrpc":"2.0","id":1,"result":{"_meta":"bad"}}',
  '{"jsonrpc":"2.0","id":1,"result":{},"extra":1}',
  '{"jsonrpc":"2.0","id":1,"result":{},"__proto__":{}}',
  '{"jsonrpc":"1.0","id":1,"result":{}}',
  '{"jsonrpc":"2.0","result":{}}',
  '{"jsonrpc":"2.0","id":1,"error":{"code":-1,"message":"no"}}',
  '{"jsonrpc":"2.0","id":1,"method":"ping"}',
  '{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"a","progress":1}}',
  '[]',
  'null',
  '3',
];

describe('isPlainResultResponse', () => {
  it.each(lines)('agrees with JSONRPCMessageSchema and keeps the message as parsed: %s', (line) => {
    const value: unknown = JSON.parse(line);
    const zod = JSONRPCMessageSchema.safeParse(JSON.parse(line));
    if (isPlainResultResponse(value)) {
      expect(zod.success).toBe(true);
      expect(zod.data).toStrictEqual(value);
    }
  });

  it('takes the answers to ordinary calls', () => {
    expect(isPlainResultResponse(JSON.parse(lines[0]!))).toBe(true);
    expect(isPlainResultResponse(JSON.parse(lines[1]!))).toBe(true);
    expect(isPlainResultResponse(JSON.parse(lines[2]!))).toBe(true);
  });
});
