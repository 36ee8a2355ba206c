import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StderrLines } from '../../../electron/mcp/stderrLines.js';

function capture() {
  const stream = new PassThrough();
  const batches: string[][] = [];
  const lines = new StderrLines(stream, (batch) => batches.push(batch), 3);
  return { stream, batches, lines, all: () => batches.flat() };
}

describe('stderr lines of a server', () => {
  it('joins lines split across chunks, drops carriage returns and blank lines, one batch per chunk', () => {
    const { stream, batches, all, lines } = capture();
    stream.write('first\r\nsec');
    stream.write('ond\n\n   \nthird\nfou');
    expect(batches).toEqual([['first'], ['second', 'third']]);
    lines.dispose();
    expect(all()).toEqual(['first', 'second', 'third', 'fou']);
  });

  it('hands over the read itself as the joined block only when no line was trimmed, cut or left out', () => {
    const stream = new PassThrough();
    const blocks: (string | undefined)[] = [];
    const lines = new StderrLines(stream, (batch, block) => {
      blocks.push(block);
      if (block !== undefined) expect(block).toBe(batch.join('\n'));
    });
    stream.write('one\ntwo\n');
    stream.write('three\r\nfour\n');
    stream.write('five\n\nsix\n');
    lines.dispose();
    expect(blocks).toEqual(['one\ntwo', undefined, undefined]);
  });

  it('keeps a character split across chunks whole', () => {
    const { stream, all, lines } = capture();
    const bytes = Buffer.from('naïve → ok\n');
    stream.write(bytes.subarray(0, 3));
    stream.write(bytes.subarray(3));
    lines.dispose();
    expect(all()).toEqual(['naïve → ok']);
  });

  it('cuts a runaway line, with or without a newline in sight', () => {
    const { stream, all, lines } = capture();
    stream.write('y'.repeat(20_000) + '\n');
    stream.write('z'.repeat(9_000));
    lines.dispose();
    const cut = 'y'.repeat(8192) + '… (cut at 8192 characters)';
    expect(all()).toEqual([cut, 'z'.repeat(8192) + '… (cut at 8192 characters)']);
  });

  it('keeps only the last lines as the tail', () => {
    const { stream, lines } = capture();
    stream.write('a\nb\n');
    stream.write('c\nd\n');
    expect(lines.tail()).toEqual(['b', 'c', 'd']);
    stream.write('e\nf\ng\nh\n');
    expect(lines.tail()).toEqual(['f', 'g', 'h']);
  });
});
