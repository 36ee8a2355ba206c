/** Anything that holds a stream, timer, listener or child process returns one of these. */
export interface Disposable {
  dispose(): void;
}

/**
 * Something whose closing takes time (stopping MCP servers by the spec,
 * closing a server socket). `disposeAsync()` resolves once it is closed;
 * `dispose()` only starts the same work, for an owner that cannot wait.
 */
export interface AsyncDisposable extends Disposable {
  disposeAsync(): Promise<void>;
}

export function isAsyncDisposable(item: Disposable): item is AsyncDisposable {
  return typeof (item as Partial<AsyncDisposable>).disposeAsync === 'function';
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

/** An AsyncDisposable around `fn`, run once however often and however it is disposed. */
export function toAsyncDisposable(fn: () => Promise<void>): AsyncDisposable {
  let closing: Promise<void> | undefined;
  const disposeAsync = () => (closing ??= (async () => fn())());
  return {
    disposeAsync,
    dispose: () => void disposeAsync().catch(() => {}),
  };
}

/**
 * The one owner of a group of disposables (VS Code's DisposableStore): whoever
 * opens a stream adds it here, and disposing the store closes them all, the
 * newest first. Stores nest: a capability's store is an item of the app's.
 */
export class DisposableStore implements AsyncDisposable {
  private readonly items = new Set<Disposable>();
  private disposed = false;
  private closing: Promise<void> | undefined;

  add<T extends Disposable>(item: T): T {
    if (this.disposed) {
      // too late to own it: close it now (an async one is started)
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

  /** Closes everything now; async items are only started, all at once (their end is what disposeAsync() resolves with). */
  dispose(): void {
    if (this.disposed) return;
    const started: Promise<void>[] = [];
    for (const item of this.takeAll()) {
      try {
        if (isAsyncDisposable(item)) started.push(item.disposeAsync().catch(() => {}));
        else item.dispose();
      } catch {
        // one failing close must not keep the others open
      }
    }
    this.closing = Promise.all(started).then(() => {});
  }

  /** Closes newest first, waiting for each async item before the next: what was added later may depend on what came before. */
  disposeAsync(): Promise<void> {
    if (!this.disposed) this.closing = this.closeInOrder(this.takeAll());
    return this.closing ?? Promise.resolve();
  }

  private takeAll(): Disposable[] {
    this.disposed = true;
    const items = [...this.items].reverse();
    this.items.clear();
    return items;
  }

  private async closeInOrder(items: Disposable[]): Promise<void> {
    for (const item of items) {
      try {
        if (isAsyncDisposable(item)) await item.disposeAsync();
        else item.dispose();
      } catch {
        // one failing close must not keep the others open
      }
    }
  }
}
