import { describe, expect, it } from 'vitest';
import { allowPermission, guardSession, refuseBluetoothPicker } from '../../../electron/main/permissionPolicy.js';

const page = 'app://switchboard/index.html';
// Electron's types, named through the functions under test: tests do not import 'electron'.
type Session = Parameters<typeof guardSession>[0];
type WebContents = Parameters<typeof refuseBluetoothPicker>[0];

describe('permission decisions', () => {
  it('grant clipboard writes to our page\'s top frame, by URL or by origin', () => {
    expect(allowPermission({ permission: 'clipboard-sanitized-write', requestingUrl: page, isMainFrame: true })).toBe(true);
    expect(allowPermission({ permission: 'clipboard-sanitized-write', requestingUrl: 'app://switchboard', isMainFrame: true })).toBe(true);
  });

  it('refuse clipboard writes from an iframe, another origin or an unknown one', () => {
    expect(allowPermission({ permission: 'clipboard-sanitized-write', requestingUrl: page, isMainFrame: false })).toBe(false);
    expect(allowPermission({ permission: 'clipboard-sanitized-write', requestingUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(allowPermission({ permission: 'clipboard-sanitized-write', requestingUrl: 'file:///x/renderer/index.html', isMainFrame: true })).toBe(false);
    expect(allowPermission({ permission: 'clipboard-sanitized-write', requestingUrl: undefined, isMainFrame: true })).toBe(false);
  });

  it.each([
    'clipboard-read',
    'deprecated-sync-clipboard-read',
    'media',
    'display-capture',
    'geolocation',
    'notifications',
    'openExternal',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'local-fonts',
    'window-management',
    'unknown',
  ])('refuse %s even to our own page', (permission) => {
    expect(allowPermission({ permission, requestingUrl: page, isMainFrame: true })).toBe(false);
  });
});

/** A session that records the handlers guardSession installs, so they can be called as Electron would. */
function recordingSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const listeners: Record<string, (...args: never[]) => unknown> = {};
  const record = (name: string) => (handler: (...args: never[]) => unknown) => void (handlers[name] = handler);
  const fake = {
    setPermissionRequestHandler: record('request'),
    setPermissionCheckHandler: record('check'),
    setDevicePermissionHandler: record('device'),
    setBluetoothPairingHandler: record('pairing'),
    on: (event: string, listener: (...args: never[]) => unknown) => void (listeners[event] = listener),
  };
  return { session: fake as unknown as Session, handlers, listeners };
}

type Call = (...args: unknown[]) => unknown;
const call = (fn: unknown, ...args: unknown[]) => (fn as Call)(...args);

describe('guardSession', () => {
  it('answers permission requests and checks with the decisions above', () => {
    const { session, handlers } = recordingSession();
    guardSession(session);
    const answers: boolean[] = [];
    call(handlers.request, null, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: page, isMainFrame: true });
    call(handlers.request, null, 'clipboard-sanitized-write', (granted: boolean) => answers.push(granted), { requestingUrl: page, isMainFrame: true });
    expect(answers).toEqual([false, true]);
    expect(call(handlers.check, null, 'hid', 'app://switchboard', { isMainFrame: true })).toBe(false);
    expect(call(handlers.check, null, 'clipboard-sanitized-write', 'app://switchboard', { isMainFrame: true })).toBe(true);
    expect(call(handlers.check, null, 'clipboard-sanitized-write', 'https://evil.example', { isMainFrame: true })).toBe(false);
  });

  it('refuses every device grant and cancels the HID, serial and USB pickers', () => {
    const { session, handlers, listeners } = recordingSession();
    guardSession(session);
    for (const deviceType of ['hid', 'serial', 'usb']) expect(call(handlers.device, { deviceType, origin: 'app://switchboard' })).toBe(false);

    const picked: unknown[][] = [];
    const event = () => {
      const e = { prevented: false, preventDefault: () => void (e.prevented = true) };
      return e;
    };
    const hid = event();
    call(listeners['select-hid-device'], hid, { deviceList: [{ deviceId: 'keyboard' }] }, (...args: unknown[]) => picked.push(['hid', ...args]));
    const serial = event();
    call(listeners['select-serial-port'], serial, [{ portId: 'ttyUSB0' }], null, (...args: unknown[]) => picked.push(['serial', ...args]));
    const usb = event();
    call(listeners['select-usb-device'], usb, { deviceList: [{ deviceId: 'stick' }] }, (...args: unknown[]) => picked.push(['usb', ...args]));
    expect([hid.prevented, serial.prevented, usb.prevented]).toEqual([true, true, true]);
    // No device chosen: an empty answer cancels each picker.
    expect(picked).toEqual([['hid'], ['serial', ''], ['usb']]);
  });

  it('declines Bluetooth pairing where there is a prompt (Windows, Linux) and installs nothing on macOS', () => {
    const { session, handlers } = recordingSession();
    guardSession(session);
    if (process.platform === 'darwin') {
      expect(handlers.pairing).toBeUndefined();
      return;
    }
    const responses: unknown[] = [];
    call(handlers.pairing, { deviceId: 'headset', pairingKind: 'confirm' }, (response: unknown) => responses.push(response));
    expect(responses).toEqual([{ confirmed: false }]);
  });

  it('cancels the Bluetooth device picker of a page', () => {
    let listener: Call | undefined;
    const contents = { on: (_event: string, l: Call) => void (listener = l) } as unknown as WebContents;
    refuseBluetoothPicker(contents);
    let prevented = false;
    const chosen: unknown[] = [];
    listener?.({ preventDefault: () => void (prevented = true) }, [{ deviceId: 'headset' }], (id: string) => chosen.push(id));
    expect(prevented).toBe(true);
    expect(chosen).toEqual(['']);
  });
});
