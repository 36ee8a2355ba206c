import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JSONRPCMessage, JSONRPCRequest } from '@modelcontextprotocol/sdk/types.js';
import type { GatewayEndpoint } from '../../shared/contract/gateway.js';
import { replicaNames } from '../../shared/gatewayNames.js';
import type { ServerExposure } from '../base/stackFile/gateway.js';
import { ClientSession } from './clientSession.js';
import type { CallObserver } from './finishedCall.js';
import { EndpointFigures } from './endpointFigures.js';
import type { GatewayChildren } from './gatewayChildren.js';
import { jsonRpcError, rpcCodes } from './jsonRpcErrors.js';
import { kindOf } from './messageKind.js';
import { SharedChild, type ChildClient } from './sharedChild.js';

/**
 * One exposed server: `/mcp/<name>`. Holds the client sessions, a
 * SharedChild per ready replica, and which session is on which replica. A
 * session stays on its replica while that one is ready; when it is not (it
 * crashed and is restarting), the session's next call goes to the
 * least-loaded ready one.
 */
export class ServerEndpoint {
  readonly figures = new EndpointFigures();
  private readonly sessions = new Map<string, ClientSession>();
  private readonly placed = new Map<ChildClient, SharedChild>();
  private readonly children = new Map<string, SharedChild>();
  private readonly reaper: NodeJS.Timeout;
  /** per-session: each session's own child, by its instance name among the MCP servers. */
  private readonly instances = new Map<ClientSession, string>();

  constructor(
    readonly name: string,
    readonly exposure: ServerExposure,
    private readonly mcp: GatewayChildren,
    private readonly observe: CallObserver,
  ) {
    // an idle session is reaped whether or not its GET stream is open: an open stream alone is no sign of use
    this.reaper = setInterval(() => this.reapIdle(), Math.min(30_000, Math.max(250, exposure.idleTimeout / 4)));
    this.reaper.unref();
  }

  /** Shared: the replicas' names; per-session: the live sessions' children. */
  get replicaNames(): string[] {
    return this.exposure.mode === 'per-session' ? [...this.instances.values()] : replicaNames(this.name, this.exposure.replicas);
  }

  /** Serves POST, GET and DELETE on /mcp/<name>; `body` is the parsed POST body. */
  handle(req: IncomingMessage, res: ServerResponse, body: unknown): void {
    const id = req.headers['mcp-session-id'];
    const sessionId = Array.isArray(id) ? id[0] : id;
    if (sessionId === undefined) {
      if (req.method !== 'POST') return this.answer(res, 400, jsonRpcError(null, rpcCodes.invalidRequest, 'no Mcp-Session-Id: start a session with an initialize POST'));
      const session = new ClientSession(
        (s, message) => this.fromClient(s, message),
        (s) => this.ended(s),
      );
      session.handle(req, res, body);
      if (session.sessionId && !session.isClosed) this.sessions.set(session.sessionId, session);
      return;
    }
    const session = this.sessions.get(sessionId);
    if (!session) return this.answer(res, 404, jsonRpcError(null, rpcCodes.invalidRequest, `no session ${sessionId.slice(0, 8)}… at ${this.name}: it ended or was reaped; initialize a new one`));
    session.handle(req, res, body);
  }

  /** A one-off call from the plain HTTP shortcut, on the same path (ids rewritten, logged) as a session's. */
  callOnce(method: string, params: Record<string, unknown>): Promise<JSONRPCMessage> {
    return new Promise((resolve) => {
      const client: ChildClient = { id: 'http', capabilities: {}, deliver: (message) => ('result' in message || 'error' in message) && resolve(message) };
      // a one-off client is not attached: it takes no list_changed or sampling, only its answer
      const child = this.leastLoaded();
      if (!child) return resolve(this.unavailable(1));
      child.request(client, { jsonrpc: '2.0', id: 1, method, params });
    });
  }

  snapshot(baseUrl: string): GatewayEndpoint {
    const states = new Map(this.mcp.list().map((s) => [s.name, s]));
    const replicas = this.replicaNames.map((name) => {
      const child = this.childOf(name);
      const sessions = [...this.placed.values()].filter((c) => c === child).length;
      return { name, ready: child !== undefined && ['ready', 'degraded'].includes(states.get(name)?.status ?? ''), sessions, inFlight: child ? child.load - sessions : 0 };
    });
    return { name: this.name, url: `${baseUrl}/${encodeURIComponent(this.name)}`, mode: this.exposure.mode, replicas, sessions: this.sessions.size, logPayloads: this.exposure.logPayloads, ...this.figures.summary() };
  }

  /** Tools of the first ready replica, for the catalog. */
  tools(): { name: string; description?: string }[] {
    const states = this.mcp.list();
    const names = this.exposure.mode === 'per-session' ? [this.name] : this.replicaNames;
    const ready = names.map((n) => states.find((s) => s.name === n)).find((s) => s?.status === 'ready' || s?.status === 'degraded');
    return (ready?.tools ?? []).map((t) => ({ name: t.name, ...(t.description ? { description: t.description } : {}) }));
  }

  async close(): Promise<void> {
    clearInterval(this.reaper);
    await Promise.all([...this.sessions.values()].map((s) => s.close().catch(() => {})));
    this.sessions.clear();
    for (const session of [...this.instances.keys()]) this.endInstance(session);
    for (const child of this.children.values()) child.dispose();
    this.children.clear();
  }

  private fromClient(session: ClientSession, raw: JSONRPCMessage): void {
    const what = kindOf(raw);
    if (what.kind === 'request') return this.request(session, what.message);
    const child = this.placed.get(session);
    if (what.kind === 'response') return child?.answer(session, what.message);
    const message = what.message;
    if (message.method === 'notifications/cancelled') {
      const p = message.params as { requestId?: string | number; reason?: string } | undefined;
      if (p?.requestId !== undefined) child?.cancel(session, p.requestId, p.reason);
      return;
    }
    child?.notify(message);
  }

  private request(session: ClientSession, message: JSONRPCRequest): void {
    const started = performance.now();
    if (message.method === 'ping') return session.deliver({ jsonrpc: '2.0', id: message.id, result: {} });
    if (this.exposure.mode === 'per-session') return void this.ownChild(session, message, started);
    const child = this.place(session);
    if (!child) {
      session.deliver(this.unavailable(message.id));
      this.observe({ server: this.name, session: session.id, method: message.method, durationMs: performance.now() - started, error: 'unavailable', detail: 'no ready replica' });
      return;
    }
    if (message.method === 'initialize') return this.initialized(session, message, child, started);
    child.request(session, message);
  }

  /** The child answered Switchboard's initialize once; each session gets that answer (its protocol version, capabilities, info). */
  private initialized(session: ClientSession, message: JSONRPCRequest, child: SharedChild, started: number): void {
    const params = message.params as { capabilities?: Record<string, unknown> } | undefined;
    session.capabilities = params?.capabilities ?? {};
    const { protocolVersion, capabilities, serverInfo, instructions } = child.wire.server;
    session.deliver({ jsonrpc: '2.0', id: message.id, result: { protocolVersion, capabilities, serverInfo, ...(instructions ? { instructions } : {}) } });
    this.observe({ server: this.name, replica: child.replica, session: session.id, method: 'initialize', durationMs: performance.now() - started });
  }

  /** mode per-session: initialize starts the session's own supervised child (up to maxSessions); later calls go to it alone. */
  private async ownChild(session: ClientSession, message: JSONRPCRequest, started: number): Promise<void> {
    if (message.method !== 'initialize') {
      const child = this.placed.get(session);
      if (child?.open) return child.request(session, message);
      session.deliver(jsonRpcError(message.id, rpcCodes.unavailable, `this session's ${this.name} child is not running (it exited or is restarting); start a new session`));
      this.observe({ server: this.name, session: session.id, method: message.method, durationMs: performance.now() - started, error: 'unavailable' });
      return;
    }
    if (this.instances.size >= this.exposure.maxSessions) {
      session.deliver(jsonRpcError(message.id, rpcCodes.tooManySessions, `${this.name} has ${this.instances.size} sessions, each with its own child (maxSessions ${this.exposure.maxSessions}): end one, or raise gateway.maxSessions`));
      this.observe({ server: this.name, session: session.id, method: 'initialize', durationMs: performance.now() - started, error: 'unavailable', detail: 'maxSessions reached' });
      return;
    }
    const instance = `${this.name}@${session.id}`;
    this.instances.set(session, instance);
    const state = await this.mcp.startInstance(this.name, instance).catch((err: unknown) => ({ status: 'exited', reason: err instanceof Error ? err.message : String(err) }));
    const wire = this.mcp.wire(instance);
    if (!wire || session.isClosed) {
      this.endInstance(session);
      session.deliver(jsonRpcError(message.id, rpcCodes.unavailable, `${this.name}'s child for this session did not start: ${state.status}: ${state.reason}`));
      this.observe({ server: this.name, session: session.id, method: 'initialize', durationMs: performance.now() - started, error: 'unavailable', detail: state.reason });
      return;
    }
    const child = new SharedChild(instance, this.name, wire, this.observe, this.exposure.logPayloads);
    this.children.set(instance, child);
    child.attach(session);
    this.placed.set(session, child);
    this.initialized(session, message, child, started);
  }

  private endInstance(session: ClientSession): void {
    const instance = this.instances.get(session);
    if (instance === undefined) return;
    this.instances.delete(session);
    this.children.get(instance)?.dispose();
    this.children.delete(instance);
    void this.mcp.endInstance(instance);
  }

  /** The session's replica while it is ready, else the least-loaded ready one (the session moves there). */
  private place(client: ChildClient): SharedChild | undefined {
    const current = this.placed.get(client);
    if (current?.open && this.children.get(current.replica) === current) return current;
    current?.detach(client);
    const best = this.leastLoaded();
    if (best) {
      best.attach(client);
      this.placed.set(client, best);
    } else this.placed.delete(client);
    return best;
  }

  private leastLoaded(): SharedChild | undefined {
    // per-session: the configured server itself (no session's own child) answers one-off calls
    if (this.exposure.mode === 'per-session') return this.childOf(this.name);
    let best: SharedChild | undefined;
    for (const name of this.replicaNames) {
      const child = this.childOf(name);
      if (child && (!best || child.load < best.load)) best = child;
    }
    return best;
  }

  /** The SharedChild on a replica's current wire; a restarted child gets a fresh one. */
  private childOf(replica: string): SharedChild | undefined {
    const wire = this.mcp.wire(replica);
    const known = this.children.get(replica);
    if (known && known.wire === wire && wire.open) return known;
    known?.dispose();
    this.children.delete(replica);
    if (!wire?.open) return undefined;
    const child = new SharedChild(replica, this.name, wire, this.observe, this.exposure.logPayloads);
    this.children.set(replica, child);
    return child;
  }

  private ended(session: ClientSession): void {
    if (session.sessionId) this.sessions.delete(session.sessionId);
    this.placed.get(session)?.detach(session);
    this.placed.delete(session);
    this.endInstance(session);
  }

  private reapIdle(): void {
    const now = Date.now();
    for (const session of this.sessions.values()) {
      if (now - session.lastActive < this.exposure.idleTimeout || (this.placed.get(session)?.inFlightOf(session) ?? 0) > 0) continue;
      void session.close();
    }
  }

  private unavailable(id: string | number): JSONRPCMessage {
    return jsonRpcError(id, rpcCodes.unavailable, `${this.name} has no ready replica right now (starting, restarting or stopped): see the MCP screen`);
  }

  private answer(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }
}
