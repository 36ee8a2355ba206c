import type { IncomingMessage } from 'node:http';

/** Larger bodies are refused: no MCP message or tool arguments a script sends come near it. */
export const maxBodyBytes = 4 * 1024 * 1024;

export type BodyOutcome = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/** Reads and parses a JSON body; an empty body is `undefined`. */
export async function readJsonBody(req: IncomingMessage): Promise<BodyOutcome> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return { ok: false, status: 413, message: `body over ${maxBodyBytes / 1024 / 1024} MB` };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, status: 400, message: `the body is not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}
