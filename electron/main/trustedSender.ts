import { isAppPage } from './appProtocol.js';

/** What main knows about who sent an IPC message, read from the event. */
export interface IpcSender {
  /** The message came from the window this transport serves (event.sender is its webContents). */
  fromThisWindow: boolean;
  /** It came from that window's top frame, not an iframe. */
  fromTopFrame: boolean;
  /** The sending frame's URL; undefined when the frame is gone. */
  frameUrl: string | undefined;
}

/**
 * Only our own page in our own window's top frame may talk to main. The URL is
 * parsed and compared by exact origin and path, never by prefix: a prefix like
 * `file:///…/renderer` also matches `file:///…/renderer-evil/…`.
 */
export function isTrustedSender(sender: IpcSender): boolean {
  return sender.fromThisWindow && sender.fromTopFrame && sender.frameUrl !== undefined && isAppPage(sender.frameUrl);
}
