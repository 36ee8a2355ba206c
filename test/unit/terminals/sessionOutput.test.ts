import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TerminalInfo, TerminalOutput } from '../../../shared/contract/terminals.js';
import { TerminalSession, defaultSessionLimits } from '../../../electron/terminals/terminalSession.js';
import { markerEnd, markerPrefix } from '../../../electron/terminals/shellScripts.js';

const info = (): TerminalInfo => ({
  id: 't1', name: 'box · sh', engine: 'local', containerId: 'c', container: 'box', command: 'sh', kind: 'shell',
  startedAt: 0, state: 'running', cols: 80, rows: 24, dockerCommand: 'docker exec -it box sh',
});

/** A session on a fake exec stream: `print` is the process writing to its terminal. */
function session() {
  const stream = new PassThrough();
  const s = new TerminalSession(info(), { stream, resize: async () => {}, exitCode: async () => undefined }, { id: 'c' }, { execRun: async () => ({ exitCode: 0, output: '' }) }, defaultSessionLimits);
  const print = (text: string) => stream.write(Buffer.from(text));
  print(`${markerPrefix}42;sh${markerEnd}`);
  return { s, print };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('a session sending output to its screens', () => {
  it('holds output while a screen draws the last item, then sends all of it as one, leaving out what that screen would not see', async () => {
    const { s, print } = session();
    const items: TerminalOutput[] = [];
    s.attach('v', (item) => items.push(item), 100);
    print('$ ');
    await settle();
    expect(items).toEqual([{ offset: 0, data: '$ ' }]);
    // The screen has not drawn '$ ' yet: a flood waits, and only its last lines are kept for it.
    const flood = 'y\r\n'.repeat(50_000);
    print(flood);
    await settle();
    expect(items.length).toBe(1);
    s.ack('v', 2);
    await settle();
    expect(items.length).toBe(2);
    const [, second] = items;
    expect(second!.offset + second!.data.length).toBe(2 + flood.length);
    expect(second!.skipped! + second!.data.length).toBe(flood.length);
    expect(second!.data.split('\n').length).toBeLessThan(200);
    expect(second!.data.startsWith('\r\n')).toBe(true);
    // A screen attaching now still gets every character in its scrollback.
    const later = s.attach('w', () => {}, 100).scrollback;
    expect(later.data.endsWith(flood)).toBe(true);
  });

  it('leaves nothing out for a screen that did not say how many lines it keeps', async () => {
    const { s, print } = session();
    const items: TerminalOutput[] = [];
    s.attach('v', (item) => items.push(item));
    s.attach('w', () => {}, 100);
    print('$ ');
    await settle();
    print('y\r\n'.repeat(50_000));
    await settle();
    s.ack('v', 2);
    s.ack('w', 2);
    await settle();
    expect(items.map((i) => i.data).join('')).toBe(`$ ${'y\r\n'.repeat(50_000)}`);
    expect(items.every((i) => i.skipped === undefined)).toBe(true);
  });

  it('does not hold an idle screen for one that stopped drawing (a background tab)', async () => {
    const { s, print } = session();
    const busy: TerminalOutput[] = [];
    const idle: TerminalOutput[] = [];
    s.attach('background', (item) => busy.push(item), 100);
    s.attach('foreground', (item) => (idle.push(item), s.ack('foreground', item.offset + item.data.length)), 100);
    print('$ ');
    await settle();
    print('x');
    await settle();
    expect(idle.map((i) => i.data).join('')).toBe('$ x');
    expect(busy.map((i) => i.data).join('')).toBe('$ x');
  });
});
