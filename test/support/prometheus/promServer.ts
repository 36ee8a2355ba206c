import http from 'node:http';
import { Counter, Registry } from 'prom-client';

export interface PromServer {
  url: string;
  /** Count lookups under a label, as a service's cache would. */
  hit(cache: string, n?: number): void;
  miss(cache: string, n?: number): void;
  /** What a restart of the service does to its counters. */
  resetCounters(): void;
  stop(): Promise<void>;
}

/** A real /metrics endpoint served by prom-client, with cache_hits_total / cache_misses_total labelled by cache. */
export async function startPromServer(): Promise<PromServer> {
  const registry = new Registry();
  const hits = new Counter({ name: 'cache_hits_total', help: 'Cache hits with "quotes"\nand a newline in help', labelNames: ['cache'], registers: [registry] });
  const misses = new Counter({ name: 'cache_misses_total', help: 'Cache misses', labelNames: ['cache'], registers: [registry] });
  const server = http.createServer((_req, res) => {
    void registry.metrics().then((text) => {
      res.writeHead(200, { 'content-type': registry.contentType });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/metrics`,
    hit: (cache, n = 1) => hits.inc({ cache }, n),
    miss: (cache, n = 1) => misses.inc({ cache }, n),
    resetCounters: () => {
      hits.reset();
      misses.reset();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
