import { contextBridge, ipcRenderer } from 'electron';
import { ProtocolClient, type SwitchboardClient } from '../../shared/client/protocolClient.js';
import type { ServerMessage } from '../../shared/protocol.js';
import { deliveryChannel, ipcChannel, type DeliveryNote } from './ipcChannel.js';

// The page gets the typed client and nothing else: no ipcRenderer, no Node.
// Names and params are validated in main, which trusts nothing that comes from here.
const client = new ProtocolClient((message) => ipcRenderer.send(ipcChannel, message));
const note = (message: DeliveryNote) => ipcRenderer.send(deliveryChannel, message);

// A new page: main starts a fresh session for it, before any of its messages.
note({ t: 'opened' });

// The running count of messages taken in, sent once per turn of the page's event loop:
// main's measure of how far behind the page is (its IPC backlog).
let received = 0;
let reportPending = false;
ipcRenderer.on(ipcChannel, (_event, message: ServerMessage) => {
  received++;
  if (!reportPending) {
    reportPending = true;
    setTimeout(() => {
      reportPending = false;
      note({ t: 'received', count: received });
    }, 0);
  }
  client.receive(message);
});
client.opened();

const bridge: SwitchboardClient = {
  call: (name, params) => client.call(name, params),
  subscribe: (topic, params, listener) => client.subscribe(topic, params, listener),
};

contextBridge.exposeInMainWorld('switchboard', bridge);
