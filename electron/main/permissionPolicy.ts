import type { Session, WebContents } from 'electron';
import { appUrlPath } from './appProtocol.js';

/** One permission question, from a check (navigator.permissions, before an API is used) or a request. */
export interface PermissionQuestion {
  permission: string;
  /** The asking frame's URL, or only its origin when Electron gives no URL. */
  requestingUrl: string | undefined;
  isMainFrame: boolean;
}

/** What the page needs: writing text to the clipboard (Copy on the Logs screen). Never reading it. */
const grantedToOurPage = new Set(['clipboard-sanitized-write']);

/** Everything is refused except what our own page's top frame needs. */
export function allowPermission(question: PermissionQuestion): boolean {
  if (!grantedToOurPage.has(question.permission) || !question.isMainFrame) return false;
  return question.requestingUrl !== undefined && appUrlPath(question.requestingUrl) !== undefined;
}

/**
 * Installs the refusals on a session: permission requests and checks go through
 * allowPermission; HID, serial, USB and Bluetooth are refused outright, both the
 * device grants and the pickers that would let the page choose a device.
 */
export function guardSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowPermission({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame })),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowPermission({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame }),
  );
  ses.setDevicePermissionHandler(() => false);
  // preventDefault takes the choice away from Electron's default; the empty answer cancels the picker.
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  // Pairing prompts exist on Windows and Linux only.
  if (process.platform !== 'darwin') ses.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
}

/** The Bluetooth picker is a webContents event: cancel it for every page. */
export function refuseBluetoothPicker(contents: WebContents): void {
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}
