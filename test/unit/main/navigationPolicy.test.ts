import { describe, expect, it } from 'vitest';
import { externalLinkToOpen, mayNavigate } from '../../../electron/main/navigationPolicy.js';

describe('navigation', () => {
  it('lets the top frame (re)load our page only', () => {
    expect(mayNavigate('app://switchboard/index.html', true)).toBe(true);
    expect(mayNavigate('app://switchboard/index.html#/logs', true)).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://switchboard/assets/x.js', 'app://switchboard.evil/index.html', 'javascript:alert(1)']) {
      expect(mayNavigate(url, true)).toBe(false);
    }
  });

  it('lets no frame inside the page navigate, not even to our page', () => {
    expect(mayNavigate('app://switchboard/index.html', false)).toBe(false);
  });
});

describe('links opened in a new window', () => {
  it('go to the user\'s browser when they are plain http(s)', () => {
    expect(externalLinkToOpen('https://modelcontextprotocol.io/docs')).toBe('https://modelcontextprotocol.io/docs');
    expect(externalLinkToOpen('http://127.0.0.1:8080/health')).toBe('http://127.0.0.1:8080/health');
  });

  it.each([
    'file:///etc/passwd',
    'smb://server/share/app.exe',
    'ms-msdt:/id PCWDiagnostic',
    'javascript:alert(1)',
    'app://switchboard/index.html',
    'https://user:pw@example.com/',
    'https://trusted.example@evil.example/',
    'not a url',
  ])('%s is dropped', (url) => {
    expect(externalLinkToOpen(url)).toBeUndefined();
  });
});
