import { unseenLinesLength } from '../../shared/unseenLines.js';

/**
 * `data` without the part that would scroll out of a terminal keeping
 * `linesKept` lines before it could be drawn (shared/unseenLines.ts), when that
 * part is plain text ending in CR LF. Otherwise `data` as it is.
 */
export function withoutUnseenLines(data: string, linesKept: number): string {
  const skipped = unseenLinesLength(data, linesKept);
  // The CR puts the cursor at column 0, where the skipped CR LF would have left it.
  return skipped === 0 ? data : `\r${data.slice(skipped + 2)}`;
}
