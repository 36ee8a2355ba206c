import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

/** A V8 CPU profile, as CDP's Profiler.stop and node:inspector return it. */
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based, as V8 reports them. */
  lineNumber: number;
  columnNumber: number;
}

/** Whose code a sampled frame is: a label, or undefined to leave the sample out (idle). */
export type OwnerOf = (frame: CallFrame) => string | undefined;

/**
 * Self time summed by owner, in µs over the whole profile. Self time only: V8 attributes an
 * inlined callee to its caller, so a small function may hide inside its caller's figure, but
 * nothing is counted twice. Samples with a frame `leaveOut` names anywhere on their stack are
 * not counted (the profiler's own stop, run in the process).
 */
export function selfMicrosBy(profile: CpuProfile, ownerOf: OwnerOf, leaveOut: (frame: CallFrame) => boolean = () => false): Map<string, number> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  const leftOut = new Map<number, boolean>();
  const isLeftOut = (id: number | undefined): boolean => {
    if (id === undefined) return false;
    let known = leftOut.get(id);
    if (known === undefined) leftOut.set(id, (known = leaveOut(nodes.get(id)!.callFrame) || isLeftOut(parents.get(id))));
    return known;
  };
  const owners = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const owner = isLeftOut(id) ? undefined : ownerOf(nodes.get(id)!.callFrame);
    // timeDeltas[i + 1] is how long the sampled frame ran until the next sample.
    if (owner !== undefined) owners.set(owner, (owners.get(owner) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  return owners;
}

/** selfMicrosBy in ms per second of the profile's window. */
export function selfTimeBy(profile: CpuProfile, ownerOf: OwnerOf, leaveOut?: (frame: CallFrame) => boolean): Map<string, number> {
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  return new Map([...selfMicrosBy(profile, ownerOf, leaveOut)].map(([owner, us]) => [owner, us / 1000 / seconds]));
}

/** A frame without a URL: V8's own entries (time outside any JavaScript function) in words an engineer reads, or an inline script. */
function ownerWithoutUrl(frame: CallFrame): string | undefined {
  // A script without a URL (an init script, a page's inline script) has real positions; V8's own entries have -1.
  if (frame.lineNumber >= 0) return 'page script (inline)';
  switch (frame.functionName) {
    case '(idle)':
    case '(root)':
      return undefined;
    case '(program)':
      return 'native work outside JavaScript';
    case '(garbage collector)':
      return 'garbage collection';
    default:
      return 'built-ins called from JavaScript';
  }
}

/** The package a node_modules path is in: `react-dom`, `@tanstack/query-core`. */
function packageOf(path: string): string | undefined {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return m?.[1];
}

const react = new Set(['react', 'react-dom', 'scheduler']);

/** Switchboard's own sources by folder (renderer/client, electron/probes); libraries by package; React as one. */
function sourceOwner(source: string): string {
  const pkg = packageOf(source);
  if (pkg) return react.has(pkg) ? 'React (react, react-dom, scheduler)' : `library ${pkg}`;
  if (/(?:^|\/)test\//.test(source)) return 'the bench itself';
  // The file's folder, at most three deep: renderer/components/charts, electron/probes/http.
  const path = /(?:^|\/)((?:renderer|electron|shared)\/.*)$/.exec(source)?.[1];
  return path ? `ours: ${path.split('/').slice(0, -1).slice(0, 3).join('/')}` : `ours: ${source.replace(/^(\.\.\/)+/, '')}`;
}

/**
 * Owners for a page of the built renderer: positions in the bundle are mapped back to their
 * sources through the hidden source map the bench builds (SWITCHBOARD_SOURCEMAPS=hidden),
 * so React, libraries and our folders are told apart in minified code. Frames from any
 * other script (the bench's reference pages) are "page script".
 */
export function rendererOwners(assetsDir: string): OwnerOf {
  const maps = new Map<string, SourceMapConsumer>();
  for (const file of readdirSync(assetsDir)) {
    if (!file.endsWith('.js.map')) continue;
    maps.set(file.slice(0, -'.map'.length), new SourceMapConsumer(JSON.parse(readFileSync(join(assetsDir, file), 'utf8')) as RawSourceMap));
  }
  if (maps.size === 0) throw new Error(`no source maps in ${assetsDir}: build with SWITCHBOARD_SOURCEMAPS=hidden`);
  return (frame) => {
    if (!frame.url) return ownerWithoutUrl(frame);
    const map = maps.get(frame.url.slice(frame.url.lastIndexOf('/') + 1));
    if (!map) return 'page script';
    const source = map.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber }).source;
    return source ? sourceOwner(source) : 'ours: (unmapped)';
  };
}

/**
 * Owners for the server bundle, from esbuild's `// electron/probes/httpProbe.ts` comments that
 * open each module in it; Node's own modules are "Node.js internals".
 */
export function serverOwners(bundlePath: string): OwnerOf {
  const starts: { line: number; source: string }[] = [];
  readFileSync(bundlePath, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const m = /^\/\/ (\S+\.(?:[cm]?[jt]sx?|json))$/.exec(text);
      if (m) starts.push({ line, source: m[1]! });
    });
  const bundleUrl = `file://${bundlePath}`;
  return (frame) => {
    if (!frame.url) return ownerWithoutUrl(frame);
    // Packages the bundle leaves out (ws, native ones) load from node_modules.
    if (frame.url !== bundleUrl) return unbundledOwner(frame);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]!.line <= frame.lineNumber) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo];
    return start && start.line <= frame.lineNumber ? sourceOwner(start.source) : 'ours: (bundle preamble)';
  };
}

/** A frame of Node's own modules, of a package loaded from node_modules, or of a source file run as it is (tsx). */
function unbundledOwner(frame: CallFrame): string {
  if (frame.url.startsWith('node:')) return 'Node.js internals';
  if (/\/(?:node_modules|electron|renderer|shared|test)\//.test(frame.url)) return sourceOwner(frame.url);
  return `other: ${frame.url.slice(frame.url.lastIndexOf('/') + 1)}`;
}

/** Owners for a process that runs our sources unbundled (a bench loading electron/ through tsx). */
export const sourceFileOwners: OwnerOf = (frame) => (frame.url ? unbundledOwner(frame) : ownerWithoutUrl(frame));
