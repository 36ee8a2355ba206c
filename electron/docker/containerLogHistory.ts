import type Docker from 'dockerode';
import type { ContainerLogPage } from '../../shared/contract/containers.js';
import type { LogLevel, LogLine, LogStream } from '../../shared/contract/logs.js';
import { sourceId } from '../../shared/sourceId.js';
import { callTimeoutMs, toEngineError, withTimeout } from './engineErrors.js';
import { HistoryWindows, oneMsNs } from './historyWindows.js';
import { readLogWindow } from './logWindow.js';

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

export interface LogHistoryLimits {
  /** Bytes read from Docker per call, every window together. */
  maxBytes: number;
  /** Told how many bytes each call read. */
  onRead?: (bytes: number) => void;
}

/** A flood can put gigabytes in one window; a page reads at most this much of it. */
export const logHistoryMaxBytes = 8 * 1024 * 1024;

// Docker cannot combine `tail` with `until` (tail is taken from the end of the
// whole log, then cut by until), so history is read in time windows going
// back from `until` (HistoryWindows says how wide), until enough lines are in.
const maxWindows = 64;
// Docker stops reading at the first line stamped after `until`, and stdout and
// stderr are stamped apart, so a line stamped just before `until` can sit in
// the file after one stamped just after it. Each window is asked for this much
// further and cut to its exact bounds here.
const untilSlackNs = 1_000_000_000n;
// A page with lines in hand ends rather than read windows smaller than this.
const minWindowBytes = 64 * 1024;

/**
 * Older lines of one container, straight from Docker's own log (json-file,
 * journald, local …), for a viewer that has scrolled past what the hub holds.
 * Lines come back oldest first with seq 0: they are not in the hub.
 *
 * Windows are streamed and at most `maxBytes` is read per call, never the
 * whole window into memory. Until the first lines are in, a window may read
 * only a probe's worth, afterwards half of what is left; one that holds more
 * is narrowed (HistoryWindows). A page that runs out of bytes ends early,
 * with `cut` saying so, and the next page goes on from its oldest line: no
 * line is skipped, unless a single millisecond holds more than the limit.
 */
export async function fetchLogHistory(t: Target, req: LogHistoryRequest, limits: LogHistoryLimits = { maxBytes: logHistoryMaxBytes }): Promise<ContainerLogPage> {
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
  const windows = new HistoryWindows();
  // Small, so a crowded window is found out cheaply; a fit one then tells how dense the log is.
  const probeBytes = Math.max(64 * 1024, Math.floor(limits.maxBytes / 8));
  let lines: LogLine[] = [];
  let left = limits.maxBytes;
  const page = (more: boolean, cut?: string): ContainerLogPage => {
    limits.onRead?.(limits.maxBytes - left);
    return { source, lines, more, ...(cut && { cut }) };
  };
  const stopped = `stopped after reading ${mib(limits.maxBytes)} of Docker's log; the next page goes on from here`;
  for (let i = 0; i < maxWindows && until >= floor; i++) {
    const width = windows.widthAt(until);
    const since = until - width + 1n > floor ? until - width + 1n : floor;
    const span = until - since + 1n;
    const narrowest = span <= oneMsNs;
    // Half of what is left, so a window that turns out too big still leaves enough for a narrower one.
    const maxBytes = narrowest ? left : lines.length ? Math.floor(left / 2) : Math.min(left, probeBytes);
    if (maxBytes < minWindowBytes && lines.length) return page(true, stopped);
    const keep = req.count - lines.length + skipLeft.stdout + skipLeft.stderr;
    const abort = new AbortController();
    let read;
    try {
      read = await withTimeout(
        readLogWindow(container, { since, until, slackNs: untilSlackNs, stdout: wantOut, stderr: wantErr, tty: t.tty, source, levels, bound, keep, maxBytes }, abort.signal),
        callTimeoutMs,
        what,
        () => abort.abort(),
      );
    } catch (err) {
      throw toEngineError(what, err, t.address);
    }
    left -= Math.min(read.bytes, left);
    if (!read.complete && !narrowest) {
      windows.overflowed({ since, bytes: read.bytes, firstNs: read.firstNs, lastNs: read.lastNs }, lines.length ? left / 4 : probeBytes / 2);
      continue;
    }
    const fresh = olderThanShown(read.lines, bound, skipLeft);
    if (!read.complete) {
      if (lines.length) return page(true, stopped);
      // One millisecond holds more than the limit: what was read of it is shown, the rest of it is skipped.
      lines = fresh.slice(Math.max(0, fresh.length - req.count));
      const at = new Date(Number(until / oneMsNs)).toISOString();
      return page(lines.length > 0, `the millisecond at ${at} holds more than ${mib(maxBytes)} of log: some of its lines were skipped`);
    }
    const kept = fresh.length > req.count - lines.length ? fresh.slice(fresh.length - (req.count - lines.length)) : fresh;
    lines = kept.length ? (lines.length ? kept.concat(lines) : kept) : lines;
    if (lines.length >= req.count) return page(true);
    until = since - 1n;
    windows.completed(since, span, read.bytes, lines.length ? left / 4 : probeBytes / 2);
  }
  return page(until >= floor);
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;
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
