import type { ContainerSummary } from '../../shared/contract/containers.js';
import type { LogStream } from '../../shared/contract/logs.js';
import { sourceId } from '../../shared/sourceId.js';
import type { Disposable } from '../base/disposable.js';
import type { LogWriter } from '../core/logWriter.js';
import type { EngineConnection } from './engineConnection.js';
import { lineReader } from './lineReader.js';
import { isLater, splitTimestamp, type Stamp } from './logTimestamp.js';

export interface LogFollowOptions {
  /** Lines of history to fetch the first time a container is followed. */
  tail?: number;
  /** Only history newer than this (ms since epoch), the first time. */
  sinceMs?: number;
}

interface Follow {
  stream?: NodeJS.ReadableStream & { destroy?: () => void };
  abort?: AbortController;
  /**
   * The last line written of each stream, so a reopened follow never repeats
   * one. Per stream: Docker stamps stdout and stderr in separate goroutines,
   * so across the two, file order and timestamp order can disagree.
   */
  last: Partial<Record<LogStream, Stamp>>;
  /** The hub source its lines go to, retired when the container is removed. */
  source?: string;
}

/**
 * Follows the logs of the stack's running containers into the log hub, as
 * `container:<name>` with stdout and stderr apart (Docker's multiplexed stream
 * for non-TTY containers; a TTY container has one raw stream, written as stdout).
 * A stream ends when its container stops and reopens from the last line seen
 * when it starts again or the engine comes back.
 */
export class ContainerLogs implements Disposable {
  private readonly follows = new Map<string, Follow>();
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly conn: EngineConnection,
    private readonly logs: LogWriter,
    private readonly shouldFollow: (c: ContainerSummary) => boolean,
    private readonly options: LogFollowOptions = {},
    /** Every line passes through it before the hub sees it: a container that prints its DATABASE_URL must not show the password. */
    private readonly mask: (text: string) => string = (text) => text,
  ) {
    this.subscriptions = [
      conn.containerChanged.on(({ id, action }) => {
        if (action === 'destroy') {
          this.close(id);
          const source = this.follows.get(id)?.source;
          if (source) this.logs.retire?.(source);
          this.follows.delete(id);
        } else this.ensure(id);
      }),
      conn.connected.on(() => this.ensureAll()),
      conn.changed.on(() => {
        if (conn.status !== 'connected') for (const id of this.follows.keys()) this.close(id);
      }),
    ];
    if (conn.status === 'connected') this.ensureAll();
  }

  /** Re-applies the selection (after the config changed). */
  ensureAll(): void {
    for (const id of this.conn.containers.keys()) this.ensure(id);
    for (const id of this.follows.keys()) if (!this.conn.containers.has(id)) this.close(id);
  }

  get openStreams(): number {
    let n = 0;
    for (const f of this.follows.values()) if (f.stream || f.abort) n++;
    return n;
  }

  private ensure(id: string): void {
    const c = this.conn.containers.get(id);
    const follow = this.follows.get(id);
    if (!c || c.state !== 'running' || !this.shouldFollow(c) || this.conn.status !== 'connected') {
      if (follow && c && !this.shouldFollow(c)) this.close(id);
      return;
    }
    if (follow?.abort) return; // already open or opening
    const f: Follow = follow ?? { last: {} };
    this.follows.set(id, f);
    const abort = new AbortController();
    f.abort = abort;
    // Reopen from the second of the stream that is furthest behind; lines seen already are skipped by writeLine.
    const seen = Object.values(f.last).map((s) => s.sec);
    const resume = seen.length > 0 ? Math.min(...seen) : undefined;
    const since = resume ?? (this.options.sinceMs ? Math.floor(this.options.sinceMs / 1000) : 0);
    const source = sourceId.container(c.name);
    f.source = source;
    this.conn.docker
      .getContainer(id)
      .logs({
        follow: true,
        stdout: true,
        stderr: true,
        timestamps: true,
        ...(resume !== undefined || this.options.sinceMs ? { since } : { tail: this.options.tail ?? 200 }),
        abortSignal: abort.signal,
      } as unknown as { follow: true })
      .then((raw) => {
        const stream = raw as NodeJS.ReadableStream & { destroy?: () => void };
        if (f.abort !== abort) {
          stream.destroy?.();
          return;
        }
        f.stream = stream;
        const write = (streamName: LogStream) => lineReader((line) => this.writeLine(f, source, streamName, line));
        const out = write('stdout');
        const err = write('stderr');
        if (c.tty) stream.on('data', (chunk: Buffer) => out.push(chunk));
        else {
          const sink = (r: ReturnType<typeof write>) => ({ write: (chunk: Buffer) => (r.push(chunk), true) });
          this.conn.docker.modem.demuxStream(stream, sink(out) as unknown as NodeJS.WritableStream, sink(err) as unknown as NodeJS.WritableStream);
        }
        const ended = () => {
          if (f.stream !== stream) return;
          out.end();
          err.end();
          f.stream = undefined;
          f.abort = undefined;
          // A restart can report "start" before the old stream has ended.
          setImmediate(() => this.follows.get(id) === f && this.ensure(id));
        };
        stream.on('end', ended);
        stream.on('close', ended);
        stream.on('error', ended);
      })
      .catch(() => {
        if (f.abort === abort) f.abort = undefined;
      });
  }

  private writeLine(f: Follow, source: string, stream: LogStream, line: string): void {
    const stamped = splitTimestamp(line);
    if (!stamped) {
      this.logs.write({ source, stream, text: this.mask(line) });
      return;
    }
    const last = f.last[stream];
    if (last && !isLater(stamped, last)) return; // already written before a reopen
    f.last[stream] = { sec: stamped.sec, nanos: stamped.nanos };
    this.logs.write({ source, stream, text: this.mask(stamped.text), ts: stamped.ms });
  }

  private close(id: string): void {
    const f = this.follows.get(id);
    if (!f) return;
    f.abort?.abort();
    f.abort = undefined;
    if (f.stream) {
      const s = f.stream;
      f.stream = undefined;
      s.removeAllListeners();
      s.on('error', () => {});
      s.destroy?.();
    }
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    for (const id of this.follows.keys()) this.close(id);
    this.follows.clear();
  }
}
