import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRoute } from '../core/httpRoutes.js';
import { refuse } from './answers.js';
import type { LoopbackGuard } from './loopbackGuard.js';

const plainHeaders = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

/**
 * Answers a request for a capability's route once the Host header passed the
 * guard: it must carry the route's bearer token (scrapers send no cookies), come
 * from no foreign page, and only read.
 */
export async function answerRoute(guard: LoopbackGuard, route: HttpRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!guard.originAllowed(req)) return refuse(res, 403, 'foreign Origin', plainHeaders);
  if (!guard.bearerMatches(req, route.token())) {
    return refuse(res, 401, `${route.path} needs its token: send "Authorization: Bearer <token>"`, { ...plainHeaders, 'WWW-Authenticate': 'Bearer realm="switchboard"' });
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed', { ...plainHeaders, Allow: 'GET, HEAD' });
  const answer = await route.answer();
  res.writeHead(answer.status ?? 200, { ...plainHeaders, 'Content-Type': answer.contentType, 'Content-Length': Buffer.byteLength(answer.body) });
  res.end(req.method === 'HEAD' ? undefined : answer.body);
}
