import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import type { CommandRegistry } from '../core/commandRegistry.js';
import type { TopicRegistry } from '../core/topicRegistry.js';
import { Session } from '../transport/session.js';
import { ipcChannel } from './ipcChannel.js';

/**
 * Electron's side of the contract: one Session per window, fed only by that
 * window's own top frame loaded from our files. Messages from anywhere else
 * are dropped.
 */
export function attachIpc(contents: WebContents, trustedUrlPrefix: string, commands: CommandRegistry, topics: TopicRegistry): () => void {
  const session = new Session({ send: (message) => !contents.isDestroyed() && contents.send(ipcChannel, message), backlog: () => 0 }, commands, topics);
  const onMessage = (event: IpcMainEvent, message: unknown) => {
    if (event.sender !== contents) return;
    const frame = event.senderFrame;
    if (!frame || frame !== contents.mainFrame || !frame.url.startsWith(trustedUrlPrefix)) return;
    session.receive(message);
  };
  ipcMain.on(ipcChannel, onMessage);
  const detach = () => {
    ipcMain.removeListener(ipcChannel, onMessage);
    session.dispose();
  };
  contents.once('destroyed', detach);
  return detach;
}
