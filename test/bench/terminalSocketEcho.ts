// Keystroke echo through Switchboard's server from a Node WebSocket client, no browser: the same calls the
// page makes (terminals.input, then the echo on terminals.output), so (page − this) is what Chromium adds.
import WebSocket from 'ws';

type Message = { t: string; id: number; ok?: boolean; value?: unknown; items?: { offset: number; data: string }[] };

export async function socketEcho(port: number, token: string, count: number, gapMs: number): Promise<number[]> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`);
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  let nextId = 1;
  const listeners = new Set<(m: Message) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as Message;
    for (const listener of listeners) listener(message);
  });
  const next = (check: (m: Message) => unknown, ms = 10_000) =>
    new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => (listeners.delete(listener), reject(new Error('no answer from the server within 10 s'))), ms);
      const listener = (m: Message) => {
        if (!check(m)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(m);
      };
      listeners.add(listener);
    });
  const send = (message: object) => ws.send(JSON.stringify({ id: nextId++, ...message }));
  try {
    const listId = nextId;
    send({ t: 'sub', topic: 'terminals', params: {} });
    const list = (await next((m) => m.id === listId && m.t === 'snapshot')).value as { sessions: { id: string }[] };
    const session = list.sessions[0]!.id;
    const outputId = nextId;
    send({ t: 'sub', topic: 'terminals.output', params: { id: session, viewer: 'bench-socket' } });
    // Acknowledge every item at once, as a screen that draws instantly: main holds output while any viewer is behind.
    listeners.add((m) => {
      const last = m.id === outputId && m.t === 'append' ? m.items?.at(-1) : undefined;
      if (last) send({ t: 'call', cmd: 'terminals.ack', params: { id: session, viewer: 'bench-socket', offset: last.offset + last.data.length } });
    });
    await next((m) => m.id === outputId && m.t === 'snapshot');
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      if (i % 50 === 0) send({ t: 'call', cmd: 'terminals.input', params: { id: session, data: '\x15' } });
      await new Promise((r) => setTimeout(r, gapMs));
      const echoed = next((m) => m.id === outputId && m.t === 'append' && m.items?.some((item) => item.data.includes('x')));
      const started = performance.now();
      send({ t: 'call', cmd: 'terminals.input', params: { id: session, data: 'x' } });
      await echoed;
      times.push(performance.now() - started);
    }
    send({ t: 'call', cmd: 'terminals.input', params: { id: session, data: '\x15' } });
    return times;
  } finally {
    ws.close();
  }
}
