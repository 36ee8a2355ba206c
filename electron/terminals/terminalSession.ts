import { Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import type { TerminalInfo, TerminalOutput, TerminalScrollback } from '../../shared/contract/terminals.js';
import { SwitchboardError } from '../../shared/errors.js';
import { unseenLinesLength } from '../../shared/unseenLines.js';
import { Emitter } from '../base/emitter.js';
import { toDisposable, type Disposable } from '../base/disposable.js';
import { OutputFlow, defaultFlowLimits, type FlowLimits } from './outputFlow.js';
import { Scrollback } from './scrollback.js';
import { endSessionScript, takeMarker, type Marker } from './shellScripts.js';
import type { ContainerRef, ExecProcess, TerminalDocker } from './terminalDocker.js';

export interface SessionLimits {
  /** Characters of output kept for a screen that attaches later. */
  scrollbackChars: number;
  flow: FlowLimits;
  /** Keystrokes the process has not read yet; past this, input is refused rather than buffered. */
  maxPendingInputBytes: number;
}

export const defaultSessionLimits: SessionLimits = { scrollbackChars: 1_000_000, flow: defaultFlowLimits, maxPendingInputBytes: 1024 * 1024 };

/** The largest output item sent to a screen in one piece. */
const maxItemChars = 256 * 1024;
/**
 * While output streams, at most one item per frame: a screen draws no faster, and fewer, bigger
 * pieces cost the renderer less. Output after a quiet spell (a keystroke's echo) goes on the next turn.
 */
const paceMs = 16;
/**
 * After an item that left a flood's unseen lines out, the next waits this long: each such item costs a
 * screen its whole scrollback's worth of lines, and the next would push them all out again unseen.
 */
const floodEveryMs = 100;

interface Viewer {
  deliver(item: TerminalOutput): void;
  /** Lines it keeps (scrollback and rows), when it said. */
  keepLines: number | undefined;
}

/**
 * One terminal: a TTY exec in a container, its kept scrollback, and the
 * screens attached to it. It lives in main, so a screen can leave and come
 * back; `end()` ends the process and everything it started. Output goes to
 * the screens at once when one is idle (a keystroke's echo) and, while all
 * are still drawing, waits and goes as one item without the lines they would
 * never see.
 */
export class TerminalSession {
  /** Its info changed: started, picked a shell, resized, renamed, exited. */
  readonly changed = new Emitter<void>();
  private readonly decoder = new StringDecoder('utf8');
  private readonly scrollback: Scrollback;
  private readonly flow: OutputFlow;
  private readonly viewers = new Map<string, Viewer>();
  /** Output before the marker is known to be there or not. */
  private head: string | undefined = '';
  private marker: Marker | undefined;
  /** Output not sent yet: the tail of the output, scrollback.end on. */
  private pending = '';
  /** Characters left out of `pending` since the last item (they are in the scrollback). */
  private skipped = 0;
  /** Keys typed before the exec said who it is: held, or the TTY would echo them ahead of the marker and hide it. */
  private typedAhead: string[] = [];
  private flushScheduled = false;
  private lastFlushAt = -Infinity;
  /** No item before this time: a flood is being sent a few times a second. */
  private floodHoldUntil = 0;
  private ending: Promise<void> | undefined;

  constructor(
    readonly info: TerminalInfo,
    private readonly process: ExecProcess,
    private readonly target: ContainerRef,
    private readonly docker: Pick<TerminalDocker, 'execRun'>,
    private readonly limits: SessionLimits = defaultSessionLimits,
    /** The exec said what it runs (the shell it found): the owner renames and updates the info. */
    private readonly onPicked: (program: string) => void = () => {},
  ) {
    this.scrollback = new Scrollback(limits.scrollbackChars);
    this.flow = new OutputFlow(limits.flow, (paused) => (paused ? process.stream.pause() : process.stream.resume()));
    // A keystroke is a few bytes: on an engine over TCP, Nagle's algorithm would hold it for the last one's ACK.
    if (process.stream instanceof Socket) process.stream.setNoDelay(true);
    process.stream.on('data', (chunk: Buffer) => this.received(this.decoder.write(chunk)));
    process.stream.once('end', () => void this.exited());
    process.stream.once('close', () => void this.exited());
    process.stream.on('error', () => void this.exited());
  }

  get running(): boolean {
    return this.info.state === 'running';
  }

  /** The process id inside the container, once it said (undefined for a program that printed no marker). */
  get pid(): number | undefined {
    return this.marker?.pid;
  }

  get paused(): boolean {
    return this.flow.isPaused;
  }

  /**
   * A screen attaches: it gets the kept scrollback now and every later piece
   * through `deliver`, in order. Detach by disposing.
   */
  attach(viewer: string, deliver: (item: TerminalOutput) => void, keepLines?: number): { scrollback: TerminalScrollback; detach: Disposable } {
    const kept = this.scrollback.read();
    const entry = { deliver, keepLines };
    this.viewers.set(viewer, entry);
    this.flow.attach(viewer, this.scrollback.end);
    const scrollback = { id: this.info.id, offset: kept.offset, data: kept.data, trimmed: kept.offset };
    return {
      scrollback,
      detach: toDisposable(() => {
        if (this.viewers.get(viewer) !== entry) return;
        this.viewers.delete(viewer);
        this.flow.detach(viewer);
        this.sendHeld();
      }),
    };
  }

  ack(viewer: string, position: number): void {
    this.flow.ack(viewer, position);
    this.sendHeld();
  }

  input(data: string): number {
    if (!this.running) throw new SwitchboardError('conflict', `terminal "${this.info.name}" has ended: its process exited`);
    const ahead = this.typedAhead.reduce((n, d) => n + d.length, 0);
    if (this.process.stream.writableLength + ahead > this.limits.maxPendingInputBytes) {
      throw new SwitchboardError('conflict', `terminal "${this.info.name}" is not reading its input (over ${this.limits.maxPendingInputBytes / 1024} KB waiting): wait, or press Ctrl-C`);
    }
    if (this.head !== undefined) this.typedAhead.push(data);
    else this.process.stream.write(data);
    return data.length;
  }

  async resize(cols: number, rows: number): Promise<void> {
    if (!this.running) return;
    await this.process.resize(cols, rows);
    this.info.cols = cols;
    this.info.rows = rows;
    this.changed.emit();
  }

  rename(name: string): void {
    this.info.name = name;
    this.changed.emit();
  }

  /** Ends the process and every process of its session inside the container; safe to call twice. */
  end(): Promise<void> {
    this.ending ??= (async () => {
      const pid = this.marker?.pid;
      try {
        if (pid !== undefined) await this.docker.execRun(this.target, { cmd: ['/bin/sh', '-c', endSessionScript, 'switchboard', String(pid)], tty: false }, 15_000);
      } finally {
        this.process.stream.destroy();
        this.viewers.clear();
        this.changed.dispose();
      }
    })();
    return this.ending;
  }

  private received(text: string): void {
    if (this.head !== undefined) {
      const taken = takeMarker(this.head + text);
      if (!taken) {
        this.head += text;
        return;
      }
      this.head = undefined;
      text = taken.rest;
      if (taken.marker) this.picked(taken.marker);
      for (const data of this.typedAhead.splice(0)) this.process.stream.write(data);
    }
    if (text === '') return;
    this.pending += text;
    this.scheduleFlush();
  }

  /** Output held while every screen drew goes out once one is done. */
  private sendHeld(): void {
    if (this.pending !== '' && !this.flow.allDrawing) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const wait = Math.max(this.lastFlushAt + paceMs, this.floodHoldUntil) - performance.now();
    if (wait > 0) setTimeout(() => this.flush(), wait);
    // After a quiet spell (a keystroke's echo) at once; what comes later in this frame waits for the pace.
    else this.flush();
  }

  private picked(marker: Marker): void {
    this.marker = marker;
    if (marker.program) this.onPicked(marker.program);
    this.changed.emit();
  }

  private flush(): void {
    if (!this.flushScheduled) return;
    this.flushScheduled = false;
    this.lastFlushAt = performance.now();
    if (this.pending === '') return;
    this.leaveOutUnseen();
    // While every screen is still drawing, the next item waits for one to be done: all that came meanwhile, as one.
    if (this.flow.allDrawing) return this.flow.hold(this.pending.length);
    const text = this.pending;
    let skipped = this.skipped;
    this.pending = '';
    this.skipped = 0;
    this.flow.hold(0);
    if (skipped) this.floodHoldUntil = this.lastFlushAt + floodEveryMs;
    for (let at = 0; at < text.length; at += maxItemChars) {
      const data = text.slice(at, at + maxItemChars);
      const item: TerminalOutput = { offset: this.scrollback.end, data, ...(skipped ? { skipped } : {}) };
      skipped = 0;
      this.scrollback.add(data);
      for (const viewer of this.viewers.values()) viewer.deliver(item);
      this.flow.sent(this.scrollback.end);
    }
  }

  /**
   * Plain text that would scroll past every screen's kept lines before they drew it is not sent (the screen
   * would leave it out of its write anyway); it stays in the scrollback.
   */
  private leaveOutUnseen(): void {
    const keepLines = this.keptLines();
    const unseen = keepLines === undefined ? 0 : unseenLinesLength(this.pending, keepLines);
    if (unseen === 0) return;
    this.scrollback.add(this.pending.slice(0, unseen));
    this.pending = this.pending.slice(unseen);
    this.skipped += unseen;
  }

  /** The most lines any screen keeps, with a screenful to spare for a resize since it said; none unless every one said. */
  private keptLines(): number | undefined {
    if (this.viewers.size === 0) return undefined;
    let most = 0;
    for (const { keepLines } of this.viewers.values()) {
      if (keepLines === undefined) return undefined;
      most = Math.max(most, keepLines);
    }
    return most + this.info.rows;
  }

  private async exited(): Promise<void> {
    if (this.info.state === 'exited') return;
    // Whatever arrived last (and an unfinished marker) still belongs on the screen.
    const rest = (this.head ?? '') + this.decoder.end();
    this.head = undefined;
    if (rest) this.received(rest);
    if (this.flushScheduled) this.flush();
    this.info.state = 'exited';
    this.info.endedAt = Date.now();
    this.changed.emit();
    if (this.ending) return;
    // The engine may record the exit code a moment after the stream ends.
    let code: number | undefined;
    for (let tries = 0; code === undefined && tries < 5 && !this.ending; tries++) {
      code = await this.process.exitCode();
      if (code === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (code !== undefined) {
      this.info.exitCode = code;
      this.changed.emit();
    }
  }
}
