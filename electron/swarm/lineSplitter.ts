import { Writable } from 'node:stream';

/** A sink that calls `onLine` for each newline-terminated line written to it (the event stream sends one JSON object a line). */
export function lineSplitter(onLine: (line: string) => void): Writable {
  let partial = '';
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) if (line.trim()) onLine(line);
      done();
    },
  });
}
