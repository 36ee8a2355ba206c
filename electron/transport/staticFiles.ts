import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { refuse } from './answers.js';
import { decodeComponent } from './requestUrl.js';

/** The Content-Type of each file the renderer build holds; the Electron shell's app:// handler uses the same table. */
export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Serves the built renderer; anything outside `root` is a 404, never a read. */
export async function serveStatic(root: string, pathname: string, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const decoded = decodeComponent(pathname);
  if (decoded === undefined) return refuse(res, 400, 'the request path is not valid percent-encoding', headers);
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(root, relative === '' ? 'index.html' : relative);
  if (!file.startsWith(root + sep) && file !== root) return notFound(res, headers);
  try {
    const info = await stat(file);
    if (!info.isFile()) return notFound(res, headers);
    const immutable = relative.startsWith('assets/');
    res.writeHead(200, {
      ...headers,
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(info.size),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    // The file can vanish between stat and read (a rebuild): cut the answer off rather than throw.
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  } catch {
    notFound(res, headers);
  }
}

function notFound(res: ServerResponse, headers: Record<string, string>): void {
  refuse(res, 404, 'not found', headers);
}
