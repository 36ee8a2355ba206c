import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './appFixture.js';
import { repoRoot } from './harness.js';
import { TestContainers, freePort } from '../support/docker/testContainers.js';
import { docker } from '../support/docker/dockerCli.js';
import { hostPostgres } from '../support/docker/postgresImage.js';

const postgres = hostPostgres() !== undefined;
if (!postgres) console.log('psql terminal test skipped: PostgreSQL is not installed here (apt-get install postgresql), and its test image copies it');

// Terminals in Chromium against the real engine: a shell in a busybox container, redis-cli with a password.
describe('Terminals screen', () => {
  const tc = new TestContainers();
  const password = 'e2e-redis-pw-41c7d2';
  const pgPassword = 'e2e-pg-pw-9b03e5';
  let page: Page;

  beforeAll(async () => {
    await tc.run({ image: 'terminal', name: 'shell' });
    const port = await freePort();
    await tc.run({
      image: 'redis',
      name: 'redis',
      env: { REDIS_PASSWORD: password, REDIS_PORT: String(port) },
      cmd: ['sh', '-c', 'exec redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir /tmp --requirepass "$REDIS_PASSWORD"'],
    });
    // Debian's PostgreSQL on busybox (no registry here): a cluster whose superuser needs its password, on the socket too.
    if (postgres) await tc.run({ image: 'postgres', name: 'postgres', env: { POSTGRES_USER: 'operator', POSTGRES_PASSWORD: pgPassword, POSTGRES_DB: 'postgres', PGPORT: String(await freePort()) } });
  }, 180_000);

  afterAll(async () => {
    await tc.removeAll();
  });

  const app = useApp({ config: { name: 'e2e-terminals', docker: { containers: [`${tc.prefix}-*`] } }, at: '#/containers', viewport: { width: 1400, height: 860 } });
  beforeAll(() => {
    page = app.page;
  });

  const shellName = `${tc.prefix}-shell`;
  const redisName = `${tc.prefix}-redis`;
  const postgresName = `${tc.prefix}-postgres`;
  const row = (name: string) => page.getByRole('listitem', { name: `container ${name}` });
  const pane = () => page.locator('.terminal-pane');
  /** What the terminal shows now: its visible rows, without the cell padding at their ends. */
  const screen = async () =>
    (await pane().locator('.xterm-rows').innerText())
      .replace(/\u00a0/g, ' ')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n');
  /**
   * Waits until the program reads keys: busybox sh asks the terminal where its cursor is after each prompt
   * and drops what arrives before the answer, so a key is typed, seen echoed, and taken back.
   */
  const ready = async () => {
    await pane().locator('.xterm-helper-textarea').focus();
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.keyboard.type('x');
      const echoed = await expect
        .poll(async () => (await screen()).trimEnd().endsWith('x'), { timeout: 1_000 })
        .toBe(true)
        .then(() => true, () => false);
      if (!echoed) continue;
      // Ctrl-U empties the line, however many of the x's arrived; wait until it has, so the next keys are read.
      for (let kill = 0; kill < 5; kill++) {
        await page.keyboard.press('Control+U');
        const emptied = await expect
          .poll(async () => !(await screen()).trimEnd().endsWith('x'), { timeout: 1_000 })
          .toBe(true)
          .then(() => true, () => false);
        if (emptied) return;
      }
    }
    throw new Error(`the program in the terminal does not echo keys; it shows:\n${await screen()}`);
  };
  const typeLine = async (text: string) => {
    await ready();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  const processes = async (container = shellName) => (await docker(['top', container, '-o', 'pid,args'])).split('\n').slice(1).map((l) => l.trim().replace(/^\d+\s+/, ''));
  const paste = (text: string) =>
    pane()
      .locator('.xterm-helper-textarea')
      .evaluate((textarea, data) => {
        const clipboardData = new DataTransfer();
        clipboardData.setData('text/plain', data);
        textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
      }, text);

  /** Everything the log hub holds now, as the page would receive it. */
  const hubText = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const ws = new WebSocket(`ws://${location.host}/ws`);
          ws.onopen = () => ws.send(JSON.stringify({ t: 'sub', id: 1, topic: 'logs', params: { tail: 100_000 } }));
          ws.onmessage = (event) => {
            const message = JSON.parse(String(event.data)) as { t: string };
            if (message.t !== 'snapshot') return;
            ws.close();
            resolve(String(event.data));
          };
          ws.onerror = () => reject(new Error('no WebSocket'));
        }),
    );

  it('opens a shell from the containers screen; typed commands run', async () => {
    await expect.poll(() => row(shellName).locator('.pill').textContent(), { timeout: 30_000 }).toBe('running');
    await row(shellName).getByRole('button', { name: `Open terminal in ${shellName}` }).click();
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toMatch(/^#\/terminals\?session=/);
    await expect.poll(() => page.getByRole('listitem', { name: `session ${shellName} · sh` }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^\/ #$/m);
    await typeLine('echo ok-$((40+2))');
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^ok-42$/m);
  });

  it('shows UTF-8 and colours; a link opens in a new window', async () => {
    // A link to Switchboard's own server, so the new window stays on this machine.
    const link = `http://127.0.0.1:${app.server.port}/docs`;
    await typeLine(`clear; printf '\\033[31mred\\033[0m h\\303\\251llo \\342\\234\\223 see ${link}\\n'`);
    await expect.poll(screen, { timeout: 10_000 }).toContain(`red héllo ✓ see ${link}\n`);
    expect(await pane().locator('.xterm-rows span.xterm-fg-1').first().textContent()).toBe('red');
    const line = pane().locator('.xterm-rows > div', { hasText: /^red h/ });
    const box = (await line.boundingBox())!;
    const cols = Number((await pane().locator('.terminal-sub').textContent())!.match(/(\d+)×/)![1]);
    const cell = (await pane().locator('.xterm-screen').boundingBox())!.width / cols;
    const at = { x: box.x + cell * ('red héllo ✓ see http'.length + 0.5), y: box.y + box.height / 2 };
    const popup = page.waitForEvent('popup', { timeout: 10_000 });
    await page.mouse.move(at.x, at.y);
    await page.mouse.click(at.x, at.y);
    const opened = await popup;
    await expect.poll(() => opened.url()).toBe(link);
    await opened.close();
  });

  it('stty size follows the window', async () => {
    const size = async () => (await pane().locator('.terminal-sub').textContent())!.match(/(\d+)×(\d+)/)!.slice(1).map(Number);
    const [cols1, rows1] = await size();
    await typeLine('stty size');
    await expect.poll(screen, { timeout: 10_000 }).toContain(`${rows1} ${cols1}`);
    await page.setViewportSize({ width: 1100, height: 700 });
    await expect.poll(async () => (await size()).join('x'), { timeout: 10_000 }).not.toBe(`${cols1}x${rows1}`);
    const [cols2, rows2] = await size();
    await typeLine('clear; stty size');
    await expect.poll(screen, { timeout: 10_000 }).toMatch(new RegExp(`^${rows2} ${cols2}$`, 'm'));
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  it('keeps the session and its scrollback across screen switches', async () => {
    await typeLine('echo kept-$((6*7))');
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^kept-42$/m);
    await page.getByRole('link', { name: 'Logs' }).click();
    await expect.poll(() => pane().count()).toBe(0);
    await page.getByRole('link', { name: 'Terminals' }).click();
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^kept-42$/m);
    expect(await page.getByRole('list', { name: 'Terminal sessions' }).getByRole('listitem').count()).toBe(1);
  });

  it('pastes multi-line text, bracketed when the program asks for it', async () => {
    await typeLine('clear');
    await ready();
    await paste('echo one-$((0+1))\necho two-$((1+1))\n');
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^one-1$[\s\S]*^two-2$/m);
    // A program that turns bracketed paste on sees the paste wrapped; the TTY echoes ESC as ^[.
    await typeLine(`clear; printf '\\033[?2004h'; echo ready; read -r line; printf '\\033[?2004l'; echo "len-\${#line}"`);
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^ready$/m);
    await paste('pasted-text');
    await page.keyboard.press('Enter');
    // ESC[200~ + 11 characters + ESC[201~
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^len-23$/m);
    // Ctrl+Shift+V pastes what the clipboard holds; Ctrl+V would go to the program.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => navigator.clipboard.writeText('echo clip-$((2+3))'));
    await ready();
    await page.keyboard.press('Control+Shift+V');
    await page.keyboard.press('Enter');
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^clip-5$/m);
    // A double-clicked word, copied with Ctrl+Shift+C.
    const row = pane().locator('.xterm-rows > div', { hasText: /^clip-5/ });
    const box = (await row.boundingBox())!;
    await page.mouse.dblclick(box.x + 12, box.y + box.height / 2);
    await page.keyboard.press('Control+Shift+C');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('clip-5');
  });

  it('shows a megabyte of output whole, however slowly the screen draws it', async () => {
    // About 2,000 pieces from the TTY: more than main lets a screen fall behind, so the exec pauses and resumes.
    await typeLine('clear; yes | head -c 1000000 | wc -c; yes | head -c 1000000; echo big-$((1+1))');
    await expect.poll(screen, { timeout: 120_000, interval: 500 }).toMatch(/^big-2$/m);
  });

  it('Ctrl-C stops sleep 100', async () => {
    await typeLine('clear; sleep 100');
    await expect.poll(async () => (await processes()).includes('sleep 100'), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Control+C');
    await expect.poll(async () => (await processes()).includes('sleep 100'), { timeout: 10_000 }).toBe(false);
    await typeLine('echo back-$((1+1))');
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^back-2$/m);
  });

  it('searches the scrollback, changes the font size, gives the docker exec command', async () => {
    await pane().getByRole('button', { name: 'Search' }).click();
    await page.getByRole('textbox', { name: 'Search the scrollback' }).fill('back-2');
    await page.keyboard.press('Enter');
    await expect.poll(() => pane().locator('.xterm-decoration-top, .xterm-find-active-result-decoration').count(), { timeout: 5_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    const before = await pane().locator('.terminal-font-size').textContent();
    await pane().locator('.xterm-helper-textarea').focus();
    await page.keyboard.press('Control+Equal');
    await expect.poll(() => pane().locator('.terminal-font-size').textContent()).toBe(`${Number.parseInt(before!) + 1}px`);
    await page.keyboard.press('Control+Minus');
    await expect.poll(() => pane().locator('.terminal-font-size').textContent()).toBe(before);
    await pane().getByRole('button', { name: 'Open in system terminal' }).click();
    await expect.poll(() => pane().locator('.terminal-system code').textContent()).toBe(`docker exec -it ${shellName} sh`);
    // Ctrl+Shift+F opens the search again from the terminal.
    await pane().locator('.xterm-helper-textarea').focus();
    await page.keyboard.press('Control+Shift+F');
    await page.getByRole('textbox', { name: 'Search the scrollback' }).fill('back-2');
    await page.keyboard.press('Enter');
    await app.shot('terminals-shell-tools');
  });

  it('opens redis-cli with the password from the env; PING gets PONG; the password is nowhere', async () => {
    await page.getByRole('link', { name: 'Containers' }).click();
    await row(redisName).getByRole('button', { name: /Show stats and details/ }).click();
    const launchers = page.getByRole('group', { name: `terminals for ${redisName}` });
    await expect.poll(() => launchers.getByRole('button', { name: 'redis-cli' }).count(), { timeout: 10_000 }).toBe(1);
    await app.shot('terminals-containers-launchers');
    await launchers.getByRole('button', { name: 'redis-cli' }).click();
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toMatch(/^#\/terminals\?session=/);
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^127\.0\.0\.1:\d+>$/m);
    await typeLine('PING');
    await expect.poll(screen, { timeout: 10_000 }).toContain('PONG');
    expect(await page.getByRole('list', { name: 'Terminal sessions' }).getByRole('listitem').count()).toBe(2);
    expect(await page.content()).not.toContain(password);
    const hub = await hubText();
    expect(hub).toContain('opened: redis-cli');
    expect(hub).not.toContain(password);
    await app.shot('terminals-two-sessions');
  });

  it.skipIf(!postgres)('opens psql as POSTGRES_USER with POSTGRES_PASSWORD from the env; a query answers; the password is nowhere', async () => {
    // The redis-cli session ends here: a service shell closes like any session.
    await pane().getByRole('button', { name: 'Close' }).click();
    await page.getByRole('link', { name: 'Containers' }).click();
    await row(postgresName).getByRole('button', { name: /Show stats and details/ }).click();
    const launchers = page.getByRole('group', { name: `terminals for ${postgresName}` });
    await expect.poll(() => launchers.getByRole('button', { name: 'psql' }).count(), { timeout: 10_000 }).toBe(1);
    // The cluster is made when the container starts: wait until it answers before opening psql.
    await expect
      .poll(() => docker(['exec', '-e', `PGPASSWORD=${pgPassword}`, postgresName, 'psql', '-U', 'operator', '-d', 'postgres', '-Atc', 'select 1']).catch(() => ''), { timeout: 60_000, interval: 500 })
      .toBe('1');
    await launchers.getByRole('button', { name: 'psql' }).click();
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^postgres=#$/m);
    await typeLine('select 40 + 2 as answer;');
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^ +42$/m);
    const sessions = page.getByRole('list', { name: 'Terminal sessions' });
    expect(await sessions.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => sessions.getByRole('listitem', { name: `session ${postgresName} · psql` }).count()).toBe(1);
    expect(await page.content()).not.toContain(pgPassword);
    expect(await hubText()).not.toContain(pgPassword);
    const picture = await app.shot('terminals-shell-and-psql');
    // The README's picture changes only when asked for, as the theme screenshots do.
    if (process.env.SWITCHBOARD_UPDATE_SCREENSHOTS === '1') copyFileSync(picture, join(repoRoot, 'renderer/screenshots/terminals.png'));
  });

  it('closing a session ends its exec process', async () => {
    await page.getByRole('list', { name: 'Terminal sessions' }).getByRole('button', { name: new RegExp(`${shellName} · sh`) }).click();
    await typeLine('sleep 300 &');
    await expect.poll(async () => (await processes()).includes('sleep 300'), { timeout: 10_000 }).toBe(true);
    await pane().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Terminal sessions' }).getByRole('listitem').count(), { timeout: 10_000 }).toBe(1);
    // Only the container's own loop is left once the close has swept the session.
    await expect.poll(async () => (await processes()).filter((p) => !/^sh -c trap|^sleep 1$/.test(p)), { timeout: 10_000 }).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('quitting the app ends every session (a shell and a service shell)', async () => {
    const form = page.getByRole('form', { name: 'Open a terminal' });
    await form.getByRole('combobox', { name: 'Container' }).selectOption({ label: shellName });
    await form.getByRole('button', { name: 'Open terminal' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Terminal sessions' }).getByRole('listitem').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/^\/ #$/m);
    await typeLine('sleep 400');
    await expect.poll(async () => (await processes()).includes('sleep 400'), { timeout: 10_000 }).toBe(true);
    if (postgres) expect((await processes(postgresName)).filter((p) => p.startsWith('psql'))).toHaveLength(1);
    await app.quit();
    expect((await processes()).filter((p) => !/^sh -c trap|^sleep 1$/.test(p))).toEqual([]);
    // The service shell ended too (psql, or redis-cli without PostgreSQL): only the server's processes are left.
    if (postgres) expect((await processes(postgresName)).filter((p) => p.startsWith('psql'))).toEqual([]);
    else expect((await processes(redisName)).filter((p) => p.startsWith('redis-cli'))).toEqual([]);
  });
});
