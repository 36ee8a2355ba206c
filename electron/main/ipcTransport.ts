import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import type { CommandRegistry } from '../core/commandRegistry.js';
import type { TopicRegistry } from '../core/topicRegistry.js';
import { Session, type ClientChannel } from '../transport/session.js';
import { DeliveryLedger, messageBytes } from './deliveryLedger.js';
import { deliveryChannel, ipcChannel, parseDeliveryNote } from './ipcChannel.js';
import { isTrustedSender } from './trustedSender.js';

/** One page's conversation: its Session and what it has confirmed. */
interface PageConnection {
  session: Session;
  ledger: DeliveryLedger;
}

/**
 * Electron's side of the contract: one Session per page of this window, fed
 * only by that window's top frame showing our own page (exact origin and path).
 * Messages from anywhere else are dropped. A reload or a crashed renderer ends
 * the page's Session, so its subscriptions do not outlive it.
 */
export function attachIpc(contents: WebContents, commands: CommandRegistry, topics: TopicRegistry): () => void {
  const open = (): PageConnection => {
    const ledger = new DeliveryLedger();
    const send: ClientChannel['send'] = (message) => {
      if (contents.isDestroyed()) return;
      ledger.sent(messageBytes(message));
      contents.send(ipcChannel, message);
    };
    return { ledger, session: new Session({ send, backlog: () => ledger.backlogBytes }, commands, topics) };
  };
  let page = open();
  const renew = () => {
    page.session.dispose();
    page = open();
  };

  const trusted = (event: IpcMainEvent) =>
    isTrustedSender({
      fromThisWindow: event.sender === contents,
      fromTopFrame: event.senderFrame !== null && event.senderFrame === contents.mainFrame,
      frameUrl: event.senderFrame?.url,
    });
  const onMessage = (event: IpcMainEvent, message: unknown) => {
    if (trusted(event)) page.session.receive(message);
  };
  const onDelivery = (event: IpcMainEvent, value: unknown) => {
    if (!trusted(event)) return;
    const note = parseDeliveryNote(value);
    // `opened` travels on the page's own IPC pipe before its first message, so the new Session is there for it.
    if (note?.t === 'opened') renew();
    else if (note?.t === 'received') page.ledger.received(note.count);
  };
  ipcMain.on(ipcChannel, onMessage);
  ipcMain.on(deliveryChannel, onDelivery);
  contents.on('render-process-gone', renew);

  const detach = () => {
    ipcMain.removeListener(ipcChannel, onMessage);
    ipcMain.removeListener(deliveryChannel, onDelivery);
    contents.removeListener('render-process-gone', renew);
    page.session.dispose();
  };
  contents.once('destroyed', detach);
  return detach;
}
