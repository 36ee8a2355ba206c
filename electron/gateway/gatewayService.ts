import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GatewayErrorKind, GatewayState } from '../../shared/contract/gateway.js';
import type { AsyncDisposable } from '../base/disposable.js';
import { Emitter } from '../base/emitter.js';
import { exposureOf, type GatewayConfig } from '../base/stackFile/gateway.js';
import type { StackConfig } from '../base/stackFile/stack.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';
import type { AuditLog } from '../core/auditLog.js';
import type { LogWriter } from '../core/logWriter.js';
import type { FinishedCall } from './finishedCall.js';
import type { GatewayChildren } from './gatewayChildren.js';
import { startGatewayListener, type GatewayListener } from './gatewayListener.js';
import type { GuardFactory } from './requestGate.js';
import { logCall } from './requestLog.js';
import { ServerEndpoint } from './serverEndpoint.js';

export interface GatewayDeps {
  children: GatewayChildren;
  guards: GuardFactory;
  logs: LogWriter;
  audit: AuditLog;
  secrets: SecretMasker;
  /** The stack file's folder: tls files resolve against it. */
  baseDir: () => string;
}

/**
 * The MCP gateway as the stack file describes it: a listener (restarted when
 * host, port, token or tls change) and one endpoint per exposed server
 * (replaced when its exposure changes). Config changes are applied one at a
 * time, in order.
 */
export class GatewayService implements AsyncDisposable {
  readonly changed = new Emitter<void>();
  private listener: GatewayListener | undefined;
  private listenerKey: string | undefined;
  private readonly endpoints = new Map<string, ServerEndpoint>();
  /** Made once per run, so a reload does not break the clients configured with it. */
  private readonly generatedToken = randomBytes(24).toString('base64url');
  private config: GatewayConfig | undefined;
  private problem: string | undefined;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private readonly deps: GatewayDeps) {
    deps.secrets.remember([this.generatedToken]);
  }

  apply(stack: StackConfig): Promise<void> {
    this.queue = this.queue.then(() => this.applyNow(stack)).catch((error: unknown) => this.deps.audit.note(`MCP gateway: ${message(error)}`, 'error'));
    return this.queue;
  }

  state(): GatewayState {
    const base = this.listener?.baseUrl;
    return {
      configured: this.config !== undefined,
      listening: this.listener !== undefined,
      ...(base ? { url: base } : {}),
      ...(this.config ? { token: this.token, tokenGenerated: this.config.token === undefined } : { tokenGenerated: false }),
      ...(this.problem ? { problem: this.problem } : {}),
      endpoints: base ? [...this.endpoints.values()].map((e) => e.snapshot(base)) : [],
    };
  }

  /** GET /mcp: every exposed server with its URL, state, replicas and tools. */
  catalog(): unknown {
    const base = this.listener?.baseUrl ?? '';
    return {
      servers: [...this.endpoints.values()].map((e) => {
        const snap = e.snapshot(base);
        return { name: e.name, url: snap.url, mode: snap.mode, ready: snap.replicas.some((r) => r.ready), replicas: snap.replicas, tools: e.tools() };
      }),
    };
  }

  async disposeAsync(): Promise<void> {
    this.disposed = true;
    await this.queue;
    await this.closeEndpoints([...this.endpoints.keys()]);
    await this.closeListener();
    this.changed.dispose();
  }

  dispose(): void {
    void this.disposeAsync();
  }

  private get token(): string {
    return this.config?.token ?? this.generatedToken;
  }

  private async applyNow(stack: StackConfig): Promise<void> {
    if (this.disposed) return;
    this.config = stack.gateway;
    const exposed = new Map<string, ReturnType<typeof exposureOf>>();
    if (stack.gateway) {
      for (const [name, server] of Object.entries({ ...(stack.servers ?? {}), ...stack.mcpServers })) {
        const exposure = exposureOf(server.gateway);
        if (exposure) exposed.set(name, exposure);
      }
    }
    const gone = [...this.endpoints].filter(([name, e]) => JSON.stringify(exposed.get(name)) !== JSON.stringify(e.exposure)).map(([name]) => name);
    await this.closeEndpoints(gone);
    for (const [name, exposure] of exposed) {
      if (!this.endpoints.has(name) && exposure) this.endpoints.set(name, new ServerEndpoint(name, exposure, this.deps.children, (call) => this.finished(call)));
    }
    await this.listen(stack.gateway);
    this.changed.emit();
  }

  private async listen(config: GatewayConfig | undefined): Promise<void> {
    const key = config ? JSON.stringify({ ...config, token: this.token }) : undefined;
    if (key === this.listenerKey && (this.listener || !config)) return;
    await this.closeListener();
    this.listenerKey = key;
    this.problem = undefined;
    if (!config) return;
    try {
      const offLoopback = !this.deps.guards.isLoopbackHost(config.host);
      if (offLoopback && (!config.tls || config.allowHosts.length === 0)) {
        throw new Error(`gateway.host ${config.host} would expose the MCP servers to other machines: add gateway.tls { cert, key } and gateway.allowHosts, or bind 127.0.0.1`);
      }
      const tls = config.tls && { cert: readFileSync(resolve(this.deps.baseDir(), config.tls.cert)), key: readFileSync(resolve(this.deps.baseDir(), config.tls.key)) };
      this.listener = await startGatewayListener({
        host: config.host,
        port: config.port,
        token: this.token,
        ...(tls ? { tls } : {}),
        allowHosts: config.allowHosts,
        guards: this.deps.guards,
        endpoint: (name) => this.endpoints.get(name),
        catalog: () => this.catalog(),
        refused: (server, kind, detail) => this.refused(server, kind, detail),
        onError: (error) => this.deps.audit.note(`MCP gateway: a request failed: ${message(error)}`, 'error'),
      });
      this.deps.audit.note(`MCP gateway listening on ${this.listener.baseUrl} (${this.endpoints.size} servers exposed${config.token ? '' : '; token generated for this run, shown on the MCP screen'})`);
    } catch (error) {
      const code = (error as { code?: string }).code;
      this.problem = code === 'EADDRINUSE' ? `port ${config.port} is in use: set gateway.port to a free one (0 picks any)` : message(error);
      this.deps.audit.note(`MCP gateway not started: ${this.problem}`, 'error');
    }
  }

  private finished(call: FinishedCall): void {
    this.endpoints.get(call.server)?.figures.record(call.durationMs, call.error);
    logCall(this.deps.logs, this.deps.secrets, call);
  }

  private refused(server: string | undefined, kind: GatewayErrorKind, detail: string): void {
    const endpoint = server === undefined ? undefined : this.endpoints.get(server);
    endpoint?.figures.record(0, kind);
    if (endpoint) logCall(this.deps.logs, this.deps.secrets, { server: endpoint.name, method: 'http', durationMs: 0, error: kind, detail });
  }

  private async closeEndpoints(names: string[]): Promise<void> {
    await Promise.all(names.map((name) => this.endpoints.get(name)?.close()));
    for (const name of names) this.endpoints.delete(name);
  }

  private async closeListener(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    this.listenerKey = undefined;
    await listener?.close();
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
