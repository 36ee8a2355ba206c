import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/trustedSender.js';

const ours = { fromThisWindow: true, fromTopFrame: true, frameUrl: 'app://switchboard/index.html' };

describe('the IPC sender check', () => {
  it('trusts our page in our window\'s top frame, on any #route', () => {
    expect(isTrustedSender(ours)).toBe(true);
    expect(isTrustedSender({ ...ours, frameUrl: 'app://switchboard/index.html#/mcp?server=memory' })).toBe(true);
  });

  it('refuses another window, an iframe, and a frame that is gone', () => {
    expect(isTrustedSender({ ...ours, fromThisWindow: false })).toBe(false);
    expect(isTrustedSender({ ...ours, fromTopFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: undefined })).toBe(false);
  });

  it.each([
    // The old check was frameUrl.startsWith(pathToFileURL(rendererDir)): these passed it.
    ['a sibling folder sharing the prefix', 'file:///opt/switchboard/dist/renderer-evil/index.html'],
    ['a file under the renderer folder', 'file:///opt/switchboard/dist/renderer/index.html'],
    ['a host that extends ours', 'app://switchboard.evil.example/index.html'],
    ['a host ours is a suffix of', 'app://evil-switchboard/index.html'],
    ['user info naming our host', 'app://switchboard@evil.example/index.html'],
    ['a port', 'app://switchboard:1/index.html'],
    ['another page on our origin', 'app://switchboard/assets/index.html'],
    ['a name extending index.html', 'app://switchboard/index.html.evil'],
    ['our URL inside another', 'https://evil.example/?next=app://switchboard/index.html'],
    ['about:blank', 'about:blank'],
    ['a data URL', 'data:text/html,<script>1</script>'],
  ])('refuses %s', (_what, frameUrl) => {
    expect(isTrustedSender({ ...ours, frameUrl })).toBe(false);
  });
});
