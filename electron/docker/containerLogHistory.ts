import type Docker from 'dockerode';
import type { ContainerLogPage } from '../../shared/contract/containers.js';
import type { LogLevel, LogLine, LogStream } from '../../shared/contract/logs.js';
import { sourceId } from '../../shared/sourceId.js';
import { guessLevel } from '../base/guessLogLevel.js';
import { callTimeoutMs, toEngineError, withTimeout } from './engineErrors.js';
import { lineReader } from './lineReader.js';
import { dockerTime, splitTimestamp } from './logTimestamp.js';

/** Where a viewer's lines of one stream begin: the millisecond of its oldest line, and how many of that millisecond it shows. */
export interface StreamCursor {
  until: number;
  skip: number;
}

export interface LogHistoryRequest {
  /** Only lines up to the end of this millisecond (the viewer's oldest line), for a stream without a cursor. */
  untilMs: number;
  /**
   * Per stream, where the viewer's lines of it begin. Per stream because
   * Docker stamps stdout and stderr in separate goroutines: across the two,
   * the order lines arrive in and their timestamps can disagree.
   */
  shown?: Partial<Record<'stdout' | 'stderr', StreamCursor>> | undefined;
  /** Lines wanted, newest first from `untilMs` back. */
  count: number;
  streams?: LogStream[] | undefined;
  levels?: LogLevel[] | undefined;
}

interface Target {
  docker: Docker;
  address: string;
  id: string;
  name: string;
  tty: boolean;
}

// Docker cannot combine `tail` with `until` (tail is taken from the end of the
// whole log, then cut by until), so history is read in time windows going
// back from `until`, each four times the last, until enough lines are in.
const firstWindowNs = 2_000_000_000n;
const maxWindows = 24;
// Docker stops reading at the first line stamped after `until`, and stdout and
// stderr are stamped apart, so a line stamped just before `until` can sit in
// the file after one stamped just after it. Each window is asked for this much
// further and cut to its exact bounds here.
const untilSlackNs = 1_000_000_000n;
// The hub cuts runaway lines at the same length.
const maxLineChars = 16_384;

/**
 * Older lines of one container, straight from Docker's own log (json-file,
 * journald, local …), for a viewer that has scrolled past what the hub holds.
 * Lines come back oldest first with seq 0: they are not in the hub.
 */
export async function fetchLogHistory(t: Target, req: LogHistoryRequest): Promise<ContainerLogPage> {
  const source = sourceId.container(t.name);
  const wantOut = !req.streams?.length || req.streams.includes('stdout');
  const wantErr = !t.tty && (!req.streams?.length || req.streams.includes('stderr'));
  if (!wantOut && !wantErr) return { source, lines: [], more: false };
  const levels = req.levels?.length ? new Set(req.levels) : undefined;
  const container = t.docker.getContainer(t.id);
  const what = `log history of ${source}`;

  let created: number;
  try {
    const info = await withTimeout(container.inspect(), callTimeoutMs, what);
    created = Date.parse(info.Created);
  } catch (err) {
    throw toEngineError(what, err, t.address);
  }
  // A second of slack: Created and the first line's stamp come from different clocks' roundings.
  const floor = BigInt(Math.max(0, (Number.isFinite(created) ? created : 0) - 1000)) * 1_000_000n;

  const bound = { stdout: req.shown?.stdout?.until ?? req.untilMs, stderr: req.shown?.stderr?.until ?? req.untilMs };
  const skipLeft = { stdout: req.shown?.stdout?.skip ?? 0, stderr: req.shown?.stderr?.skip ?? 0 };
  const newest = Math.floor(Math.max(wantOut ? bound.stdout : 0, wantErr ? bound.stderr : 0));
  let until = BigInt(newest + 1) * 1_000_000n - 1n;
  let window = firstWindowNs;
  let lines: LogLine[] = [];
  for (let i = 0; i < maxWindows && until >= floor; i++) {
    const since = until - window + 1n > floor ? until - window + 1n : floor;
    let raw: Buffer;
    try {
      const body = await withTimeout(
        container.logs({
          follow: false,
          stdout: wantOut,
          stderr: wantErr,
          timestamps: true,
          since: dockerTime(since),
          until: dockerTime(until + untilSlackNs),
        } as unknown as { follow: false }),
        callTimeoutMs,
        what,
      );
      raw = Buffer.isBuffer(body) ? body : Buffer.from(String(body));
    } catch (err) {
      throw toEngineError(what, err, t.address);
    }
    const page = olderThanShown(parse(raw, t.tty, source, levels, since, until), bound, skipLeft);
    lines = page.length ? (lines.length ? page.concat(lines) : page) : lines;
    if (lines.length >= req.count) return { source, lines: lines.slice(lines.length - req.count), more: true };
    until = since - 1n;
    window *= 4n;
  }
  return { source, lines, more: until >= floor };
}

/**
 * Keeps the lines of each stream up to its bound, less the newest `skip` of
 * the bound's millisecond (the viewer shows those). Windows are whole
 * milliseconds, so one window holds all of a bound's millisecond.
 */
function olderThanShown(page: LogLine[], bound: Record<'stdout' | 'stderr', number>, skipLeft: Record<'stdout' | 'stderr', number>): LogLine[] {
  const keep: LogLine[] = [];
  for (let i = page.length - 1; i >= 0; i--) {
    const line = page[i]!;
    const s = line.stream === 'stderr' ? 'stderr' : 'stdout';
    if (line.ts > bound[s]) continue;
    if (line.ts === bound[s] && skipLeft[s] > 0) {
      skipLeft[s]--;
      continue;
    }
    keep.push(line);
  }
  return keep.reverse();
}

/** Docker's multiplexed frames (8-byte header: stream, 0, 0, 0, size) for non-TTY containers; raw bytes for TTY ones. */
/** The lines of one window, stamped from `since` to `until` (ns, both included), in the order Docker wrote them. */
function parse(raw: Buffer, tty: boolean, source: string, levels: Set<LogLevel> | undefined, since: bigint, until: bigint): LogLine[] {
  const out: LogLine[] = [];
  const reader = (stream: LogStream) =>
    lineReader((line) => {
      const stamped = splitTimestamp(line);
      if (!stamped) return;
      const ns = BigInt(stamped.sec) * 1_000_000_000n + BigInt(stamped.nanos);
      if (ns < since || ns > until) return;
      const text = stamped.text.length > maxLineChars ? stamped.text.slice(0, maxLineChars) : stamped.text;
      const level = guessLevel(text, stream);
      if (!levels || levels.has(level)) out.push({ seq: 0, ts: stamped.ms, source, stream, level, text });
    });
  if (tty) {
    const r = reader('stdout');
    r.push(raw);
    r.end();
    return out;
  }
  const stdout = reader('stdout');
  const stderr = reader('stderr');
  for (let at = 0; at + 8 <= raw.length; ) {
    const size = raw.readUInt32BE(at + 4);
    const frame = raw.subarray(at + 8, at + 8 + size);
    (raw[at] === 2 ? stderr : stdout).push(frame);
    at += 8 + size;
  }
  stdout.end();
  stderr.end();
  return out;
}
