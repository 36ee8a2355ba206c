import { describe, expect, it } from 'vitest';
import { isJsonRpcMessage, kindOf } from '../../../electron/gateway/messageKind.js';

describe('gateway message shapes (checked by keys, without a schema parse per message)', () => {
  it('takes requests, notifications and responses', () => {
    expect(isJsonRpcMessage({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo' } })).toBe(true);
    expect(isJsonRpcMessage({ jsonrpc: '2.0', id: 'a', method: 'ping' })).toBe(true);
    expect(isJsonRpcMessage({ jsonrpc: '2.0', method: 'notifications/initialized' })).toBe(true);
    expect(isJsonRpcMessage({ jsonrpc: '2.0', id: 'gws-1', result: {} })).toBe(true);
    expect(isJsonRpcMessage({ jsonrpc: '2.0', id: 3, error: { code: -1, message: 'no' } })).toBe(true);
  });

  it('refuses what is not JSON-RPC 2.0', () => {
    for (const bad of [null, [], 'ping', { id: 1, method: 'ping' }, { jsonrpc: '1.0', id: 1, method: 'ping' }, { jsonrpc: '2.0', id: 1.5, method: 'ping' }, { jsonrpc: '2.0', id: 1, method: 'x', params: 'a' }, { jsonrpc: '2.0', id: 1 }, { jsonrpc: '2.0', result: {} }, { jsonrpc: '2.0', id: 1, error: { message: 'no code' } }]) {
      expect(isJsonRpcMessage(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('tells the kinds apart', () => {
    expect(kindOf({ jsonrpc: '2.0', id: 1, method: 'ping' }).kind).toBe('request');
    expect(kindOf({ jsonrpc: '2.0', method: 'notifications/progress', params: {} }).kind).toBe('notification');
    expect(kindOf({ jsonrpc: '2.0', id: 1, result: {} }).kind).toBe('response');
  });
});
