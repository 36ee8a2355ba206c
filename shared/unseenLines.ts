/**
 * A flood of plain text (`yes`, `seq 1e7`, a big log file) gives a terminal a
 * line feed every few bytes, and xterm spends microseconds on each: drawing
 * 50 MB of `yes` line by line would take minutes. Whatever scrolls past the
 * scrollback's end before a frame is drawn can never be seen or scrolled back
 * to, so it may be left out — but only plain text, where leaving it out changes
 * nothing else: no escape sequence or control character (colours, cursor
 * moves, modes, character sets) may be in what is skipped. Main leaves it out
 * before sending to a screen that is still drawing; the screen, before writing.
 */

/** Anything but tab, LF, CR, printable ASCII and characters from U+00A0 on (C1 controls are escapes too). */
const notPlain = /[^\t\n\r\x20-\x7e\u00a0-\uffff]/;

/**
 * How many leading characters of `data` a terminal keeping `linesKept` lines
 * (its scrollback and its rows) would scroll past unseen: plain text ending
 * just before a CR LF, so `data.slice(n)` starts with that CR LF and holds one
 * line more than kept (the first kept line may start mid-row and wrap where it
 * would not have). 0 when nothing may be left out.
 */
export function unseenLinesLength(data: string, linesKept: number): number {
  let cut = data.length;
  for (let lines = 0; lines <= linesKept + 1; lines++) {
    cut = data.lastIndexOf('\n', cut - 1);
    if (cut <= 0) return 0;
  }
  if (data[cut - 1] !== '\r' || notPlain.test(data.slice(0, cut + 1))) return 0;
  return cut - 1;
}
