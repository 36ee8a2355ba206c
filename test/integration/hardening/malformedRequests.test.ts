import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, tempStack, type BrowserModeProcess } from './browserModeProcess.js';
import { get, rawRequest } from './rawHttp.js';

/** Requests that used to kill browser mode (issue #10): each gets an answer, and the process keeps serving. */
describe('browser mode survives malformed requests', { timeout: 60_000 }, () => {
  let server: BrowserModeProcess;
  let stack: ReturnType<typeof tempStack>;
  let cookie: string;

  beforeAll(async () => {
    stack = tempStack('name: hardening\n');
    server = await startBrowserMode(['--config', stack.file]);
    const traded = await rawRequest(server.port, get(server.port, `/?token=${server.token}`));
    expect(traded.status).toBe(303);
    cookie = traded.headers['set-cookie']!.split(';')[0]!;
  });

  afterAll(async () => {
    await server?.stop();
    stack?.remove();
  });

  const cookieName = () => cookie.slice(0, cookie.indexOf('='));

  async function expectStillServing(): Promise<void> {
    expect(server.alive(), `browser mode died:\n${server.stderr()}`).toBe(true);
    const page = await rawRequest(server.port, get(server.port, '/', [`Cookie: ${cookie}`]));
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/i);
  }

  it('answers 400 with the page security headers to a path that is not a URL, on HTTP', async () => {
    const answer = await rawRequest(server.port, get(server.port, '//['));
    expect(answer.status).toBe(400);
    expect(answer.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    await expectStillServing();
  });

  it('answers 400 to a path that is not a URL on the WebSocket upgrade, before the token check', async () => {
    const upgrade = get(server.port, '//[', ['Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==']);
    const answer = await rawRequest(server.port, upgrade.replace('Connection: close\r\n', ''));
    expect(answer.status).toBe(400);
    await expectStillServing();
  });

  it('treats a cookie that is not valid percent-encoding as "not signed in"', async () => {
    const answer = await rawRequest(server.port, get(server.port, '/', [`Cookie: ${cookieName()}=%E0%A4%A`]));
    expect(answer.status).toBe(401);
    const upgrade = get(server.port, '/ws', ['Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', `Cookie: ${cookieName()}=%E0%A4%A`]);
    const refused = await rawRequest(server.port, upgrade.replace('Connection: close', 'Connection: Upgrade'));
    expect(refused.status).toBe(403);
    expect(refused.headers['content-security-policy']).toMatch(/default-src 'self'/);
    await expectStillServing();
  });

  it('answers 400 to a signed-in request for a path that is not valid percent-encoding', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js']) {
      const answer = await rawRequest(server.port, get(server.port, path, [`Cookie: ${cookie}`]));
      expect(answer.status, path).toBe(400);
      expect(answer.headers['content-security-policy'], path).toMatch(/default-src 'self'/);
    }
    await expectStillServing();
  });
});
