import { contextBridge, ipcRenderer } from 'electron';
import { ProtocolClient, type SwitchboardClient } from '../../shared/client/protocolClient.js';
import { isCommandName, isTopicName } from '../../shared/contract/index.js';
import type { ServerMessage } from '../../shared/protocol.js';
import { ipcChannel } from './ipcChannel.js';

// The page gets the typed client and nothing else: no ipcRenderer, no Node.
const client = new ProtocolClient((message) => ipcRenderer.send(ipcChannel, message));
ipcRenderer.on(ipcChannel, (_event, message: ServerMessage) => client.receive(message));
client.opened();

const bridge: SwitchboardClient = {
  call(name, params) {
    if (!isCommandName(name)) return Promise.reject(new Error(`unknown command "${String(name)}"`));
    return client.call(name, params);
  },
  subscribe(topic, params, listener) {
    if (!isTopicName(topic)) throw new Error(`unknown topic "${String(topic)}"`);
    return client.subscribe(topic, params, listener);
  },
};

contextBridge.exposeInMainWorld('switchboard', bridge);
