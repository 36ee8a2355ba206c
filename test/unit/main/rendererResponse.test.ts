import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rendererResponse } from '../../../electron/main/rendererResponse.js';
import { contentSecurityPolicy } from '../../../electron/transport/contentSecurityPolicy.js';

// A built renderer folder, and a secret next to it (not in it) that no app:// URL may reach.
const base = mkdtempSync(join(tmpdir(), 'switchboard-app-protocol-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const rendererDir = join(base, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Switchboard</title>');
writeFileSync(join(rendererDir, 'assets/index-abc.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'secret');
mkdirSync(join(base, 'renderer-evil'));
writeFileSync(join(base, 'renderer-evil/index.html'), 'evil');

const policy = contentSecurityPolicy();
const get = (url: string, method = 'GET') => rendererResponse(new Request(url, { method }), rendererDir, policy);

describe('the app:// protocol handler', () => {
  it('serves the page and its assets with their Content-Type, the CSP and nosniff', async () => {
    const page = await get('app://switchboard/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(policy);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Switchboard</title>');

    const script = await get('app://switchboard/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://switchboard/')).status).toBe(200);
  });

  it.each([
    'app://switchboard/..%2fsecret.txt',
    'app://switchboard/%2e%2e/secret.txt',
    'app://switchboard/../secret.txt',
    'app://switchboard/..%5csecret.txt',
    'app://switchboard/..%2frenderer-evil%2findex.html',
    'app://switchboard/assets',
    'app://switchboard/missing.js',
    'app://elsewhere/index.html',
  ])('answers %s with a 404 that carries the CSP and no file', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(policy);
    const text = await res.text();
    expect(text).not.toContain('secret');
    expect(text).not.toContain('evil');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://switchboard/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://switchboard/index.html', 'POST')).status).toBe(405);
  });
});
