import { contextBridge, ipcRenderer } from 'electron';
import { ProtocolClient, type SwitchboardClient } from '../../shared/client/protocolClient.js';
import type { ServerMessage } from '../../shared/protocol.js';
import { ipcChannel } from './ipcChannel.js';

// The page gets the typed client and nothing else: no ipcRenderer, no Node.
// Names and params are validated in main, which trusts nothing that comes from here.
const client = new ProtocolClient((message) => ipcRenderer.send(ipcChannel, message));
ipcRenderer.on(ipcChannel, (_event, message: ServerMessage) => client.receive(message));
client.opened();

const bridge: SwitchboardClient = {
  call: (name, params) => client.call(name, params),
  subscribe: (topic, params, listener) => client.subscribe(topic, params, listener),
};

contextBridge.exposeInMainWorld('switchboard', bridge);
