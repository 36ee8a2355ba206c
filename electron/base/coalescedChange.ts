import type { Disposable } from './disposable.js';
import { Emitter } from './emitter.js';

/**
 * "Something changed", told once per turn of the event loop however many
 * changes that turn made: listeners read the whole state again, so one call
 * after the last change is all they need (a burst of engine events, a config
 * reload touching every engine, a session's open and first output).
 */
export class CoalescedChange {
  private readonly listeners = new Emitter<void>();
  private pending = false;
  private disposed = false;

  on(listener: () => void): Disposable {
    return this.listeners.on(listener);
  }

  /** Listeners hear of it after this turn, once, together with every other change made in it. */
  schedule(): void {
    if (this.pending || this.disposed) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      if (!this.disposed) this.listeners.emit();
    });
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.dispose();
  }
}
