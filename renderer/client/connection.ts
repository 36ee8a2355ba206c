import { ProtocolClient, type SwitchboardClient } from '../../shared/client/protocolClient.js';
import type { ServerMessage } from '../../shared/protocol.js';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

export interface Connection {
  client: SwitchboardClient;
  status(): ConnectionStatus;
  onStatus(listener: () => void): () => void;
  mode: 'electron' | 'browser';
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    switchboard?: SwitchboardClient;
  }
}

/** Electron's preload hands us a client; in a browser we open the WebSocket ourselves. */
export function connect(): Connection {
  if (window.switchboard) {
    return { client: window.switchboard, status: () => 'open', onStatus: () => () => {}, mode: 'electron' };
  }
  return connectWebSocket();
}

function connectWebSocket(): Connection {
  let socket: WebSocket | undefined;
  let status: ConnectionStatus = 'connecting';
  let retryMs = 250;
  const listeners = new Set<() => void>();
  const setStatus = (next: ConnectionStatus) => {
    status = next;
    for (const l of listeners) l();
  };
  const client = new ProtocolClient((message) => socket?.send(JSON.stringify(message)));
  client.onStrayError = (error) => console.warn(`Switchboard: ${error.code}: ${error.message}`);

  const open = () => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      client.opened();
      setStatus('open');
    };
    ws.onmessage = (event) => client.receive(JSON.parse(String(event.data)) as ServerMessage);
    ws.onclose = () => {
      if (socket !== ws) return;
      client.closed();
      setStatus('reconnecting');
      // The server may be restarting: retry with backoff, capped at 5 s.
      setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, 5_000);
    };
  };
  open();

  return {
    client,
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mode: 'browser',
  };
}
