#!/usr/bin/env node
// The gateway benchmark's HTTP floor: a Streamable HTTP "server" that answers every request at once with
// plain JSON (initialize, then any call with an echo-shaped result), in a process of its own as the gateway
// is. What the SDK's HTTP client costs against it is the part of the added latency no gateway can remove.
import { createServer } from 'node:http';

createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    if (req.method !== 'POST') return void res.writeHead(405, { Allow: 'POST' }).end();
    const message = JSON.parse(body);
    if (message.id === undefined) return void res.writeHead(202).end();
    const result =
      message.method === 'initialize'
        ? { protocolVersion: message.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'instant', version: '1' } }
        : { content: [{ type: 'text', text: `Echo: ${message.params?.arguments?.message ?? ''}` }] };
    const answer = JSON.stringify({ jsonrpc: '2.0', id: message.id, result });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(answer), 'mcp-session-id': 'instant' }).end(answer);
  });
}).listen(0, '127.0.0.1', function () {
  console.log(`INSTANT http://127.0.0.1:${this.address().port}/mcp`);
});
