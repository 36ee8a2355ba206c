import { afterEach, describe, expect, it } from 'vitest';
import type { SwitchboardClient, TopicEvent } from '../../../shared/client/protocolClient.js';
import { TopicStore, type TopicReducer } from '../../../renderer/client/topicStore.js';
import { nextVisibleFrame } from '../../../renderer/client/frameGate.js';

/** A client whose topic events the test sends by hand. */
function handClient() {
  const listeners = new Map<string, (event: TopicEvent) => void>();
  const client = {
    call: () => Promise.reject(new Error('no calls here')),
    subscribe: (topic: string, _params: unknown, listener: (event: TopicEvent) => void) => {
      listeners.set(topic, listener);
      return () => listeners.delete(topic);
    },
  } as unknown as SwitchboardClient;
  return { client, send: (topic: string, event: TopicEvent) => listeners.get(topic)!(event) };
}

const replace: TopicReducer<unknown, unknown, unknown> = { init: (s) => s, append: (a) => a };
const list: TopicReducer<number[], number, number[]> = { init: (s) => s, append: (a, items) => [...a, ...items] };

/** A page with a visibility state and animation frames the test runs by hand. */
function fakePage() {
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  const frames: (() => void)[] = [];
  Object.assign(globalThis, { document: doc, requestAnimationFrame: (run: () => void) => frames.push(run) });
  return {
    frames,
    runFrames: () => frames.splice(0).forEach((run) => run()),
    setHidden(hidden: boolean) {
      doc.visibilityState = hidden ? 'hidden' : 'visible';
      doc.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

afterEach(() => {
  delete (globalThis as { document?: unknown }).document;
  delete (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame;
});

describe('the topic store tells readers once per frame, and not at all while the page is hidden', () => {
  it('however many messages arrive within a frame, across topics, each reader is told once, with the newest data', () => {
    const page = fakePage();
    const { client, send } = handClient();
    const store = new TopicStore(client, nextVisibleFrame);
    let told = 0;
    const probes = store.key('probes', {}, 'replace');
    const samples = store.key('probe.samples', {}, 'list');
    store.listen(probes, 'probes', {}, replace, () => told++);
    store.listen(samples, 'probe.samples', {}, list, () => told++);
    send('probes', { t: 'snapshot', value: { n: 1 } });
    send('probe.samples', { t: 'snapshot', value: [1] });
    send('probes', { t: 'state', value: { n: 2 } });
    send('probe.samples', { t: 'append', items: [2, 3], dropped: 0 });
    expect(told).toBe(0);
    expect(page.frames).toHaveLength(1);
    page.runFrames();
    expect(told).toBe(2);
    expect(store.read(probes).data).toEqual({ n: 2 });
    expect(store.read(samples).data).toEqual([1, 2, 3]);
  });

  it('hidden: data keeps arriving into the store but nobody is told; on show everyone is told at once', () => {
    const page = fakePage();
    const { client, send } = handClient();
    const store = new TopicStore(client, nextVisibleFrame);
    const key = store.key('probe.samples', {}, 'list');
    let told = 0;
    store.listen(key, 'probe.samples', {}, list, () => told++);
    send('probe.samples', { t: 'snapshot', value: [1] });
    page.runFrames();
    expect(told).toBe(1);

    page.setHidden(true);
    for (let i = 2; i <= 50; i++) send('probe.samples', { t: 'append', items: [i], dropped: 0 });
    page.runFrames(); // a host that still runs frames for hidden pages changes nothing
    expect(told).toBe(1);
    expect((store.read(key).data as number[]).length).toBe(50);

    page.setHidden(false);
    expect(told).toBe(2); // at once, in the show event, not a frame later
    expect((store.read(key).data as number[]).at(-1)).toBe(50);
  });

  it('a state equal to the one held tells nobody and keeps the identity of what did not change', () => {
    fakePage();
    const { client, send } = handClient();
    let frames = 0;
    const store = new TopicStore(client, (run) => (frames++, run()));
    const key = store.key('mcp', {}, 'replace');
    let told = 0;
    store.listen(key, 'mcp', {}, replace, () => told++);
    send('mcp', { t: 'snapshot', value: { servers: [{ name: 'a', status: 'ready' }, { name: 'b', status: 'ready' }] } });
    const first = store.read<{ servers: object[] }>(key).data!;
    send('mcp', { t: 'state', value: { servers: [{ name: 'a', status: 'ready' }, { name: 'b', status: 'ready' }] } });
    expect(told).toBe(1);
    expect(frames).toBe(1);
    send('mcp', { t: 'state', value: { servers: [{ name: 'a', status: 'ready' }, { name: 'b', status: 'exited' }] } });
    const next = store.read<{ servers: object[] }>(key).data!;
    expect(told).toBe(2);
    expect(next.servers[0]).toBe(first.servers[0]);
    expect(next.servers[1]).not.toBe(first.servers[1]);
  });
});
