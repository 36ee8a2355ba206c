// The sh scripts a terminal's exec runs. Nothing an operator typed is spliced into them:
// programs and arguments come after the script as "$@", so quoting cannot go wrong.

/** A private OSC sequence the exec prints first: its process id (its session's id) and what it runs; stripped from the output. */
export const markerPrefix = '\x1b]7701;';
export const markerEnd = '\x07';

const printMarker = (what: string) => `printf '\\033]7701;%s;%s\\007' "$$" ${what}`;

/** Tries each shell named in "$@" in order, e.g. bash then sh; sh when none of them is there. */
export const firstShellScript = [
  'for s in "$@"; do if command -v "$s" >/dev/null 2>&1; then',
  `${printMarker('"$s"')}; exec "$s"; fi; done;`,
  `${printMarker('sh')}; exec sh`,
].join(' ');

/** A service's client after its credentials prelude (both fixed text of ours), e.g. psql with PGPASSWORD. */
export function serviceScript(prelude: string, name: string, client: string): string {
  return `${prelude} ${printMarker(`'${name}'`)}; exec ${client}`;
}

/** Runs "$@" after `prelude` (a service shell's credentials, exported from the container's own env). */
export function programScript(prelude = ''): string {
  return `${prelude}${prelude ? ' ' : ''}${printMarker('"$1"')}; exec "$@"`;
}

/**
 * Ends every process of a terminal's session (its session id is the exec's
 * process id: Docker makes a TTY exec a session leader), zombies aside:
 * SIGHUP first, as a closed terminal would, then TERM, then KILL, a second
 * apart at most. Closing Docker's stream alone would leave them running.
 */
export const endSessionScript = [
  'sid=$1',
  'each() { n=0; for f in /proc/[0-9]*/stat; do read -r l < "$f" 2>/dev/null || continue; set -- ${l##*") "};',
  '[ "$4" = "$sid" ] && [ "$1" != Z ] || continue; p=${f#/proc/}; kill -$sig "${p%/stat}" 2>/dev/null && n=$((n+1)); done; [ $n -gt 0 ]; }',
  'for s in HUP TERM KILL; do sig=$s; each || exit 0;',
  'for t in 1 2 3 4 5 6 7 8 9 10; do sleep 0.1 2>/dev/null || sleep 1; sig=0; each || exit 0; done; done',
  'exit 1',
].join('\n');

/** What the marker said: the process (and session) id inside the container, and what it runs. */
export interface Marker {
  pid: number;
  program: string;
}

/**
 * Takes the marker off the front of a session's first output. Returns
 * `undefined` while more output is needed to tell; otherwise the marker (when
 * there was one) and the output that follows it.
 */
export function takeMarker(head: string): { marker?: Marker; rest: string } | undefined {
  if (!head.startsWith(markerPrefix)) {
    // Could still be the start of one: wait for more.
    if (markerPrefix.startsWith(head)) return undefined;
    return { rest: head };
  }
  const end = head.indexOf(markerEnd);
  if (end < 0) return head.length > 512 ? { rest: head } : undefined;
  const [pid = '', program = ''] = head.slice(markerPrefix.length, end).split(';');
  const rest = head.slice(end + markerEnd.length);
  return /^\d+$/.test(pid) ? { marker: { pid: Number(pid), program }, rest } : { rest: head };
}
