import { describe, expect, it } from 'vitest';
import { withoutUnseenLines } from '../../../renderer/terminals/unseenOutput.js';

describe('output that would scroll past the scrollback unseen', () => {
  const lines = (n: number, text = 'line') => Array.from({ length: n }, (_, i) => `${text} ${i}\r\n`).join('');

  it('is left out of a plain-text flood: the kept lines, one more, and a CR for column 0', () => {
    const kept = withoutUnseenLines(lines(1_000), 10);
    expect(kept).toBe(`\r${Array.from({ length: 11 }, (_, i) => `line ${989 + i}\r\n`).join('')}`);
  });

  it('keeps the unfinished last line (a prompt) too', () => {
    expect(withoutUnseenLines(`${lines(100)}bash# `, 3)).toBe('\rline 96\r\nline 97\r\nline 98\r\nline 99\r\nbash# ');
  });

  it('keeps everything when there are not more lines than the terminal keeps', () => {
    const text = lines(11);
    expect(withoutUnseenLines(text, 10)).toBe(text);
  });

  it('keeps everything when the part it would skip has an escape sequence or a control character', () => {
    for (const odd of ['\x1b[31mred\x1b[0m', '\x1b[?1049h', '\x0e', '\x9b2J', 'a\bb']) {
      const text = `${lines(50)}${odd}\r\n${lines(500)}`;
      expect(withoutUnseenLines(text, 10), JSON.stringify(odd)).toBe(text);
    }
    // After the skipped part, anything goes: it is drawn.
    expect(withoutUnseenLines(`${lines(500)}\x1b[31mred\r\n`, 3)).toBe('\rline 497\r\nline 498\r\nline 499\r\n\x1b[31mred\r\n');
  });

  it('keeps everything when lines end in a bare LF: the next line would start where the last one ended', () => {
    const text = Array.from({ length: 100 }, (_, i) => `n ${i}\n`).join('');
    expect(withoutUnseenLines(text, 10)).toBe(text);
  });

  it('takes UTF-8 text and tabs as plain', () => {
    expect(withoutUnseenLines(lines(100, 'grüße\t✓ 😀'), 2)).toBe('\rgrüße\t✓ 😀 97\r\ngrüße\t✓ 😀 98\r\ngrüße\t✓ 😀 99\r\n');
  });
});
