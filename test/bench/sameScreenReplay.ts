/**
 * The idle bench's second floor: the Overview's own screen, redrawn by hand.
 *
 * The live-chart floor (liveChartFloor.ts) is the least any 1 Hz chart costs; it
 * draws far less than the Overview does. This reference draws exactly what the
 * Overview draws: it records the Overview's DOM and every change React makes to
 * it over a stretch of time, then replays those changes on a copy of that DOM:
 * no React, no topic store, no data handling. Two ways:
 *   - drawing only: at the recorded moments, from a plain timer;
 *   - receiving and drawing: as a feed's WebSocket messages arrive
 *     (bareIdleServer.mjs: the same messages, of the same sizes, at the same beat
 *     as the server's), each one parsed and nothing more. No page can show data
 *     it was not sent: on this machine one WebSocket message a second costs a
 *     page ~0.1 % of a core with nothing drawn, which drawing only leaves out.
 * So, against the second,
 *   Overview / replay ≈ 1  → our code adds nothing; what is left is the browser
 *                            receiving and painting (the price of showing them);
 *   Overview / replay ≫ 1  → the cost is in our code, and worth profiling.
 *
 * The recording loops: each pass applies the same changes again (values, not
 * diffs), so the page keeps doing the same work for as long as it is measured.
 */
import type { Page } from 'playwright-core';

/**
 * A DOM node as data: text as a string, an element as [tag, namespace, attributes,
 * children]. Not HTML: re-parsing HTML merges adjacent text nodes (React writes
 * "12" and " ms" as two), which would shift every index after them.
 */
type NodeData = string | ['#comment', string] | [string, string | null, [string, string][], NodeData[]];

/** One DOM change, addressed by child-node indexes from <html>. */
type Change =
  | { kind: 'attribute'; path: number[]; name: string; value: string | null }
  | { kind: 'text'; path: number[]; data: string }
  | { kind: 'children'; path: number[]; children: NodeData[] };

export interface ScreenRecording {
  /** The document when recording began. */
  root: NodeData;
  /** Every stylesheet's rules, to inline (the copy has no origin to load them from). */
  css: string;
  /** Batches of changes, as one MutationObserver callback saw them, at ms after the start. */
  batches: { at: number; changes: Change[] }[];
  ms: number;
}

/** Records the page's DOM and its changes for `ms`. */
export async function recordScreen(page: Page, ms: number): Promise<ScreenRecording> {
  await page.evaluate(`(() => {
    const pathOf = (node) => {
      const path = [];
      for (let n = node; n !== document.documentElement; n = n.parentNode) {
        if (!n || !n.parentNode) return undefined; // no longer in the document: its parent's children change covers it
        path.unshift(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
      }
      return path;
    };
    const data = (n) => n.nodeType === 3 ? n.data : n.nodeType !== 1 ? ['#comment', ''] :
      [n.localName, n.namespaceURI, [...n.attributes].map((a) => [a.name, a.value]), [...n.childNodes].map(data)];
    const css = [...document.styleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\\n')).join('\\n');
    const t0 = performance.now();
    const rec = { root: data(document.documentElement), css, batches: [], ms: 0 };
    const observer = new MutationObserver((records) => {
      const changes = [];
      for (const r of records) {
        const path = pathOf(r.target);
        if (!path) continue;
        // Values are read now, at the end of the batch: what the screen shows after it.
        if (r.type === 'attributes') changes.push({ kind: 'attribute', path, name: r.attributeName, value: r.target.getAttribute(r.attributeName) });
        else if (r.type === 'characterData') changes.push({ kind: 'text', path, data: r.target.data });
        else changes.push({ kind: 'children', path, children: [...r.target.childNodes].map(data) });
      }
      if (changes.length) rec.batches.push({ at: performance.now() - t0, changes });
    });
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    // Stopping also drops the page's hold on the recording: the page is measured next, and should not carry it.
    window.__stopScreenRecording = () => { observer.disconnect(); delete window.__stopScreenRecording; rec.ms = performance.now() - t0; return rec; };
  })()`);
  await new Promise((r) => setTimeout(r, ms));
  const recording = (await page.evaluate('window.__stopScreenRecording()')) as ScreenRecording;
  if (recording.batches.length === 0) throw new Error(`the page changed nothing in ${ms} ms: no screen to replay`);
  return recording;
}

/**
 * A self-contained page that builds the recorded DOM and replays its changes in a loop: at the
 * recorded moments from a timer, or with `feedUrl`, at that WebSocket feed's messages (a message
 * that arrives when a change is due asks for an animation frame, which writes every change due).
 * `watchedBy` runs first: the counters the bench puts in the page it compares with, so the
 * replay pays for being watched as that page does.
 */
export function replayPage(recording: ScreenRecording, feedUrl?: string, watchedBy = ''): string {
  const data = JSON.stringify(recording).replace(/</g, '\\u003c');
  const feedJson = JSON.stringify(feedUrl ?? null);
  const watch = watchedBy ? `<script>${watchedBy.replace(/<\/script/gi, '<\\/script')}</script>` : '';
  return `<!doctype html><html><head>${watch}</head><body><script>(() => {
  const { root, css, batches, ms } = ${data};
  // Scripts, links and the CSP meta stay as inert elements: they hold their places in the child indexes
  // (a CSP inserted now would apply to this page's own script and style).
  const inert = { script: ['src'], link: ['href'], meta: ['http-equiv'] };
  const build = (d) => {
    if (typeof d === 'string') return document.createTextNode(d);
    if (d[0] === '#comment') return document.createComment(d[1]);
    const [tag, ns, attributes, children] = d;
    const el = document.createElementNS(ns, tag);
    for (const [name, value] of attributes) if (!(inert[tag] ?? []).includes(name)) el.setAttribute(name, value);
    if (tag === 'script') el.setAttribute('type', 'text/inert');
    else for (const c of children) el.appendChild(build(c));
    return el;
  };
  const html = document.documentElement;
  for (const [name, value] of root[2]) html.setAttribute(name, value);
  html.replaceChildren(...root[3].map(build));
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style); // last in <head>: no recorded index moves
  const at = (path) => path.reduce((n, i) => n && n.childNodes[i], html);
  const apply = (changes) => {
    // Children first, shortest path first: the other changes are addressed in the DOM as it is after them.
    for (const c of changes.filter((c) => c.kind === 'children').sort((a, b) => a.path.length - b.path.length)) { const n = at(c.path); if (n) n.replaceChildren(...c.children.map(build)); }
    for (const c of changes) {
      const n = at(c.path);
      if (!n) continue;
      if (c.kind === 'attribute') c.value === null ? n.removeAttribute(c.name) : n.setAttribute(c.name, c.value);
      else if (c.kind === 'text') n.data = c.data;
    }
  };
  // As the Overview does, changes are written in an animation frame: batches that came a few
  // milliseconds apart (React's commit, then a text's own update) land in one frame, not two.
  // Fed, the frame is asked for by a message, and a batch recorded between two beats waits for
  // the next one, as the Overview's would have waited for the message that caused it. Frames and
  // messages are counted: a page that gets none paints nothing and is no reference.
  window.__replay = { frames: 0, messages: 0, closed: false };
  const feed = ${feedJson};
  let start = performance.now(), next = 0, asked = false;
  const dueAt = () => start + batches[next].at;
  const frame = () => {
    asked = false;
    const now = performance.now();
    // A timer can fire a fraction of a millisecond early: such a frame applies nothing, and is not counted.
    if (dueAt() <= now) window.__replay.frames++;
    while (dueAt() <= now) {
      apply(batches[next].changes);
      next += 1;
      if (next === batches.length) { next = 0; start += ms; }
    }
    if (feed === null) setTimeout(() => requestAnimationFrame(frame), Math.max(0, dueAt() - performance.now()));
  };
  if (feed === null) setTimeout(() => requestAnimationFrame(frame), batches[0].at);
  else {
    const socket = new WebSocket(feed);
    socket.onmessage = (event) => {
      JSON.parse(String(event.data)); // the least a page does with its data
      window.__replay.messages++;
      if (!asked && dueAt() <= performance.now()) { asked = true; requestAnimationFrame(frame); }
    };
    socket.onclose = () => { window.__replay.closed = true; };
  }
})();</script></body></html>`;
}
