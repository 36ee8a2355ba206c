import type { JSONRPCMessage, JSONRPCNotification, JSONRPCRequest, RequestId } from '@modelcontextprotocol/sdk/types.js';
import { DisposableStore } from '../base/disposable.js';
import type { McpWire } from '../mcp/index.js';
import type { CallObserver } from './finishedCall.js';
import { jsonRpcError, rpcCodes } from './jsonRpcErrors.js';
import { kindOf } from './messageKind.js';

/** What a shared child needs of a client session: who it is, what it can answer, and a way to reach it. */
export interface ChildClient {
  readonly id: string;
  /** The capabilities the client declared at initialize (sampling, elicitation, roots). */
  readonly capabilities: Record<string, unknown>;
  /** On the stream of `relatedRequestId` when given (and still open), else on the client's GET stream. */
  deliver(message: JSONRPCMessage, relatedRequestId?: RequestId): void;
}

interface Pending {
  client: ChildClient;
  originalId: RequestId;
  method: string;
  tool?: string;
  started: number;
  wireToken?: string;
  params?: unknown;
}

/** The gateway's own calls (an unsubscribe when a session leaves): their answers go nowhere. */
const gatewayItself: ChildClient = { id: 'gateway', capabilities: {}, deliver: () => {} };

/** Which client capability a server→client request needs. */
const neededCapability: Record<string, string> = { 'sampling/createMessage': 'sampling', 'elicitation/create': 'elicitation', 'roots/list': 'roots' };
const listChanged = /^notifications\/(tools|resources|prompts)\/list_changed$/;

/**
 * Many client sessions on one supervised child (mode shared). Every request
 * gets a gateway id ("gw-N", never a number: those are Switchboard's own
 * client's) and progress token, so two clients that both send id 1 each get
 * their own answer; responses and progress go back to the session that
 * asked, list_changed to everyone, and a request from the child (sampling,
 * elicitation, roots) to the one session that can have caused it — or an
 * error to the child when none or several could.
 */
export class SharedChild {
  private readonly pending = new Map<string, Pending>();
  private readonly progress = new Map<string, { client: ChildClient; token: string | number; requestId: RequestId }>();
  /** Requests from the child handed to a client: our id → the child's id. */
  private readonly asked = new Map<string, { client: ChildClient; childId: RequestId }>();
  private readonly clients = new Set<ChildClient>();
  /** resources/subscribe per URI: the child is subscribed once, while any session is; updates go to those sessions. */
  private readonly subscribers = new Map<string, Set<ChildClient>>();
  private readonly store = new DisposableStore();
  private seq = 0;

  constructor(
    /** The replica's name in the supervisor (the server's name, or "name#2" …). */
    readonly replica: string,
    private readonly server: string,
    readonly wire: McpWire,
    private readonly observe: CallObserver,
    private readonly logPayloads: boolean,
  ) {
    this.store.add(wire.listen((message) => this.fromChild(message)));
    this.store.add(wire.onClose(() => this.childGone()));
  }

  get open(): boolean {
    return this.wire.open;
  }

  /** Sessions plus calls in flight: new sessions go where this is lowest. */
  get load(): number {
    return this.clients.size + this.pending.size;
  }

  inFlightOf(client: ChildClient): number {
    let n = 0;
    for (const call of this.pending.values()) if (call.client === client) n++;
    return n;
  }

  attach(client: ChildClient): void {
    this.clients.add(client);
  }

  /** The session ended: its calls in flight are cancelled at the child, its mappings forgotten. */
  detach(client: ChildClient): void {
    this.clients.delete(client);
    for (const [wireId, call] of this.pending) {
      if (call.client !== client) continue;
      this.forget(wireId, call);
      void this.wire.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: wireId, reason: 'the client session ended' } }).catch(() => {});
    }
    for (const [id, ask] of this.asked) if (ask.client === client) this.asked.delete(id);
    for (const [uri, clients] of this.subscribers) {
      if (!clients.delete(client) || clients.size > 0) continue;
      this.subscribers.delete(uri);
      this.request(gatewayItself, { jsonrpc: '2.0', id: 0, method: 'resources/unsubscribe', params: { uri } });
    }
  }

  /**
   * A second subscriber to a URI, or an unsubscribe that leaves others, is
   * answered here (true); the first subscribe and the last unsubscribe go to the child.
   */
  private subscription(client: ChildClient, message: JSONRPCRequest): boolean {
    const uri = (message.params as { uri?: unknown } | undefined)?.uri;
    if (typeof uri !== 'string') return false;
    const clients = this.subscribers.get(uri) ?? new Set<ChildClient>();
    const others = [...clients].some((c) => c !== client);
    if (message.method === 'resources/subscribe') {
      clients.add(client);
      this.subscribers.set(uri, clients);
    } else {
      clients.delete(client);
      if (clients.size === 0) this.subscribers.delete(uri);
    }
    if (!others) return false;
    client.deliver({ jsonrpc: '2.0', id: message.id, result: {} });
    return true;
  }

  request(client: ChildClient, message: JSONRPCRequest): void {
    if ((message.method === 'resources/subscribe' || message.method === 'resources/unsubscribe') && this.subscription(client, message)) return;
    const wireId = `gw-${++this.seq}`;
    const params = message.params as ({ _meta?: { progressToken?: string | number }; name?: unknown } & Record<string, unknown>) | undefined;
    const call: Pending = {
      client,
      originalId: message.id,
      method: message.method,
      tool: message.method === 'tools/call' && typeof params?.name === 'string' ? params.name : undefined,
      started: performance.now(),
      params: this.logPayloads ? params : undefined,
    };
    let outgoing: JSONRPCRequest = { ...message, id: wireId };
    const token = params?._meta?.progressToken;
    if (token !== undefined) {
      call.wireToken = `gwp-${this.seq}`;
      this.progress.set(call.wireToken, { client, token, requestId: message.id });
      outgoing = { ...outgoing, params: { ...params, _meta: { ...params?._meta, progressToken: call.wireToken } } };
    }
    this.pending.set(wireId, call);
    this.wire.send(outgoing).catch((err: unknown) => this.fail(wireId, 'child exited', `could not write to ${this.replica}: ${err instanceof Error ? err.message : String(err)}`));
  }

  notify(message: JSONRPCNotification): void {
    if (message.method === 'notifications/initialized') return; // the child was initialized once, by Switchboard
    void this.wire.send(message).catch(() => {});
  }

  /** A client cancels one of its requests: the child hears it under the gateway id. */
  cancel(client: ChildClient, requestId: RequestId, reason?: string): void {
    for (const [wireId, call] of this.pending) {
      if (call.client !== client || call.originalId !== requestId) continue;
      this.forget(wireId, call);
      this.observe(this.finished(call, 'cancelled', reason ?? 'cancelled by the client'));
      void this.wire.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: wireId, ...(reason ? { reason } : {}) } }).catch(() => {});
    }
  }

  /** A client's answer to a request the child sent it. */
  answer(client: ChildClient, message: JSONRPCMessage & { id?: RequestId }): void {
    if (message.id === undefined) return;
    const ask = this.asked.get(String(message.id));
    if (!ask || ask.client !== client) return;
    this.asked.delete(String(message.id));
    void this.wire.send({ ...message, id: ask.childId } as JSONRPCMessage).catch(() => {});
  }

  dispose(): void {
    this.store.dispose();
  }

  private fromChild(raw: JSONRPCMessage): boolean {
    const what = kindOf(raw);
    if (what.kind === 'response') {
      const id = what.message.id;
      const call = typeof id === 'string' ? this.pending.get(id) : undefined;
      if (!call) return typeof id === 'string' && id.startsWith('gw-');
      this.forget(String(id), call);
      call.client.deliver({ ...what.message, id: call.originalId });
      this.observe(this.finished(call, what.error ? 'server error' : undefined, what.error?.message, what.result));
      return true;
    }
    if (what.kind === 'request') return this.childAsks(what.message);
    const message = what.message;
    if (message.method === 'notifications/progress') {
      const token = (message.params as { progressToken?: unknown } | undefined)?.progressToken;
      const route = typeof token === 'string' ? this.progress.get(token) : undefined;
      if (!route) return false;
      route.client.deliver({ ...message, params: { ...message.params, progressToken: route.token } }, route.requestId);
      return true;
    }
    if (listChanged.test(message.method)) {
      for (const client of this.clients) client.deliver(message);
      return false; // Switchboard's own client refreshes its lists too
    }
    if (message.method === 'notifications/resources/updated') {
      const uri = (message.params as { uri?: unknown } | undefined)?.uri;
      for (const client of (typeof uri === 'string' && this.subscribers.get(uri)) || this.clients) client.deliver(message);
      return false;
    }
    if (message.method === 'notifications/message') {
      // stdio carries no link from a log line to a request: the one session with calls in flight gets it, else everyone
      const busy = this.busyClients();
      if (busy.length === 1) busy[0]!.client.deliver(message, busy[0]!.originalId);
      else for (const client of this.clients) client.deliver(message);
      return false;
    }
    if (message.method === 'notifications/cancelled') {
      const childId = (message.params as { requestId?: RequestId } | undefined)?.requestId;
      for (const [id, ask] of this.asked) {
        if (ask.childId !== childId) continue;
        this.asked.delete(id);
        ask.client.deliver({ ...message, params: { ...message.params, requestId: id } });
        return true;
      }
    }
    return false;
  }

  /** A request from the child: to the one session that can answer it, or an error back; ping is answered here. */
  private childAsks(message: JSONRPCRequest): boolean {
    if (message.method === 'ping') {
      void this.wire.send({ jsonrpc: '2.0', id: message.id, result: {} }).catch(() => {});
      return true;
    }
    const capability = neededCapability[message.method];
    const able = (client: ChildClient) => capability === undefined || client.capabilities[capability] !== undefined;
    if (this.pending.size === 0 && this.clients.size === 0) return false; // not ours: Switchboard's own client answers
    // stdio carries no link from the child's request to the call that caused it: only an unambiguous session gets it
    const busy = this.busyClients();
    const idle = [...this.clients].filter(able);
    let target: { client: ChildClient; relatedRequestId?: RequestId } | undefined;
    let why: string | undefined;
    const what = capability ?? message.method;
    if (busy.length > 1) why = `${busy.length} gateway sessions have calls in flight on ${this.server}, so the gateway cannot tell which one asked; expose it with mode: per-session`;
    else if (busy.length === 1) {
      if (able(busy[0]!.client)) target = { client: busy[0]!.client, relatedRequestId: busy[0]!.originalId };
      else why = `the session whose call caused it did not declare the ${what} capability`;
    } else if (idle.length === 1) target = { client: idle[0]! };
    else why = idle.length === 0 ? `no gateway session connected to ${this.server} declared the ${what} capability` : `${idle.length} idle sessions could answer, so the gateway cannot tell which one is meant`;
    if (!target) {
      void this.wire.send(jsonRpcError(message.id, rpcCodes.noClient, `${message.method} cannot be answered: ${why}`)).catch(() => {});
      return true;
    }
    const id = `gws-${++this.seq}`;
    this.asked.set(id, { client: target.client, childId: message.id });
    target.client.deliver({ ...message, id }, target.relatedRequestId);
    return true;
  }

  /** For each client with calls in flight, its newest one. */
  private busyClients(): Pending[] {
    const newest = new Map<ChildClient, Pending>();
    for (const call of this.pending.values()) {
      const seen = newest.get(call.client);
      if (!seen || call.started > seen.started) newest.set(call.client, call);
    }
    return [...newest.values()];
  }

  private childGone(): void {
    for (const wireId of [...this.pending.keys()]) this.fail(wireId, 'child exited', `${this.replica} exited or restarted during this call; the next call goes to a ready replica`);
    this.asked.clear();
  }

  private fail(wireId: string, kind: 'child exited', detail: string): void {
    const call = this.pending.get(wireId);
    if (!call) return;
    this.forget(wireId, call);
    call.client.deliver(jsonRpcError(call.originalId, rpcCodes.childExited, detail));
    this.observe(this.finished(call, kind, detail));
  }

  private forget(wireId: string, call: Pending): void {
    this.pending.delete(wireId);
    if (call.wireToken) this.progress.delete(call.wireToken);
  }

  private finished(call: Pending, error: Parameters<CallObserver>[0]['error'], detail?: string, result?: unknown) {
    return {
      server: this.server,
      replica: this.replica,
      session: call.client.id,
      method: call.method,
      tool: call.tool,
      durationMs: performance.now() - call.started,
      error,
      detail,
      ...(this.logPayloads ? { params: call.params, result } : {}),
    };
  }
}
