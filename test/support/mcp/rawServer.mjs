#!/usr/bin/env node
// A hand-written MCP server that misbehaves on purpose, chosen by RAW_MODE:
//   crash-after   answers like a normal server, then exits 3 after CRASH_AFTER_MS
//   ping-gate     stops answering pings while the file $PING_GATE exists
//   old-protocol  answers initialize with a protocol version no client supports
//   flood         answers normally while writing FLOOD_MB megabytes of log lines to stderr
// In any mode EXIT_AFTER_CLOSE_MS keeps it running that long after stdin closes (slow to shut down).
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

const mode = process.env.RAW_MODE ?? 'normal';
const send = (msg) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...msg }) + '\n');

if (mode === 'crash-after') {
  setTimeout(() => {
    console.error('raw-server: panic: lost connection to upstream');
    process.exit(3);
  }, Number(process.env.CRASH_AFTER_MS ?? 1000));
}

if (mode === 'flood') {
  const total = Number(process.env.FLOOD_MB ?? 100) * 1024 * 1024;
  let written = 0;
  let n = 0;
  const filler = 'x'.repeat(60);
  // Lines go out ~64 KB at a time, as a buffered logger writes them: one write per line made this
  // writer's own syscalls (stderr to a pipe is synchronous) the limit of what the reader could ingest.
  const pump = () => {
    while (written < total) {
      let batch = '';
      while (batch.length < 65_536 && written + batch.length < total) batch += `2026-11-26T10:00:00Z WARN flood line ${n++} ${filler}\n`;
      written += batch.length;
      if (!process.stderr.write(batch)) return process.stderr.once('drain', pump);
    }
    console.error('raw-server: flood done');
  };
  pump();
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const msg = JSON.parse(line);
  if (msg.id === undefined) return;
  switch (msg.method) {
    case 'initialize':
      send({
        id: msg.id,
        result: {
          protocolVersion: mode === 'old-protocol' ? '1999-01-01' : msg.params.protocolVersion,
          capabilities: { tools: {} },
          serverInfo: { name: `raw-${mode}`, version: '1.0.0' },
        },
      });
      break;
    case 'tools/list':
      send({ id: msg.id, result: { tools: [{ name: 'noop', inputSchema: { type: 'object' } }] } });
      break;
    case 'ping':
      if (mode === 'ping-gate' && existsSync(process.env.PING_GATE ?? '')) return;
      send({ id: msg.id, result: {} });
      break;
    default:
      send({ id: msg.id, error: { code: -32601, message: `no method ${msg.method}` } });
  }
}).on('close', () => {
  // like a server flushing or releasing a lock before it exits
  const linger = Number(process.env.EXIT_AFTER_CLOSE_MS ?? 0);
  if (linger > 0) setTimeout(() => process.exit(0), linger);
  else process.exit(0);
});
console.error(`raw-server: started in ${mode} mode`);
