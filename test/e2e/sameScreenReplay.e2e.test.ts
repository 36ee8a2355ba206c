import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { recordScreen, replayPage } from '../bench/sameScreenReplay.js';
import { openPage, type OpenedPage } from './harness.js';

/*
 * The idle bench reads the Overview's cost against a replay of its own DOM changes
 * (test/bench/sameScreenReplay.ts). That reference is only worth its figure if the
 * replay ends up with the DOM the page had: same nodes, same text, same attributes,
 * and if it draws when its feed's messages arrive, as the Overview does, and not otherwise.
 */

// A page that changes as React does: a number and its unit as two adjacent text nodes
// (HTML would merge them), an attribute, a list whose items are replaced, a node removed.
// Four changes 100 ms apart, then nothing. They start 300 ms after the recorder is in
// place, not after load: on a busy CI machine setContent can return later than 300 ms.
const changingPage = `<!doctype html><html><head><title>changing</title><style>li { color: teal }</style></head><body>
<p id="last"></p><svg width="100" height="20"><path id="line" d="M0,0"/></svg><ul id="list"><li>first</li></ul><b id="gone">gone soon</b>
<script>
const last = document.getElementById('last');
const value = document.createTextNode('0'); last.append(value, document.createTextNode(' ms'));
let n = 0;
const step = () => {
  n += 1;
  value.data = String(n * 11);
  document.getElementById('line').setAttribute('d', 'M0,0L' + n * 10 + ',' + n);
  document.getElementById('list').replaceChildren(...Array.from({ length: n }, (_, i) => Object.assign(document.createElement('li'), { textContent: 'item ' + i })));
  if (n === 3) document.getElementById('gone').remove();
  if (n < 4) setTimeout(step, 100);
};
const begin = () => (window.__stopScreenRecording ? setTimeout(step, 300) : setTimeout(begin, 10));
begin();
</script></body></html>`;

/** The body as nodes (text nodes kept apart), scripts left out: what the two pages are compared on. */
const shape = (page: Page) =>
  page.evaluate(() => {
    const walk = (n: Node): unknown =>
      n.nodeType === Node.TEXT_NODE
        ? (n as Text).data
        : n instanceof Element
          ? n.localName === 'script'
            ? 'script'
            : [n.localName, [...n.attributes].map((a) => `${a.name}=${a.value}`).sort(), [...n.childNodes].map(walk)]
          : n.nodeName;
    return walk(document.body);
  });

/** A feed on loopback: path /beat sends a message every 50 ms to its client, /silent sends nothing. */
async function startFeed(): Promise<{ url: string; close(): void }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  server.on('connection', (ws, req) => {
    if (req.url !== '/beat') return;
    const timer = setInterval(() => ws.send(JSON.stringify({ t: 'state', id: 1, value: { n: Date.now() } })), 50);
    ws.on('close', () => clearInterval(timer));
  });
  const close = () => {
    for (const ws of server.clients) ws.terminate(); // ends their timers too; server.close() alone leaves clients open
    server.close();
  };
  return { url: `ws://127.0.0.1:${(server.address() as { port: number }).port}`, close };
}

describe('same-screen replay (the idle bench reference)', () => {
  let opened: OpenedPage;
  let feed: Awaited<ReturnType<typeof startFeed>>;
  beforeAll(async () => {
    opened = await openPage('data:text/html,<title>blank</title>');
    feed = await startFeed();
  });
  afterAll(async () => {
    feed?.close();
    await opened?.close();
  });

  it.each(['timer', 'feed'] as const)('rebuilds the recorded page and replays its changes to the same DOM, adjacent text nodes included (drawn by %s)', async (by) => {
    const source = await opened.browser.newPage();
    await source.setContent(changingPage);
    const recording = await recordScreen(source, 2000);
    expect(recording.batches.length).toBeGreaterThanOrEqual(4);
    const recorded = await shape(source);
    expect(JSON.stringify(recorded)).toContain('"44"," ms"'); // the two text nodes, as the page wrote them

    const replay = await opened.browser.newPage();
    const errors: string[] = [];
    replay.on('pageerror', (e) => errors.push(e.message));
    await replay.setContent(replayPage(recording, by === 'feed' ? `${feed.url}/beat` : undefined));
    // The changes ran from 300 to ~600 ms; the loop starts again at 2000 + 300 ms. Waiting
    // for the frames rather than a fixed time keeps a slow CI machine from reading too early.
    await expect.poll(() => replay.evaluate('window.__replay.frames'), { timeout: 1800 }).toBeGreaterThanOrEqual(4);
    expect(errors).toEqual([]);
    expect(await shape(replay)).toEqual(recorded);
    if (by === 'feed') expect(await replay.evaluate('window.__replay.messages')).toBeGreaterThan(4); // each one received and parsed
    // The page's stylesheet came along: the list is drawn as the source drew it.
    expect(await replay.locator('li').first().evaluate((li) => getComputedStyle(li).color)).toBe('rgb(0, 128, 128)');
  });

  it('draws nothing while its feed sends nothing: its frames come with the messages, as the Overview\'s do', async () => {
    const source = await opened.browser.newPage();
    await source.setContent(changingPage);
    const recording = await recordScreen(source, 800);
    const replay = await opened.browser.newPage();
    await replay.setContent(replayPage(recording, `${feed.url}/silent`));
    await new Promise((r) => setTimeout(r, 1200)); // every change is due by now
    expect(await replay.evaluate('({ ...window.__replay })')).toEqual({ frames: 0, messages: 0, closed: false });
    expect(await replay.locator('#list li').count()).toBe(1); // the recorded start, unchanged
  });

  it('refuses a page that changed nothing: there would be nothing to measure', async () => {
    const still = await opened.browser.newPage();
    await still.setContent('<p>nothing moves here</p>');
    await expect(recordScreen(still, 300)).rejects.toThrow(/changed nothing in 300 ms/);
  });
});
