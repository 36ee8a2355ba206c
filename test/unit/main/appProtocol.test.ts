import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appIndexUrl, appSchemeRegistration, appUrlPath, isAppPage, resolveRendererFile } from '../../../electron/main/appProtocol.js';

const root = resolve('/opt/switchboard/dist/renderer');
const file = (url: string) => resolveRendererFile(url, root);

describe('the app:// origin', () => {
  it('is a standard, secure scheme that nothing may read cross-origin or use to skip the CSP', () => {
    expect(appSchemeRegistration.scheme).toBe('app');
    expect(appSchemeRegistration.privileges).toMatchObject({ standard: true, secure: true });
    expect(appSchemeRegistration.privileges?.corsEnabled).toBeFalsy();
    expect(appSchemeRegistration.privileges?.bypassCSP).toBeFalsy();
    expect(appSchemeRegistration.privileges?.allowServiceWorkers).toBeFalsy();
  });

  it('knows our page by exact origin and path, whatever the #route', () => {
    expect(appIndexUrl).toBe('app://switchboard/index.html');
    expect(isAppPage('app://switchboard/index.html')).toBe(true);
    expect(isAppPage('app://switchboard/index.html#/logs?source=x')).toBe(true);
    expect(appUrlPath('app://switchboard/assets/x.js')).toBe('/assets/x.js');
  });

  it.each([
    'app://switchboard.evil/index.html',
    'app://evil.switchboard/index.html',
    'app://switchboardx/index.html',
    'app://switchboard:8080/index.html',
    'app://user@switchboard/index.html',
    'app://switchboard:pw@switchboard/index.html',
    'apps://switchboard/index.html',
    'file:///opt/switchboard/dist/renderer/index.html',
    'https://switchboard/index.html',
    'https://evil.example/app://switchboard/index.html',
    'not a url',
    '',
  ])('%s is not on our origin', (url) => {
    expect(appUrlPath(url)).toBeUndefined();
    expect(isAppPage(url)).toBe(false);
  });

  it('is our page only at /index.html', () => {
    expect(isAppPage('app://switchboard/')).toBe(false);
    expect(isAppPage('app://switchboard/index.html.evil')).toBe(false);
    expect(isAppPage('app://switchboard/assets/index.html')).toBe(false);
  });
});

describe('app:// URL to a renderer file', () => {
  it('serves index.html for the bare origin and files under the folder with their MIME types', () => {
    expect(file('app://switchboard/')).toEqual({ ok: true, file: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(file('app://switchboard/index.html?x=1#/logs')).toMatchObject({ ok: true, file: join(root, 'index.html') });
    expect(file('app://switchboard/assets/index-abc.js')).toEqual({ ok: true, file: join(root, 'assets/index-abc.js'), contentType: 'text/javascript; charset=utf-8' });
    expect(file('app://switchboard/assets/index-abc.css')).toMatchObject({ contentType: 'text/css; charset=utf-8' });
    expect(file('app://switchboard/assets/logo.SVG')).toMatchObject({ contentType: 'image/svg+xml' });
    expect(file('app://switchboard/assets/font.woff2')).toMatchObject({ contentType: 'font/woff2' });
    expect(file('app://switchboard/assets/blob.bin')).toMatchObject({ contentType: 'application/octet-stream' });
    expect(file('app://switchboard/assets/with%20space.js')).toMatchObject({ ok: true, file: join(root, 'assets/with space.js') });
  });

  it.each([
    ['encoded slash', 'app://switchboard/..%2f..%2fsecret.txt'],
    ['encoded slash after a folder', 'app://switchboard/assets/..%2F..%2F..%2Fetc%2Fpasswd'],
    ['encoded backslash', 'app://switchboard/..%5c..%5csecret.txt'],
    ['backslash', 'app://switchboard/assets\\..\\..\\secret.txt'],
    ['NUL byte', 'app://switchboard/index.html%00.png'],
  ])('refuses %s', (_what, url) => {
    expect(file(url)).toMatchObject({ ok: false, status: 404 });
  });

  it('keeps dot-dot, plain or encoded, inside the folder: the URL parser folds it before we see the path', () => {
    for (const url of [
      'app://switchboard/../../etc/passwd',
      'app://switchboard/assets/../../../secret.txt',
      'app://switchboard/%2e%2e/%2e%2e/etc/passwd',
      'app://switchboard/assets/%2E%2E/%2E%2E/package.json',
      'app://switchboard/.%2e/secret.txt',
      'app://switchboard//etc/passwd',
    ]) {
      const target = file(url);
      if (target.ok) expect(target.file.startsWith(root + sep)).toBe(true);
    }
  });

  it('leaves double-encoded dot-dot as a literal (missing) file name inside the folder', () => {
    expect(file('app://switchboard/%252e%252e/secret.txt')).toMatchObject({ ok: true, file: join(root, '%2e%2e/secret.txt') });
  });

  it('answers 400 to malformed percent-encoding and 404 to other origins', () => {
    expect(file('app://switchboard/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
    expect(file('app://other/index.html')).toMatchObject({ ok: false, status: 404 });
    expect(file('file:///etc/passwd')).toMatchObject({ ok: false, status: 404 });
  });
});
