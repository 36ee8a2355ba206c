import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceMapGenerator } from 'source-map-js';
import { afterAll, describe, expect, it } from 'vitest';
import { rendererOwners, selfTimeBy, serverOwners, sourceFileOwners, type CallFrame, type CpuProfile } from '../../bench/profileOwners.js';

/*
 * The idle bench says whose code the Overview's and the server's CPU went to (idleProfile.ts). The
 * note's claims rest on that split, so it is checked here against a profile whose answer is known.
 */
const dir = mkdtempSync(join(tmpdir(), 'sb-profile-owners-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const native = (functionName: string): CallFrame => ({ functionName, url: '', lineNumber: -1, columnNumber: -1 });

/** A one-second profile: each frame sampled `ms` times at 1 ms apart. */
function profileOf(frames: [CallFrame, number][], stackUnder?: CallFrame): CpuProfile {
  const nodes: CpuProfile['nodes'] = [{ id: 1, callFrame: native('(root)'), children: [] }];
  const samples: number[] = [];
  let parent = 1;
  if (stackUnder) {
    nodes.push({ id: 2, callFrame: stackUnder, children: [] });
    nodes[0]!.children!.push(2);
    parent = 2;
  }
  frames.forEach(([callFrame, ms]) => {
    const id = nodes.length + 1;
    nodes.push({ id, callFrame });
    nodes.find((n) => n.id === parent)!.children!.push(id);
    for (let i = 0; i < ms; i++) samples.push(id);
  });
  return { nodes, samples, timeDeltas: samples.map(() => 1000), startTime: 0, endTime: 1e6 };
}

describe('profile owners (the idle bench\'s "where the time goes")', () => {
  it('maps minified renderer frames to React, a library or our folder through the hidden source map', () => {
    const assets = join(dir, 'assets');
    const map = new SourceMapGenerator({ file: 'index-abc.js' });
    const at = (column: number, source: string) => map.addMapping({ generated: { line: 1, column }, original: { line: 1, column: 0 }, source });
    at(0, '../../node_modules/react-dom/cjs/react-dom-client.production.js');
    at(100, '../../node_modules/@tanstack/query-core/build/modern/utils.js');
    at(200, '../../renderer/components/charts/columnPath.ts');
    at(300, '../../renderer/main.tsx');
    mkdirSync(assets);
    writeFileSync(join(assets, 'index-abc.js.map'), map.toString());
    const owner = rendererOwners(assets);
    const frame = (columnNumber: number, url = 'http://127.0.0.1:4000/assets/index-abc.js'): CallFrame => ({ functionName: 'x', url, lineNumber: 0, columnNumber });
    expect(owner(frame(10))).toBe('React (react, react-dom, scheduler)');
    expect(owner(frame(120))).toBe('library @tanstack/query-core');
    expect(owner(frame(250))).toBe('ours: renderer/components/charts');
    expect(owner(frame(300))).toBe('ours: renderer');
    expect(owner(frame(5, 'about:blank'))).toBe('page script');
    expect(owner({ functionName: 'wrap', url: '', lineNumber: 3, columnNumber: 9 })).toBe('page script (inline)');
    expect(owner(native('(program)'))).toBe('native work outside JavaScript');
    expect(owner(native('setAttribute'))).toBe('built-ins called from JavaScript');
    expect(owner(native('(idle)'))).toBeUndefined();
  });

  it('maps server frames by the module comment esbuild opens each module with', () => {
    const bundle = join(dir, 'serve.mjs');
    writeFileSync(bundle, ['#!/usr/bin/env node', 'const a = 1;', '// node_modules/yaml/dist/index.js', 'x();', '// electron/probes/http/probeConnections.ts', 'function onData() {}', 'y();', '// electron/history/flushSchedule.ts', 'z();'].join('\n'));
    const owner = serverOwners(bundle);
    const at = (lineNumber: number, url = `file://${bundle}`): CallFrame => ({ functionName: 'f', url, lineNumber, columnNumber: 0 });
    expect(owner(at(1))).toBe('ours: (bundle preamble)');
    expect(owner(at(3))).toBe('library yaml');
    expect(owner(at(5))).toBe('ours: electron/probes/http');
    expect(owner(at(6))).toBe('ours: electron/probes/http');
    expect(owner(at(8))).toBe('ours: electron/history');
    expect(owner(at(0, 'node:internal/streams/writable'))).toBe('Node.js internals');
    expect(owner(at(0, 'file:///work/main/node_modules/ws/lib/sender.js'))).toBe('library ws');
  });

  it('maps frames of sources run as they are (a bench through tsx) by folder, and the bench apart', () => {
    const at = (url: string): CallFrame => ({ functionName: 'f', url, lineNumber: 3, columnNumber: 0 });
    expect(sourceFileOwners(at('file:///work/main/electron/probes/http/probeConnections.ts'))).toBe('ours: electron/probes/http');
    expect(sourceFileOwners(at('file:///work/main/test/bench/probes.bench.ts'))).toBe('the bench itself');
    expect(sourceFileOwners(at('file:///work/main/node_modules/hdr-histogram-js/dist/index.js'))).toBe('library hdr-histogram-js');
    expect(sourceFileOwners(at('node:internal/timers'))).toBe('Node.js internals');
    expect(sourceFileOwners(native('(garbage collector)'))).toBe('garbage collection');
  });

  it('sums self time in ms a second by owner, leaving out idle and whatever runs under a left-out frame', () => {
    const ours = { functionName: 'onData', url: 'file:///b.mjs', lineNumber: 5, columnNumber: 0 };
    const profile = profileOf([
      [native('(idle)'), 900],
      [native('(program)'), 40],
      [ours, 30],
      [native('(garbage collector)'), 10],
    ]);
    const byName = selfTimeBy(profile, (f) => (f.functionName === '(idle)' ? undefined : f.functionName));
    // The last sample has no delta after it: 9 ms of GC counted, not 10.
    expect(Object.fromEntries(byName)).toEqual({ '(program)': 40, onData: 30, '(garbage collector)': 9 });
    const profiler = { functionName: 'post', url: 'file:///tmp/switchboard-cpuprof-1/profiler.mjs', lineNumber: 9, columnNumber: 0 };
    const underProfiler = profileOf([[native('dispatch'), 50]], profiler);
    expect(selfTimeBy(underProfiler, (f) => f.functionName, (f) => f.url.includes('/switchboard-cpuprof-')).size).toBe(0);
    expect(selfTimeBy(underProfiler, (f) => f.functionName).get('dispatch')).toBe(49);
  });
});
