/** Anything that holds a stream, timer, listener or child process returns one of these. */
export interface Disposable {
  dispose(): void;
}

export function toDisposable(fn: () => void): Disposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      fn();
    },
  };
}

/**
 * The one owner of a group of disposables (VS Code's DisposableStore): whoever
 * opens a stream adds it here, and disposing the store closes them all.
 */
export class DisposableStore implements Disposable {
  private readonly items = new Set<Disposable>();
  private disposed = false;

  add<T extends Disposable>(item: T): T {
    if (this.disposed) {
      item.dispose();
      return item;
    }
    this.items.add(item);
    return item;
  }

  /** Removes without disposing, for items that closed themselves. */
  delete(item: Disposable): void {
    this.items.delete(item);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const item of [...this.items].reverse()) {
      try {
        item.dispose();
      } catch {
        // one failing close must not keep the others open
      }
    }
    this.items.clear();
  }
}
