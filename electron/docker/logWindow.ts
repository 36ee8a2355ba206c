import type Docker from 'dockerode';
import type { LogLevel, LogLine, LogStream } from '../../shared/contract/logs.js';
import { guessLevel } from '../base/guessLogLevel.js';
import { lineReader } from './lineReader.js';
import { dockerTime, splitTimestamp } from './logTimestamp.js';
import { NewestLines } from './newestLines.js';

// The hub cuts runaway lines at the same length.
const maxLineChars = 16_384;
// Lines stamped before `until` can follow later-stamped ones only by the message or two the other stream's copier had in hand
// (Docker stamps stdout and stderr apart); this much past the first late line covers that, even in a flood.
const lateAllowanceBytes = 64 * 1024;

/** One time window of a container's log, and what of it to keep. */
export interface LogWindow {
  /** Nanoseconds since epoch, both included. */
  since: bigint;
  until: bigint;
  /** How much further than `until` to ask Docker for (its stdout and stderr stamps can be out of order). */
  slackNs: bigint;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
  source: string;
  levels: Set<LogLevel> | undefined;
  /** Per stream, the newest millisecond the viewer may be shown; later lines are the viewer's already. */
  bound: Record<'stdout' | 'stderr', number>;
  /** Only the newest this many lines are kept. */
  keep: number;
  /** Reading stops (the window is then incomplete) once this many bytes have come. */
  maxBytes: number;
}

export interface WindowRead {
  /** The newest `keep` lines read, oldest first. */
  lines: LogLine[];
  /** Bytes that came from Docker, the one that crossed `maxBytes` included. */
  bytes: number;
  /** false when reading stopped at `maxBytes`: lines after what was read are missing. */
  complete: boolean;
  /** Stamps (ns) of the first and the last line read inside the window: how dense the log is there. */
  firstNs?: bigint;
  lastNs?: bigint;
}

/** What the lines read so far tell about the window. */
interface Seen {
  firstNs?: bigint;
  lastNs?: bigint;
  late: boolean;
}

/** What docker-modem's dial takes for a streamed GET (dockerode types the modem as any). */
interface Dialer {
  dial(options: object, callback: (err: unknown, body: NodeJS.ReadableStream & { destroy(): void }) => void): void;
}

/**
 * Reads one window of a container's log as a stream (not one buffered body),
 * parsing lines as they come and keeping only the newest few, so a window
 * holding gigabytes costs at most `maxBytes` of reading and `keep` lines of memory.
 */
export async function readLogWindow(container: Docker.Container, w: LogWindow, signal: AbortSignal): Promise<WindowRead> {
  const query = { follow: false, stdout: w.stdout, stderr: w.stderr, timestamps: true, since: dockerTime(w.since), until: dockerTime(w.until + w.slackNs) };
  const body = await new Promise<NodeJS.ReadableStream & { destroy(): void }>((resolve, reject) =>
    (container.modem as Dialer).dial(
      { path: `/containers/${container.id}/logs?`, method: 'GET', isStream: true, abortSignal: signal, statusCodes: { 200: true, 404: 'no such container', 500: 'server error' }, options: query },
      (err, stream) => (err ? reject(err) : resolve(stream)),
    ),
  );
  const kept = new NewestLines<LogLine>(w.keep);
  const seen: Seen = { late: false };
  const parser = framesOf(w.tty, (stream) => lineReader((line) => keepLine(w, stream, line, kept, seen)));
  const result = (bytes: number, complete: boolean): WindowRead => ({ lines: kept.toArray(), bytes, complete, ...(seen.firstNs !== undefined && { firstNs: seen.firstNs, lastNs: seen.lastNs ?? seen.firstNs }) });
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let lateBytes = 0;
    const stop = () => {
      signal.removeEventListener('abort', abort);
      body.removeAllListeners();
      body.on('error', () => {}); // a destroyed socket may still report its reset
      body.destroy();
    };
    const abort = () => {
      stop();
      reject(signal.reason);
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > w.maxBytes) {
        stop();
        return resolve(result(bytes, false));
      }
      parser.push(chunk);
      if (seen.late) lateBytes += chunk.length;
      // The rest is the slack past `until`: in a flood that can be a whole second of log.
      if (lateBytes > lateAllowanceBytes) {
        stop();
        resolve(result(bytes, true));
      }
    });
    body.on('end', () => {
      stop();
      parser.end();
      resolve(result(bytes, true));
    });
    body.on('error', (err: unknown) => {
      stop();
      reject(err);
    });
  });
}

function keepLine(w: LogWindow, stream: LogStream, line: string, kept: NewestLines<LogLine>, seen: Seen): void {
  const stamped = splitTimestamp(line);
  if (!stamped) return;
  const ns = BigInt(stamped.sec) * 1_000_000_000n + BigInt(stamped.nanos);
  if (ns > w.until) seen.late = true;
  else if (ns >= w.since) {
    seen.firstNs ??= ns;
    seen.lastNs = ns;
  }
  if (ns < w.since || ns > w.until || stamped.ms > w.bound[stream === 'stderr' ? 'stderr' : 'stdout']) return;
  const text = stamped.text.length > maxLineChars ? stamped.text.slice(0, maxLineChars) : stamped.text;
  const level = guessLevel(text, stream);
  if (!w.levels || w.levels.has(level)) kept.push({ seq: 0, ts: stamped.ms, source: w.source, stream, level, text });
}

type LineSink = ReturnType<typeof lineReader>;

/**
 * Docker's multiplexed frames (8-byte header: stream, 0, 0, 0, size) for
 * non-TTY containers, raw bytes for TTY ones; a header or a frame may be cut
 * across chunks.
 */
function framesOf(tty: boolean, readerFor: (stream: LogStream) => LineSink): LineSink {
  const stdout = readerFor('stdout');
  if (tty) return stdout;
  const stderr = readerFor('stderr');
  let header: Buffer = Buffer.alloc(0);
  let left = 0;
  let to = stdout;
  return {
    push(chunk) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (let at = 0; at < bytes.length; ) {
        if (left === 0) {
          const piece = bytes.subarray(at, at + 8 - header.length);
          header = header.length ? Buffer.concat([header, piece]) : piece;
          at += piece.length;
          if (header.length < 8) return;
          to = header[0] === 2 ? stderr : stdout;
          left = header.readUInt32BE(4);
          header = Buffer.alloc(0);
          continue;
        }
        const piece = bytes.subarray(at, at + left);
        to.push(piece);
        left -= piece.length;
        at += piece.length;
      }
    },
    end() {
      stdout.end();
      stderr.end();
    },
  };
}
