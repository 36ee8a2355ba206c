import { readFile } from 'node:fs/promises';
import { resolveRendererFile } from './appProtocol.js';

/**
 * The app:// protocol handler's answer: a file from the built renderer with its
 * Content-Type and the CSP header, or a plain 404. Plain Request/Response, so
 * it runs (and is tested) without Electron.
 */
export async function rendererResponse(request: Request, rendererDir: string, contentSecurityPolicy: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' };
  const plain = (status: number, text: string) =>
    new Response(`${text}\n`, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
  const target = resolveRendererFile(request.url, rendererDir);
  if (!target.ok) return plain(target.status, 'not found');
  let body: Buffer;
  try {
    body = await readFile(target.file);
  } catch {
    // Missing, a folder (EISDIR), unreadable: all the same to the page.
    return plain(404, 'not found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...headers, 'Content-Type': target.contentType, 'Content-Length': String(body.length), 'Cache-Control': 'no-cache' },
  });
}
