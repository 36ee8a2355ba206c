import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const script = fileURLToPath(new URL('./bareIdleServer.mjs', import.meta.url));

export interface BareFeed {
  pid: number;
  /** Its WebSocket address, for a page to connect to (the idle bench's same-screen replay does). */
  url: string;
  /** Every message the client received, as text, with when. */
  received: { at: number; text: string }[];
  stop(): Promise<void>;
}

/**
 * Starts bareIdleServer.mjs (the idle bench's server reference) against a backend's /health and
 * /metrics. With `client` (the default), one WebSocket client is connected as the Overview page is
 * to the server, in the calling process, which is not measured: only the feed process's CPU is the
 * reference, and `received` is what it was sent. Without, the caller connects its own (a page).
 */
export async function startBareFeed(healthUrl: string, metricsUrl: string, { client = true }: { client?: boolean } = {}): Promise<BareFeed> {
  const child = spawn(process.execPath, [script, healthUrl, metricsUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const received: BareFeed['received'] = [];
  let ws: WebSocket | undefined;
  let url: string;
  const stop = async () => {
    ws?.close();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`bareIdleServer.mjs exited (code ${code}) before listening`)));
      child.stdout!.on('data', (d: Buffer) => {
        const m = /listening (\d+)/.exec(String(d));
        if (m) resolve(Number(m[1]));
      });
    });
    url = `ws://127.0.0.1:${port}`;
    if (client) {
      const socket = (ws = new WebSocket(url));
      socket.on('message', (d) => received.push({ at: Date.now(), text: String(d) }));
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
    }
  } catch (err) {
    await stop(); // a feed that did not start is not left running
    throw err;
  }
  return { pid: child.pid!, url, received, stop };
}

/** The demo backend's /health and /metrics, from the address the Overview's cache row shows. */
export function backendUrls(cacheRowText: string): { health: string; metrics: string } {
  const metrics = /https?:\/\/[^\s/]+\/metrics/.exec(cacheRowText)?.[0];
  if (!metrics) throw new Error(`the Overview's cache row shows no /metrics address to feed from: "${cacheRowText}"`);
  return { health: metrics.replace(/\/metrics$/, '/health'), metrics };
}
