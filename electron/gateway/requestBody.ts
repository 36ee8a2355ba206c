import type { IncomingMessage } from 'node:http';

/** Larger bodies are refused: no MCP message or tool arguments a script sends come near it. */
export const maxBodyBytes = 4 * 1024 * 1024;

export type BodyOutcome = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/** Reads and parses a JSON body; an empty body is `undefined`. Plain 'data' events: an async iterator costs a few promises per chunk. */
export function readJsonBody(req: IncomingMessage): Promise<BodyOutcome> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume(); // drain the rest, so the 413 can be written
      resolve({ ok: false, status: 413, message: `body over ${maxBodyBytes / 1024 / 1024} MB` });
    };
    req.on('data', onData);
    req.once('error', reject);
    req.once('end', () => {
      if (size > maxBodyBytes) return;
      const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({ ok: true, value: undefined });
      try {
        resolve({ ok: true, value: JSON.parse(text) as unknown });
      } catch (err) {
        resolve({ ok: false, status: 400, message: `the body is not JSON: ${err instanceof Error ? err.message : String(err)}` });
      }
    });
  });
}
