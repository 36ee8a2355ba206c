import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a byte stream into lines (events and stats are newline-delimited JSON,
 * logs are text); a line cut across two chunks is held until its end arrives.
 * A line longer than `maxLine` is passed on in pieces so one endless line cannot grow memory.
 */
export function lineReader(onLine: (line: string) => void, maxLine = 1024 * 1024): { push(chunk: Buffer | string): void; end(): void } {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  return {
    push(chunk) {
      const piece = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      // The common case for stats and events: one chunk is exactly one whole line.
      if (rest === '' && piece.indexOf('\n') === piece.length - 1) {
        onLine(piece.length > 1 && piece[piece.length - 2] === '\r' ? piece.slice(0, -2) : piece.slice(0, -1));
        return;
      }
      const text = rest + piece;
      let start = 0;
      for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
        onLine(text.slice(start, nl > start && text[nl - 1] === '\r' ? nl - 1 : nl));
        start = nl + 1;
      }
      rest = text.slice(start);
      while (rest.length > maxLine) {
        onLine(rest.slice(0, maxLine));
        rest = rest.slice(maxLine);
      }
    },
    end() {
      const last = rest + decoder.end();
      rest = '';
      if (last) onLine(last);
    },
  };
}
