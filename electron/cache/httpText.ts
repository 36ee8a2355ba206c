import http from 'node:http';
import https from 'node:https';

/** Reads a URL's body as text, on a keep-alive agent the caller owns (see `keepAliveAgents`). */
export interface TextGetter {
  get(url: string): Promise<string>;
  dispose(): void;
}

const maxBodyBytes = 16 * 1024 * 1024;

/**
 * GETs over node:http with keep-alive agents, not `fetch`: undici keeps a
 * 500 ms ticker running while any of its timers (a pooled socket's
 * keep-alive) is pending, and AbortSignal.timeout adds a timer per call, so
 * polling a /metrics page every second woke an otherwise idle app several
 * times a second. One socket per source stays open between polls.
 */
export function keepAliveText(timeoutMs: number): TextGetter {
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 2 }), https: new https.Agent({ keepAlive: true, maxSockets: 2 }) };
  return {
    get(url) {
      return new Promise((resolve, reject) => {
        let target: URL;
        try {
          target = new URL(url);
        } catch {
          reject(new Error(`${url}: not a valid URL`));
          return;
        }
        const secure = target.protocol === 'https:';
        const req = (secure ? https : http).get(target, { agent: secure ? agents.https : agents.http, timeout: timeoutMs }, (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= maxBodyBytes) chunks.push(chunk);
          });
          res.on('error', (err) => reject(new Error(`${url}: ${err.message}`, { cause: err })));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status < 200 || status > 299) reject(new Error(`${url} answered ${status}`));
            else resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
        // The socket's idle timeout: no answer (or no more of it) within timeoutMs.
        req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })));
        req.on('error', (err: NodeJS.ErrnoException) => reject(new Error(`${url}: ${err.code ?? err.message}`, { cause: err })));
      });
    },
    dispose() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
