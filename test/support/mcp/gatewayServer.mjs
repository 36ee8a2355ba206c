#!/usr/bin/env node
// A small stdio MCP server for the gateway's tests and benchmark, in raw JSON-RPC so it costs next to nothing per call:
//   echo      answers its message
//   spin      keeps the CPU busy for `ms` milliseconds (the replicas benchmark's CPU-bound tool)
//   announce  sends notifications/tools/list_changed, then answers
//   whoami    answers its pid (which replica served the call)
import { createInterface } from 'node:readline';

const send = (msg) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...msg }) + '\n');
const text = (t) => ({ content: [{ type: 'text', text: String(t) }] });
const tools = ['echo', 'spin', 'announce', 'whoami'].map((name) => ({ name, inputSchema: { type: 'object' } }));

createInterface({ input: process.stdin }).on('line', (line) => {
  const msg = JSON.parse(line);
  if (msg.id === undefined || msg.method === undefined) return;
  switch (msg.method) {
    case 'initialize':
      return send({ id: msg.id, result: { protocolVersion: msg.params.protocolVersion, capabilities: { tools: { listChanged: true } }, serverInfo: { name: 'gateway-test', version: '1.0.0' } } });
    case 'tools/list':
      return send({ id: msg.id, result: { tools } });
    case 'ping':
      return send({ id: msg.id, result: {} });
    case 'tools/call': {
      const args = msg.params.arguments ?? {};
      if (msg.params.name === 'echo') return send({ id: msg.id, result: text(args.message ?? '') });
      if (msg.params.name === 'whoami') return send({ id: msg.id, result: text(process.pid) });
      if (msg.params.name === 'announce') {
        send({ method: 'notifications/tools/list_changed' });
        return send({ id: msg.id, result: text('announced') });
      }
      if (msg.params.name === 'spin') {
        const until = performance.now() + Number(args.ms ?? 10);
        let n = 0;
        while (performance.now() < until) n++;
        return send({ id: msg.id, result: text(n) });
      }
      return send({ id: msg.id, error: { code: -32602, message: `no tool ${msg.params.name}` } });
    }
    default:
      return send({ id: msg.id, error: { code: -32601, message: `no method ${msg.method}` } });
  }
}).on('close', () => process.exit(0));
