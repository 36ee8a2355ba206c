import WebSocket from 'ws';
import type { ServerMessage } from '../../../shared/protocol.js';

/** A minimal contract client over browser mode's WebSocket, for tests that drive a real server process. */
export interface TestClient {
  call<T = unknown>(cmd: string, params?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>;
  /** Every snapshot, state and append item of one subscription, as they arrive. */
  subscribe(topic: string, params?: unknown): { items: unknown[]; snapshots: unknown[]; closed?: unknown };
  received: ServerMessage[];
  close(): void;
}

export async function connectClient(port: number, token: string): Promise<TestClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`);
  const received: ServerMessage[] = [];
  const waiting = new Map<number, (message: ServerMessage) => void>();
  const streams = new Map<number, { items: unknown[]; snapshots: unknown[]; closed?: unknown }>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    received.push(message);
    if (message.t === 'result') waiting.get(message.id)?.(message);
    if (message.t === 'snapshot' || message.t === 'state') streams.get(message.id)?.snapshots.push(message.value);
    if (message.t === 'append') streams.get(message.id)?.items.push(...message.items);
    if (message.t === 'closed') {
      const stream = streams.get(message.id);
      if (stream) stream.closed = message.error ?? true;
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  return {
    received,
    call(cmd, params = {}) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, (message) => resolve(message as never));
        ws.send(JSON.stringify({ t: 'call', id, cmd, params }));
      });
    },
    subscribe(topic, params = {}) {
      const id = nextId++;
      const stream = { items: [] as unknown[], snapshots: [] as unknown[] };
      streams.set(id, stream);
      ws.send(JSON.stringify({ t: 'sub', id, topic, params }));
      return stream;
    },
    close: () => ws.close(),
  };
}

/** Polls `check` until it returns true or `ms` passes. */
export async function eventually(check: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
