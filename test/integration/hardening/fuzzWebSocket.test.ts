import { connect, type Socket } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { errorCodes } from '../../../shared/errors.js';
import { maxClientMessageBytes, type ServerMessage } from '../../../shared/protocol.js';
import { topics } from '../../../shared/contract/index.js';
import { fuzzMs } from './fuzzBudget.js';
import { startBrowserMode, tempStack, type BrowserModeProcess } from './browserModeProcess.js';
import { get, rawRequest } from './rawHttp.js';

const messagesMs = fuzzMs(0.2);
const framesMs = fuzzMs(0.15);

/** Commands that only read or fail on a stack with nothing in it; container actions are left out on purpose. */
const safeCommands = ['app.info', 'config.reload', 'logs.sources', 'logs.range', 'mcp.start', 'mcp.stop', 'mcp.restart', 'mcp.selfcheck', 'mcp.listTools', 'mcp.callTool', 'probes.benchmark', 'benchmark.cancel', 'benchmark.forget', 'containers.inspect', 'containers.logHistory'];

/** Every server message must be one of the protocol's, and every error a code and a sentence. */
function checkServerMessage(raw: string): ServerMessage {
  const message = JSON.parse(raw) as ServerMessage;
  expect(['result', 'snapshot', 'state', 'append', 'closed', 'error']).toContain(message.t);
  const error = message.t === 'error' ? message.error : message.t === 'result' && !message.ok ? message.error : message.t === 'closed' ? message.error : undefined;
  if (error) {
    expect(errorCodes).toContain(error.code);
    expect(typeof error.message).toBe('string');
  }
  return message;
}

describe('fuzzing browser mode over WebSocket', { timeout: messagesMs + framesMs + 120_000 }, () => {
  let server: BrowserModeProcess;
  let stack: ReturnType<typeof tempStack>;

  beforeAll(async () => {
    stack = tempStack('name: fuzz\ndocker: { host: "unix:///nonexistent/switchboard-fuzz.sock" }\n');
    server = await startBrowserMode(['--config', stack.file]);
  });

  afterAll(async () => {
    await server?.stop();
    stack?.remove();
  });

  async function open(): Promise<{ ws: WebSocket; received: ServerMessage[]; closed: () => boolean }> {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`);
    const received: ServerMessage[] = [];
    let closed = false;
    ws.on('message', (data) => received.push(checkServerMessage(String(data))));
    ws.on('close', () => (closed = true));
    ws.on('error', () => (closed = true));
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    return { ws, received, closed: () => closed };
  }

  /** A call the server must answer: proof it still reads and answers this connection. */
  async function roundTrip(client: Awaited<ReturnType<typeof open>>, id: number): Promise<void> {
    client.ws.send(JSON.stringify({ t: 'call', id, cmd: 'app.info', params: {} }));
    const deadline = Date.now() + 10_000;
    while (!client.received.some((m) => m.t === 'result' && m.id === id)) {
      if (client.closed()) throw new Error('the server closed a connection that only sent valid-sized text');
      if (Date.now() > deadline) throw new Error(`no answer to call ${id} within 10 s`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  it(`answers generated messages with protocol messages and structured errors (${Math.round(messagesMs / 1000)} s)`, async () => {
    const id = fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string({ maxLength: 5 }), fc.constant(null), fc.constant(Number.MAX_SAFE_INTEGER + 2));
    const params = fc.oneof({ arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 3 }, { arbitrary: fc.object({ maxDepth: 3 }), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
    const deep = fc.integer({ min: 1, max: 60_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);
    const deepObject = fc.integer({ min: 1, max: 20_000 }).map((n) => `{"t":"call","id":1,"cmd":"logs.range","params":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`);
    const message = fc.oneof(
      fc.record({ t: fc.constant('call'), id, cmd: fc.oneof(fc.constantFrom(...safeCommands), fc.string({ maxLength: 120 })), params }).map((m) => JSON.stringify(m)),
      fc.record({ t: fc.constant('sub'), id, topic: fc.oneof(fc.constantFrom(...Object.keys(topics)), fc.string({ maxLength: 120 })), params }).map((m) => JSON.stringify(m)),
      fc.record({ t: fc.constant('unsub'), id }).map((m) => JSON.stringify(m)),
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v) ?? 'null'),
      fc.string({ unit: 'binary', maxLength: 500 }),
      deep,
      deepObject,
      fc.integer({ min: maxClientMessageBytes - 100, max: maxClientMessageBytes }).map((n) => JSON.stringify({ t: 'call', id: 1, cmd: 'app.info', params: { pad: 'x'.repeat(n - 60) } })),
    );
    const frame = fc.oneof({ arbitrary: message.map((text) => ({ binary: false as const, text })), weight: 12 }, { arbitrary: fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ binary: true as const, bytes })), weight: 1 });

    let client = await open();
    let sent = 0;
    let checks = 0;
    let nextCheckId = 1_000_000_000;
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 20 }), async (frames) => {
        for (const f of frames) {
          if (f.binary) client.ws.send(f.bytes);
          else client.ws.send(f.text);
          sent++;
        }
        await roundTrip(client, nextCheckId++);
        checks++;
        expect(server.alive()).toBe(true);
        // keep the subscriptions generated so far from piling up past the per-client cap
        if (checks % 50 === 0) {
          client.ws.close();
          client = await open();
        }
      }),
      { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: messagesMs, markInterruptAsFailure: false },
    );
    // Over the payload limit: the server closes this connection (1009) and keeps serving others.
    const big = await open();
    big.ws.send('x'.repeat(maxClientMessageBytes + 1));
    const deadline = Date.now() + 10_000;
    while (!big.closed() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(big.closed()).toBe(true);
    await roundTrip(client, nextCheckId++);
    client.ws.close();
    console.log(`fuzz: ${sent} WebSocket messages in ${checks} batches, each batch answered; 0 crashes`);
    expect(sent).toBeGreaterThan(50);
  });

  it(`survives raw WebSocket frames: bad opcodes, masks, lengths and bytes (${Math.round(framesMs / 1000)} s)`, async () => {
    const handshake = get(server.port, `/ws?token=${server.token}`, ['Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==']).replace('Connection: close', 'Connection: Upgrade');
    const header = fc.record({
      fin: fc.boolean(),
      rsv: fc.nat({ max: 7 }),
      opcode: fc.oneof(fc.constantFrom(0x0, 0x1, 0x2, 0x8, 0x9, 0xa), fc.nat({ max: 15 })),
      masked: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
      length: fc.oneof(fc.nat({ max: 125 }), fc.constant(126), fc.constant(127)),
      extended: fc.oneof(fc.nat({ max: 0xffff }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })),
      mask: fc.uint8Array({ minLength: 4, maxLength: 4 }),
      payload: fc.uint8Array({ maxLength: 1024 }),
    });
    const frameBytes = fc.oneof(
      header.map((h) => {
        const head = [((h.fin ? 0x80 : 0) | (h.rsv << 4) | h.opcode) & 0xff, (h.masked ? 0x80 : 0) | h.length];
        const ext = h.length === 126 ? [Number(BigInt(h.extended) & 0xffffn) >> 8, Number(BigInt(h.extended) & 0xffn)] : h.length === 127 ? [...Buffer.from(BigInt.asUintN(64, BigInt(h.extended)).toString(16).padStart(16, '0'), 'hex')] : [];
        return Buffer.concat([Buffer.from([...head, ...ext]), h.masked ? Buffer.from(h.mask) : Buffer.alloc(0), Buffer.from(h.payload)]);
      }),
      fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
    );

    let frames = 0;
    let connections = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(frameBytes, { minLength: 1, maxLength: 8 }), async (batch) => {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(server.port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        connections++;
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
        socket.on('error', () => {});
        socket.write(handshake);
        const deadline = Date.now() + 5_000;
        while (!answer.includes('\r\n\r\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
        expect(answer).toMatch(/^HTTP\/1\.1 101 /);
        for (const bytes of batch) {
          if (socket.destroyed) break;
          socket.write(bytes);
          frames++;
        }
        await new Promise((r) => setTimeout(r, 5));
        socket.destroy();
        expect(server.alive(), `browser mode died:\n${server.stderr().slice(-3000)}`).toBe(true);
      }),
      { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: framesMs, markInterruptAsFailure: false },
    );
    const page = await rawRequest(server.port, get(server.port, `/?token=${server.token}`));
    expect(page.status).toBe(303);
    const cookie = page.headers['set-cookie']!.split(';')[0]!;
    expect((await rawRequest(server.port, get(server.port, '/', [`Cookie: ${cookie}`]))).status).toBe(200);
    expect(server.stderr()).not.toMatch(/uncaught exception|unhandled promise rejection/);
    console.log(`fuzz: ${frames} raw WebSocket frames over ${connections} connections; 0 crashes, page still served`);
    expect(frames).toBeGreaterThan(50);
  });
});
