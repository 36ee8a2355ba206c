import type { ChildProcess } from 'node:child_process';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import { toDisposable, type Disposable } from '../base/disposable.js';
import { isPlainResultResponse } from './resultResponse.js';

/** A protocol line longer than this is not a message we can use; it is reported and dropped. */
const maxLineBytes = 16 * 1024 * 1024;

/**
 * The SDK's Transport over a child we spawned ourselves (so we own its process
 * group). Unlike the SDK's stdio transport it reports lines on stdout that are
 * not JSON-RPC, because "wrapper prints a banner to stdout" is a top cause of
 * broken servers and the operator needs to see the offending text.
 */
export class ChildStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  protocolVersion: string | undefined;

  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private closed = false;
  private readonly onData = (chunk: Buffer) => this.read(chunk);
  private readonly onExit = () => this.close();
  private readonly onStdinError = (error: Error) => this.onerror?.(error);
  /** The MCP gateway's listeners (see McpWire): they see each message first and may keep it. */
  private readonly taps = new Set<(message: JSONRPCMessage) => boolean>();
  private readonly closeListeners = new Set<() => void>();

  constructor(
    private readonly child: ChildProcess,
    private readonly onNonProtocolLine: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    this.child.stdout?.on('data', this.onData);
    this.child.stdin?.on('error', this.onStdinError);
    this.child.once('exit', this.onExit);
  }

  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child.stdin;
    if (this.closed || !stdin || stdin.destroyed || !stdin.writable) {
      return Promise.reject(new Error('the server process is no longer accepting input'));
    }
    return new Promise((resolve) => {
      if (stdin.write(serializeMessage(message))) resolve();
      else stdin.once('drain', () => resolve());
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  tap(listener: (message: JSONRPCMessage) => boolean): Disposable {
    this.taps.add(listener);
    return toDisposable(() => this.taps.delete(listener));
  }

  onClosed(listener: () => void): Disposable {
    if (this.closed) {
      listener();
      return toDisposable(() => {});
    }
    this.closeListeners.add(listener);
    return toDisposable(() => this.closeListeners.delete(listener));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.child.stdout?.off('data', this.onData);
    this.child.off('exit', this.onExit);
    this.pending = [];
    this.onclose?.();
    for (const listener of [...this.closeListeners]) listener();
    this.closeListeners.clear();
    this.taps.clear();
  }

  private read(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, nl);
      const line = this.pending.length ? Buffer.concat([...this.pending, piece]).toString('utf8') : piece.toString('utf8');
      this.pending = [];
      this.pendingBytes = 0;
      this.handleLine(line.replace(/\r$/, ''));
      start = nl + 1;
    }
    if (start < chunk.length) {
      this.pending.push(chunk.subarray(start));
      this.pendingBytes += chunk.length - start;
      if (this.pendingBytes > maxLineBytes) {
        this.onNonProtocolLine(`${Buffer.concat(this.pending).subarray(0, 200).toString('utf8')}… (line over 16 MB)`);
        this.pending = [];
        this.pendingBytes = 0;
      }
    }
  }

  private handleLine(line: string): void {
    if (line.trim() === '') return;
    let message: JSONRPCMessage | undefined;
    try {
      const json: unknown = JSON.parse(line);
      if (isPlainResultResponse(json)) message = json;
      else {
        const parsed = JSONRPCMessageSchema.safeParse(json);
        if (parsed.success) message = parsed.data;
      }
    } catch {
      // not JSON: reported below
    }
    if (!message) return this.onNonProtocolLine(line);
    let kept = false;
    for (const tap of this.taps) kept = tap(message) || kept;
    if (!kept) this.onmessage?.(message);
  }
}
