/**
 * One timer for every clock on the page ("for 4 s", "up 3 min"): each reader
 * asks to be woken at a moment, rounded up to the next whole wall-clock second,
 * so readers due in the same second wake together — one timer and one React
 * commit a second for twenty rows instead of twenty of each, each at its own phase.
 */
type Wake = () => void;

const due = new Map<Wake, number>();
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;
// Timers fire no earlier than asked; a little later makes sure the new text is already due.
const lateMs = 10;

/** The whole second at or after `at`, plus the margin: where wake-ups are grouped. */
export function wakeMoment(at: number): number {
  return Math.ceil(at / 1000) * 1000 + lateMs;
}

/** Wakes `wake` once at (or just after) `at`; a second call replaces the first. Returns the cancel. */
export function wakeAt(at: number, wake: Wake): () => void {
  due.set(wake, wakeMoment(at));
  arm();
  return () => {
    due.delete(wake);
    // The timer stays armed: when it fires with nobody due it re-arms for the next, or for nothing.
  };
}

function arm(): void {
  let next = Infinity;
  for (const at of due.values()) if (at < next) next = at;
  if (next === timerAt) return;
  if (timer) clearTimeout(timer);
  timer = undefined;
  timerAt = next;
  if (next === Infinity) return;
  timer = setTimeout(fire, Math.max(0, next - Date.now()));
}

function fire(): void {
  timer = undefined;
  timerAt = Infinity;
  const now = Date.now();
  const woken: Wake[] = [];
  for (const [wake, at] of due) if (at <= now) woken.push(wake);
  for (const wake of woken) due.delete(wake);
  // In one task: React renders every woken reader in one commit.
  for (const wake of woken) wake();
  arm();
}
