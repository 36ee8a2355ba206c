// What terminal.bench.ts runs inside the page: it times each keystroke's echo hop by hop, and counts frames.
// These functions are sent to the page as source text (page.addInitScript / page.evaluate): no imports, no closures.

/** One keystroke's echo, each time measured from the keydown (ms, the page's clock). */
export interface EchoTimes {
  /** The WebSocket message with the echo reached the page, before the app handled it. */
  arrived: number;
  /** xterm's write callback ran for it (TerminalView's 'terminal-written' event): parsed, not drawn yet. */
  written: number;
  /** The frame that drew the changed rows was painted. */
  painted: number;
}

declare global {
  interface Window {
    __echo?: (key: string) => Promise<EchoTimes>;
    /** The promise of the echo being waited for: armed in one evaluate before the key press, read after it. */
    __echoed?: Promise<EchoTimes>;
    __frames?: number[];
    __framing?: boolean;
  }
}

/**
 * Runs in the page before the app: records each keydown (capture phase) and, for `__echo(key)`, the
 * first WebSocket message that carries `key` back, the first xterm write after it, and the paint after
 * the rows changed. xterm's DOM renderer changes its rows inside a requestAnimationFrame callback, so a
 * MessageChannel task posted from the mutation runs after that frame's paint.
 */
export function instrument(): void {
  let keydownAt = NaN;
  let waiting: { key: string; arrived: number; written: number } | undefined;
  document.addEventListener('keydown', () => (keydownAt = performance.now()), { capture: true });
  // 'terminal-written' is TerminalView's terminalWrittenEvent; it does not bubble, capture still sees it.
  document.addEventListener(
    'terminal-written',
    () => {
      if (waiting && !Number.isNaN(waiting.arrived) && Number.isNaN(waiting.written)) waiting.written = performance.now() - keydownAt;
    },
    { capture: true },
  );
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // Added before the app sets onmessage, so it runs first: the time the bytes reached the page.
      this.addEventListener('message', (event: MessageEvent) => {
        if (!waiting || !Number.isNaN(waiting.arrived) || typeof event.data !== 'string' || !event.data.includes('"append"')) return;
        const message = JSON.parse(event.data) as { t: string; items?: { data?: unknown }[] };
        if (message.t === 'append' && message.items?.some((item) => typeof item.data === 'string' && item.data.includes(waiting!.key))) {
          waiting.arrived = performance.now() - keydownAt;
        }
      });
    }
  };
  window.__echo = (key) =>
    new Promise<EchoTimes>((resolve) => {
      waiting = { key, arrived: NaN, written: NaN };
      const rows = document.querySelector('.terminal-pane .xterm-rows')!;
      const observer = new MutationObserver(() => {
        observer.disconnect();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const { arrived, written } = waiting!;
          waiting = undefined;
          resolve({ arrived, written, painted: performance.now() - keydownAt });
        };
        channel.port2.postMessage(0);
      });
      observer.observe(rows, { subtree: true, childList: true, characterData: true });
    });
}

/** Runs in the page: frame intervals while `__framing` is on. */
export function countFrames(): void {
  const frames: number[] = (window.__frames = []);
  window.__framing = true;
  let last = performance.now();
  const tick = (now: number) => {
    frames.push(now - last);
    last = now;
    if (window.__framing) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
