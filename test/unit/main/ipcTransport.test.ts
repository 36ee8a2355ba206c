import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toDisposable } from '../../../electron/base/disposable.js';
import { CommandRegistry } from '../../../electron/core/commandRegistry.js';
import { TopicRegistry } from '../../../electron/core/topicRegistry.js';
import type { ServerMessage } from '../../../shared/protocol.js';

// The Electron runtime is not here: ipcMain is an event emitter, the window's webContents a recording fake.
const ipcMain = new EventEmitter();
vi.mock('electron', () => ({ ipcMain }));
const { attachIpc } = await import('../../../electron/main/ipcTransport.js');
const { deliveryChannel, ipcChannel } = await import('../../../electron/main/ipcChannel.js');

function fakeWindow() {
  const contents = Object.assign(new EventEmitter(), {
    sent: [] as ServerMessage[],
    mainFrame: { url: 'app://switchboard/index.html#/overview' },
    isDestroyed: () => false,
    send(channel: string, message: ServerMessage) {
      if (channel === ipcChannel) contents.sent.push(message);
    },
  });
  return contents;
}
type FakeWindow = ReturnType<typeof fakeWindow>;

/** An IPC event as Electron builds it; by default from the window's own top frame. */
function from(contents: FakeWindow, frame: { url: string } | null = contents.mainFrame, sender: unknown = contents) {
  return { sender, senderFrame: frame };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('the IPC transport', () => {
  let detach: (() => void) | undefined;
  afterEach(() => detach?.());

  function setup() {
    const contents = fakeWindow();
    const commands = new CommandRegistry();
    const topics = new TopicRegistry();
    commands.handle('app.info', () => ({ version: '1', mode: 'electron', platform: 'linux' }) as never);
    let open = 0;
    topics.provide('mcp', (_p, sink) => {
      open++;
      sink.snapshot({ servers: [] } as never);
      return toDisposable(() => open--);
    });
    detach = attachIpc(contents as never, commands, topics);
    return { contents, openSubscriptions: () => open };
  }

  it('answers our page in our window\'s top frame', async () => {
    const { contents } = setup();
    ipcMain.emit(ipcChannel, from(contents), { t: 'call', id: 1, cmd: 'app.info', params: {} });
    await tick();
    expect(contents.sent).toEqual([{ t: 'result', id: 1, ok: true, value: { version: '1', mode: 'electron', platform: 'linux' } }]);
  });

  it.each([
    ['an iframe', (c: FakeWindow) => from(c, { url: 'app://switchboard/index.html' })],
    ['a frame that is gone', (c: FakeWindow) => from(c, null)],
    ['another window', (c: FakeWindow) => from(c, c.mainFrame, fakeWindow())],
    ['a page under a sibling folder', (c: FakeWindow) => ((c.mainFrame.url = 'file:///opt/switchboard/dist/renderer-evil/index.html'), from(c))],
    ['another host on our scheme', (c: FakeWindow) => ((c.mainFrame.url = 'app://switchboard.evil/index.html'), from(c))],
  ])('drops messages from %s', async (_what, event) => {
    const { contents } = setup();
    ipcMain.emit(ipcChannel, event(contents), { t: 'call', id: 1, cmd: 'app.info', params: {} });
    await tick();
    expect(contents.sent).toEqual([]);
  });

  it('gives each page its own session: a reload (`opened`) or a crashed renderer ends the old one\'s subscriptions', async () => {
    const { contents, openSubscriptions } = setup();
    ipcMain.emit(ipcChannel, from(contents), { t: 'sub', id: 1, topic: 'mcp', params: {} });
    expect(openSubscriptions()).toBe(1);
    ipcMain.emit(deliveryChannel, from(contents), { t: 'opened' });
    expect(openSubscriptions()).toBe(0);
    // The new page starts its ids at 1 again, and that is not "already in use".
    ipcMain.emit(ipcChannel, from(contents), { t: 'sub', id: 1, topic: 'mcp', params: {} });
    expect(openSubscriptions()).toBe(1);
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(openSubscriptions()).toBe(0);
    await tick();
    expect(contents.sent.filter((m) => m.t === 'closed')).toEqual([]);
  });

  it('ignores delivery notes from untrusted senders and malformed ones', () => {
    const { contents, openSubscriptions } = setup();
    ipcMain.emit(ipcChannel, from(contents), { t: 'sub', id: 1, topic: 'mcp', params: {} });
    ipcMain.emit(deliveryChannel, from(contents, { url: 'app://switchboard/index.html' }), { t: 'opened' });
    ipcMain.emit(deliveryChannel, from(contents), { t: 'opened!' });
    ipcMain.emit(deliveryChannel, from(contents), { t: 'received', count: -5 });
    expect(openSubscriptions()).toBe(1);
  });

  it('stops listening and ends the session when the window is destroyed', async () => {
    const { contents, openSubscriptions } = setup();
    ipcMain.emit(ipcChannel, from(contents), { t: 'sub', id: 1, topic: 'mcp', params: {} });
    contents.emit('destroyed');
    detach = undefined;
    expect(openSubscriptions()).toBe(0);
    expect(ipcMain.listenerCount(ipcChannel)).toBe(0);
    expect(ipcMain.listenerCount(deliveryChannel)).toBe(0);
  });
});
