import { describe, expect, it } from 'vitest';
import { DisposableStore, toAsyncDisposable, toDisposable } from '../../../electron/base/disposable.js';

/** An async item that records when its close starts and ends, and takes `ms` to close. */
function slowItem(events: string[], name: string, ms: number) {
  return toAsyncDisposable(async () => {
    events.push(`${name} start`);
    await new Promise((r) => setTimeout(r, ms));
    events.push(`${name} end`);
  });
}

describe('DisposableStore with async items', () => {
  it('disposeAsync closes newest first and waits for each async item before the next', async () => {
    const events: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => events.push('first')));
    store.add(slowItem(events, 'servers', 30));
    store.add(toDisposable(() => events.push('listener')));
    await store.disposeAsync();
    expect(events).toEqual(['listener', 'servers start', 'servers end', 'first']);
  });

  it('dispose() only starts the async items, and a later disposeAsync() resolves when they have ended', async () => {
    const events: string[] = [];
    const store = new DisposableStore();
    store.add(slowItem(events, 'a', 30));
    store.add(slowItem(events, 'b', 10));
    store.add(toDisposable(() => events.push('sync')));
    store.dispose();
    expect(events).toEqual(['sync', 'b start', 'a start']);
    await store.disposeAsync();
    expect(events.slice(3).sort()).toEqual(['a end', 'b end']);
  });

  it('nests: a capability’s store inside the app’s is awaited whole, and one failing close does not keep the others open', async () => {
    const events: string[] = [];
    const app = new DisposableStore();
    app.add(toDisposable(() => events.push('hub')));
    const capability = app.add(new DisposableStore());
    capability.add(slowItem(events, 'servers', 10));
    capability.add(
      toAsyncDisposable(async () => {
        throw new Error('boom');
      }),
    );
    await app.disposeAsync();
    expect(events).toEqual(['servers start', 'servers end', 'hub']);
    expect(capability.isDisposed).toBe(true);
  });

  it('an async item added after disposal is started at once, and each item closes once however often it is asked', async () => {
    const events: string[] = [];
    const store = new DisposableStore();
    await store.disposeAsync();
    const late = store.add(slowItem(events, 'late', 5));
    late.dispose();
    await late.disposeAsync();
    expect(events).toEqual(['late start', 'late end']);
  });
});
