/**
 * How a wall-clock moment reads, on every screen: 24-hour ("15:11:20"), as logs,
 * terminals and most operations tools write it, in the viewer's time zone and
 * language. One module, so the moment an MCP server failed reads the same on the
 * Timeline, on a chart's axis and in a container's health log.
 *
 * The formatters are built once: Intl.DateTimeFormat (and toLocaleTimeString with
 * options, which makes one per call) costs more than the rest of a Timeline row.
 * `hourCycle: 'h23'`, not `hour12: false`, which some engines read as h24 ("24:05").
 */
const make = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(undefined, { hourCycle: 'h23', ...options });

const hms = make({ hour: '2-digit', minute: '2-digit', second: '2-digit' });
const hm = make({ hour: '2-digit', minute: '2-digit' });
const weekdayHm = make({ weekday: 'short', hour: '2-digit', minute: '2-digit' });
const dateHm = make({ month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateHms = make({ month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const fullHms = make({ year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayMs = 86_400_000;

/** "15:11:20" */
export const clockTime = (ts: number): string => hms.format(ts);

/**
 * "15:11:20.123": a log line's time, the same form as clockTime with milliseconds.
 * Written out by hand, as the log viewer had it: it runs for every row that scrolls
 * into view, and needs no locale (digits and colons only).
 */
export function clockTimeMs(ts: number): string {
  const d = new Date(ts);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** "15:11" */
export const clockMinutes = (ts: number): string => hm.format(ts);

/** "Tue 15:11" */
export const weekdayClock = (ts: number): string => weekdayHm.format(ts);

/** "Dec 1, 15:11" */
export const dateClock = (ts: number): string => dateHm.format(ts);

/** "Dec 1, 15:11:20" */
export const dateClockTime = (ts: number): string => dateHms.format(ts);

/** "Dec 1, 2026, 15:11:20": for moments that may be long past (a container's creation). */
export const fullDateTime = (ts: number): string => fullHms.format(ts);

/** "15:11:20" on `now`'s day (in the viewer's time zone), "Nov 30, 15:11" on any other. */
export function clockTimeOrDate(ts: number, now: number): string {
  const offset = new Date(now).getTimezoneOffset() * 60_000;
  const sameDay = Math.floor((ts - offset) / dayMs) === Math.floor((now - offset) / dayMs);
  return sameDay ? clockTime(ts) : dateClock(ts);
}
