/**
 * Flow control between one session's output and the screens attached to it.
 * Each viewer acknowledges what it has drawn; while any viewer has more than
 * `high` characters (or `maxItems` items) sent and not drawn, the exec stream
 * is paused (the process blocks on its next write, as in a real terminal
 * whose screen is busy) and resumes once every viewer is under `low`. So a
 * slow screen costs bounded memory and never loses a byte.
 */
export interface FlowLimits {
  high: number;
  low: number;
  maxItems: number;
}

/** 4 MB: a screen drawing a flood a few times a second (terminalFeed) must not stall 20 MB/s between its writes. */
export const defaultFlowLimits: FlowLimits = { high: 4 * 1024 * 1024, low: 1024 * 1024, maxItems: 2_000 };

interface Viewer {
  acked: number;
  /** End positions of items sent and not yet acknowledged, oldest first. */
  inFlight: number[];
}

export class OutputFlow {
  private readonly viewers = new Map<string, Viewer>();
  private paused = false;
  /** The newest output position seen. */
  private lastEnd = 0;
  /** Output held back, not sent yet (while a viewer draws): behind for every viewer too. */
  private held = 0;

  constructor(
    private readonly limits: FlowLimits,
    /** Called with true to pause the stream, false to resume it. */
    private readonly setPaused: (paused: boolean) => void,
  ) {}

  get isPaused(): boolean {
    return this.paused;
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  /**
   * Every viewer has been sent output it has not drawn yet. Not "any": a screen in a background tab, whose
   * timers the browser slows to once a second or less, must not hold the echo of keys typed in another.
   */
  get allDrawing(): boolean {
    if (this.viewers.size === 0) return false;
    for (const v of this.viewers.values()) if (v.acked >= this.lastEnd) return false;
    return true;
  }

  /** `chars` of output are held back, unsent (0 once they went out). */
  hold(chars: number): void {
    this.held = chars;
    this.update();
  }

  /** A viewer attached with everything up to `position` already in its snapshot. */
  attach(viewer: string, position: number): void {
    this.viewers.set(viewer, { acked: position, inFlight: [] });
    this.update(position);
  }

  detach(viewer: string): void {
    this.viewers.delete(viewer);
    this.update();
  }

  /** An item ending at `end` went to every attached viewer. */
  sent(end: number): void {
    for (const v of this.viewers.values()) v.inFlight.push(end);
    this.update(end);
  }

  /** `viewer` has drawn everything before `position`. */
  ack(viewer: string, position: number): void {
    const v = this.viewers.get(viewer);
    if (!v) return;
    v.acked = Math.max(v.acked, position);
    let drawn = 0;
    while (drawn < v.inFlight.length && v.inFlight[drawn]! <= v.acked) drawn++;
    if (drawn) v.inFlight.splice(0, drawn);
    this.update();
  }

  /** How far behind the slowest viewer is: characters and items sent, not drawn. */
  private behind(end: number): { chars: number; items: number } {
    let chars = 0;
    let items = 0;
    for (const v of this.viewers.values()) {
      chars = Math.max(chars, end - v.acked + this.held);
      items = Math.max(items, v.inFlight.length);
    }
    return { chars, items };
  }

  /** The output's end moved (or a viewer did): pause or resume accordingly. */
  private update(end = this.lastEnd): void {
    this.lastEnd = Math.max(this.lastEnd, end);
    const { chars, items } = this.behind(this.lastEnd);
    if (!this.paused && (chars > this.limits.high || items > this.limits.maxItems)) {
      this.paused = true;
      this.setPaused(true);
    } else if (this.paused && chars <= this.limits.low && items <= this.limits.maxItems / 2) {
      this.paused = false;
      this.setPaused(false);
    }
  }
}
