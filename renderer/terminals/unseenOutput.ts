/**
 * A flood of plain text (`yes`, `seq 1e7`, a big log file) gives xterm a
 * line feed every few bytes, and xterm spends microseconds on each: drawing
 * 50 MB of `yes` line by line would take minutes. Whatever scrolls past the
 * scrollback's end before a frame is drawn can never be seen or scrolled back
 * to, so it is left out — but only plain text, where leaving it out changes
 * nothing else: no escape sequence or control character (colours, cursor
 * moves, modes, character sets) may be in what is skipped.
 */

/** Anything but tab, LF, CR, printable ASCII and characters from U+00A0 on (C1 controls are escapes too). */
const notPlain = /[^\t\n\r\x20-\x7e\u00a0-\uffff]/;

/**
 * `data` without the part that would scroll out of a terminal keeping
 * `linesKept` lines (its scrollback and its rows) before it could be drawn,
 * when that part is plain text ending in CR LF (so the next line starts at
 * column 0 either way). Otherwise `data` as it is.
 */
export function withoutUnseenLines(data: string, linesKept: number): string {
  let cut = data.length;
  // One line more than kept: the first kept line may start mid-row here and wrap where it would not have.
  for (let lines = 0; lines <= linesKept + 1; lines++) {
    cut = data.lastIndexOf('\n', cut - 1);
    if (cut <= 0) return data;
  }
  if (data[cut - 1] !== '\r' || notPlain.test(data.slice(0, cut + 1))) return data;
  // The CR puts the cursor at column 0, where the skipped CR LF would have left it.
  return `\r${data.slice(cut + 1)}`;
}
