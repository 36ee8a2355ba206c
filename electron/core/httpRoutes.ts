import { toDisposable, type Disposable } from '../base/disposable.js';

/** What a route answers: a whole, small body (a /metrics scrape), never a stream. */
export interface HttpAnswer {
  status?: number;
  contentType: string;
  body: string;
}

/**
 * One HTTP route a capability adds to browser mode's server (and to any
 * loopback listener the composition root starts for it). The transport
 * checks the Host header and `Authorization: Bearer <token>` with the
 * browser-mode guard before `answer` runs; only GET and HEAD reach it.
 */
export interface HttpRoute {
  /** The exact path, e.g. "/metrics". */
  path: string;
  /** Read per request, so a token changed in the stack file applies at once. */
  token(): string;
  answer(): HttpAnswer | Promise<HttpAnswer>;
}

export interface HttpRouteLookup {
  find(path: string): HttpRoute | undefined;
}

/** The routes capabilities registered; the composition root hands it to the transport. */
export class HttpRoutes implements HttpRouteLookup {
  private readonly byPath = new Map<string, HttpRoute>();

  add(route: HttpRoute): Disposable {
    if (this.byPath.has(route.path)) throw new Error(`the HTTP route ${route.path} is registered twice`);
    this.byPath.set(route.path, route);
    return toDisposable(() => {
      if (this.byPath.get(route.path) === route) this.byPath.delete(route.path);
    });
  }

  find(path: string): HttpRoute | undefined {
    return this.byPath.get(path);
  }
}
