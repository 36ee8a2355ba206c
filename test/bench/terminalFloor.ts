// The floor under terminal.bench.ts's echo: a key's round trip to a bare WebSocket echo server on loopback
// (bareWebSocketEcho.mjs, its own process) from a Chromium page and from a Node client. What (a) costs beyond
// it, and beyond the pty reference, is Switchboard's own share.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import WebSocket from 'ws';

const script = fileURLToPath(new URL('./bareWebSocketEcho.mjs', import.meta.url));

export interface BareEcho {
  port: number;
  stop(): void;
}

export async function startBareEcho(): Promise<BareEcho> {
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => child.kill();
  // Never outlive the bench, even when it fails before stopping it.
  process.once('exit', stop);
  const port = await new Promise<number>((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const match = /listening (\d+)/.exec(printed);
      if (match) resolve(Number(match[1]));
    });
    child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the bare WebSocket echo server exited (${code}): ${printed}`)));
  });
  return { port, stop };
}

/** A Node client: send one key, time until it comes back, `count` times, `gapMs` apart (ms). */
export async function nodeFloor(port: number, count: number, gapMs: number): Promise<number[]> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  try {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      await new Promise((r) => setTimeout(r, gapMs));
      const started = performance.now();
      const back = new Promise((resolve) => ws.once('message', resolve));
      ws.send('x');
      await back;
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    ws.close();
  }
}

/**
 * A page in the same browser (same context, so the same viewport and flags), the echo server's blank page so no app
 * or CSP is in the way: keydown sends the key to the echo server, its message event stops the clock; keys pressed as
 * the bench presses them. The page records every echo itself: a key press and an evaluate reach the page by
 * different paths, so a promise set up just before the press could miss an echo that came first.
 */
export async function pageFloor(browser: Browser, port: number, count: number, gapMs: number): Promise<number[]> {
  const page = await browser.contexts()[0]!.newPage();
  try {
    // tsx names the functions it compiles with a helper the page lacks (as terminal.bench.ts does for its own).
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.evaluate(
      (url) =>
        new Promise<void>((resolve) => {
          const ws = new WebSocket(url);
          const times: number[] = ((window as unknown as { __floor: number[] }).__floor = []);
          let keydownAt = NaN;
          document.addEventListener('keydown', (event) => ((keydownAt = performance.now()), ws.send(event.key)), { capture: true });
          ws.addEventListener('message', () => times.push(performance.now() - keydownAt));
          ws.addEventListener('open', () => resolve());
        }),
      `ws://127.0.0.1:${port}`,
    );
    for (let i = 1; i <= count; i++) {
      await new Promise((r) => setTimeout(r, gapMs));
      await page.keyboard.press('x');
      await page.waitForFunction((n) => (window as unknown as { __floor: number[] }).__floor.length >= n, i, { timeout: 10_000 });
    }
    return await page.evaluate(() => (window as unknown as { __floor: number[] }).__floor);
  } finally {
    await page.close();
  }
}
