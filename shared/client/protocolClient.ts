import type { ClientMessage, ServerMessage } from '../protocol.js';
import type { ErrorInfo } from '../errors.js';
import type { CommandName, ItemOf, ParamsIn, ResultOf, SnapshotOf, TopicName, TopicParamsIn } from '../contract/index.js';

export type TopicEvent<S = unknown, I = unknown> =
  | { t: 'snapshot'; value: S }
  | { t: 'state'; value: S }
  | { t: 'append'; items: I[]; dropped: number }
  | { t: 'closed'; error?: ErrorInfo };

/** The typed client the renderer uses, over Electron IPC or the browser-mode WebSocket. */
export interface SwitchboardClient {
  call<K extends CommandName>(name: K, params?: ParamsIn<K>): Promise<ResultOf<K>>;
  subscribe<K extends TopicName>(
    topic: K,
    params: TopicParamsIn<K> | undefined,
    listener: (event: TopicEvent<SnapshotOf<K>, ItemOf<K>>) => void,
  ): () => void;
}

/** A rejected call: carries the structured error main answered with. */
export class CallError extends Error implements ErrorInfo {
  constructor(
    readonly code: ErrorInfo['code'],
    message: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

interface OpenSubscription {
  topic: string;
  params: unknown;
  listener: (event: TopicEvent) => void;
}

/**
 * Speaks the protocol over any message channel. It numbers calls and
 * subscriptions, and after a reconnect it subscribes again so every screen
 * gets a fresh snapshot without knowing the connection dropped.
 */
export class ProtocolClient implements SwitchboardClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly subs = new Map<number, OpenSubscription>();
  private connected = false;
  /** Errors main sent that belong to no call (bad messages); kept for diagnostics. */
  onStrayError: (error: ErrorInfo) => void = () => {};

  constructor(private readonly send: (message: ClientMessage) => void) {}

  call<K extends CommandName>(name: K, params?: ParamsIn<K>): Promise<ResultOf<K>> {
    const id = this.nextId++;
    return new Promise<ResultOf<K>>((resolve, reject) => {
      if (!this.connected) {
        reject(new CallError('unavailable', 'not connected to Switchboard — reconnecting…'));
        return;
      }
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ t: 'call', id, cmd: name, params: params ?? {} });
    });
  }

  subscribe<K extends TopicName>(
    topic: K,
    params: TopicParamsIn<K> | undefined,
    listener: (event: TopicEvent<SnapshotOf<K>, ItemOf<K>>) => void,
  ): () => void {
    const id = this.nextId++;
    this.subs.set(id, { topic, params: params ?? {}, listener: listener as (event: TopicEvent) => void });
    if (this.connected) this.send({ t: 'sub', id, topic, params: params ?? {} });
    return () => {
      if (!this.subs.delete(id)) return;
      if (this.connected) this.send({ t: 'unsub', id });
    };
  }

  /** The channel is (again) open: resubscribe everything. */
  opened(): void {
    this.connected = true;
    for (const [id, sub] of this.subs) this.send({ t: 'sub', id, topic: sub.topic, params: sub.params });
  }

  /** The channel dropped: calls in flight fail; subscriptions wait for `opened`. */
  closed(): void {
    this.connected = false;
    for (const { reject } of this.pending.values()) reject(new CallError('unavailable', 'connection to Switchboard was lost'));
    this.pending.clear();
  }

  receive(message: ServerMessage): void {
    switch (message.t) {
      case 'result': {
        const call = this.pending.get(message.id);
        if (!call) return;
        this.pending.delete(message.id);
        if (message.ok) call.resolve(message.value);
        else call.reject(new CallError(message.error.code, message.error.message));
        return;
      }
      case 'snapshot':
      case 'state':
        this.subs.get(message.id)?.listener({ t: message.t, value: message.value });
        return;
      case 'append':
        this.subs.get(message.id)?.listener({ t: 'append', items: message.items, dropped: message.dropped });
        return;
      case 'closed': {
        const sub = this.subs.get(message.id);
        this.subs.delete(message.id);
        sub?.listener(message.error ? { t: 'closed', error: message.error } : { t: 'closed' });
        return;
      }
      case 'error':
        this.onStrayError(message.error);
        return;
    }
  }
}
