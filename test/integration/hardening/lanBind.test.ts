import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { repoRoot, startBrowserMode, tempStack, type BrowserModeProcess } from './browserModeProcess.js';
import { spawnSync } from 'node:child_process';

/** Serving the LAN takes HTTPS and the names clients will use; otherwise browser mode refuses to start, saying so. */
describe('browser mode on a non-loopback address', { timeout: 60_000 }, () => {
  let stack: ReturnType<typeof tempStack>;
  let cert: string;
  let key: string;

  beforeAll(() => {
    stack = tempStack('name: lan\n');
    cert = join(stack.dir, 'cert.pem');
    key = join(stack.dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=switchboard.test', '-addext', 'subjectAltName=DNS:switchboard.test,IP:127.0.0.1'], { stdio: 'ignore' });
  });
  afterAll(() => stack?.remove());

  function startFails(args: string[]): { code: number | null; stderr: string } {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron/serve.ts'), '--port', '0', '--config', stack.file, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
    return { code: run.status, stderr: run.stderr };
  }

  it('refuses --host 0.0.0.0 without a certificate, key and allowed names, and says what to pass', () => {
    const plain = startFails(['--host', '0.0.0.0']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/--host 0\.0\.0\.0 .*other machines.*--tls-cert FILE --tls-key FILE.*--allow-host NAME/);
    const noNames = startFails(['--host', '0.0.0.0', '--tls-cert', cert, '--tls-key', key]);
    expect(noNames.code).toBe(1);
    expect(noNames.stderr).toMatch(/--allow-host NAME/);
    const missingKey = startFails(['--host', '0.0.0.0', '--tls-cert', cert, '--allow-host', 'switchboard.test']);
    expect(missingKey.stderr).toMatch(/--tls-cert and --tls-key go together/);
    const unreadable = startFails(['--host', '0.0.0.0', '--tls-cert', join(stack.dir, 'nope.pem'), '--tls-key', key, '--allow-host', 'switchboard.test']);
    expect(unreadable.stderr).toMatch(/--tls-cert .*nope\.pem: .*(ENOENT|no such file)/);
    const swapped = startFails(['--host', '0.0.0.0', '--tls-cert', key, '--tls-key', cert, '--allow-host', 'switchboard.test']);
    expect(swapped.stderr).toMatch(/--tls-cert .* --tls-key .*not a certificate and its key/);
  });

  describe('with --tls-cert, --tls-key and --allow-host', () => {
    let server: BrowserModeProcess;
    beforeAll(async () => {
      server = await startBrowserMode(['--config', stack.file, '--host', '0.0.0.0', '--tls-cert', cert, '--tls-key', key, '--allow-host', 'switchboard.test']);
    });
    afterAll(async () => server?.stop());

    function httpsGet(path: string, host: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
      return new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path, ca: readFileSync(cert), checkServerIdentity: () => undefined, headers: { Host: `${host}:${server.port}`, ...headers } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, headers: res.headers });
        });
        req.on('error', reject);
        req.end();
      });
    }

    it('serves HTTPS under the allowed name, prints that URL, and gives a Secure __Host- cookie', async () => {
      expect(server.url).toMatch(new RegExp(`^https://switchboard\\.test:${server.port}/\\?token=`));
      const traded = await httpsGet(`/?token=${server.token}`, 'switchboard.test');
      expect(traded.status).toBe(303);
      const setCookie = String(traded.headers['set-cookie']);
      expect(setCookie).toMatch(/^__Host-switchboard_[\w-]+=[\w-]+; HttpOnly; SameSite=Strict; Path=\/; Secure$/);
      const cookie = setCookie.split(';')[0]!;
      const page = await httpsGet('/', 'switchboard.test', { Cookie: cookie });
      expect(page.status).toBe(200);
      expect(String(page.headers['content-security-policy'])).toContain(`wss://switchboard.test:${server.port}`);
      expect((await httpsGet('/', 'elsewhere.test', { Cookie: cookie })).status).toBe(421);
    });

    it('accepts WSS from the allowed https Origin only', async () => {
      const status = (origin: string) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(`wss://127.0.0.1:${server.port}/ws?token=${server.token}`, {
            ca: readFileSync(cert),
            headers: { Host: `switchboard.test:${server.port}`, Origin: origin },
          });
          ws.on('open', () => (ws.close(), resolve(101)));
          ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          ws.on('error', () => resolve(-1));
        });
      expect(await status(`https://switchboard.test:${server.port}`)).toBe(101);
      expect(await status(`http://switchboard.test:${server.port}`)).toBe(403);
      expect(await status(`https://evil.test:${server.port}`)).toBe(403);
    });
  });
});
