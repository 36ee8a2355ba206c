// The read half of the history bench, in Chromium against browser mode started on seeded history.
import { join } from 'node:path';
import { openPage, repoRoot, startServer } from '../e2e/harness.js';

export async function measureReads(dataHome: string) {
  const server = await startServer({ env: { XDG_DATA_HOME: dataHome } });
  const opened = await openPage(`${server.url}#/dashboards?tab=health&range=15m`);
  const page = opened.page;
  // tsx (esbuild keepNames) wraps named functions in __name(); the page gets a no-op one so ours run there.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await page.evaluate('globalThis.__name = (fn) => fn');
  try {
    const chart = page.getByRole('img', { name: /^latency of backend-health/ });
    await chart.waitFor({ timeout: 60_000 });
    // Click 24h, then watch every frame until the chart holds the stored day; time is read after that frame's paint.
    const { chartMs, chartPoints } = await page.evaluate(
      () =>
        new Promise<{ chartMs: number; chartPoints: number }>((resolve) => {
          const button = [...document.querySelectorAll<HTMLButtonElement>('[role="radio"]')].find((b) => b.textContent === '24h')!;
          const t0 = performance.now();
          button.click();
          const check = () => {
            const el = document.querySelector<HTMLElement>('[aria-label^="latency of backend-health"]');
            const points = Number(el?.dataset.points ?? 0);
            const span = el ? Number(el.dataset.lastTs ?? 0) : 0;
            if (points >= 500 && span > 0) {
              // Seen from a frame callback, so this frame paints it: a task posted now runs after that paint.
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve({ chartMs: performance.now() - t0, chartPoints: points });
              channel.port2.postMessage(0);
            } else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
    );

    // The picture of a day from history for the README (renderer/screenshots/), only when asked for.
    if (process.env.SWITCHBOARD_UPDATE_SCREENSHOTS === '1') {
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(repoRoot, 'renderer/screenshots/dashboards-24h-from-history.png') });
    }

    await page.goto(`${server.url}#/timeline?span=7d`);
    const list = page.getByRole('listbox', { name: 'Events, newest first' });
    await list.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('.timeline-list')?.dataset.rows ?? 0) >= 1000, undefined, { timeout: 60_000 });
    await page.waitForTimeout(500);
    const timelineRows = Number(await list.getAttribute('data-rows'));
    const frames = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const el = document.querySelector<HTMLElement>('.timeline-list')!;
          const deltas: number[] = [];
          let last = performance.now();
          let n = 0;
          const step = (t: number) => {
            deltas.push(t - last);
            last = t;
            el.scrollTop += 180;
            if (++n < 300 && el.scrollTop + el.clientHeight < el.scrollHeight) requestAnimationFrame(step);
            else resolve(deltas.slice(1));
          };
          requestAnimationFrame(step);
        }),
    );
    const sorted = frames.slice().sort((a, b) => a - b);
    const frameP95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
    return { chartMs, chartPoints, timelineRows, frames: frames.length, frameP95 };
  } finally {
    await opened.close();
    await server.stop();
  }
}
