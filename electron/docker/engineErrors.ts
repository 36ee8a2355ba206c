import { SwitchboardError } from '../../shared/errors.js';
import { explainHostKeyRefusal } from './hostKeyCheck.js';

interface DockerodeError {
  statusCode?: number;
  code?: string;
  reason?: string;
  json?: { message?: string } | string | null;
  message?: string;
}

/** Why a connection failed, in the words an operator acts on. */
export function unreachableMessage(address: string, failure: unknown): string {
  const err = explainHostKeyRefusal(address, failure);
  const e = (err ?? {}) as DockerodeError;
  const code = e.code ?? '';
  const hint =
    code === 'ENOENT' || code === 'ECONNREFUSED'
      ? ' — is Docker running?'
      : code === 'EACCES'
        ? ' — is your user allowed to use the Docker socket (docker group)?'
        : code === 'ETIMEDOUT' || code === 'timeout'
          ? ' — is the host reachable?'
          : '';
  const cause = err instanceof SwitchboardError ? err.message : code && !String(e.message ?? '').includes(code) ? `${code} ${e.message ?? ''}`.trim() : (e.message ?? String(err));
  return `Docker engine not reachable at ${address}: ${cause.replace(/^connect /, 'connect ')}${hint}`;
}

/** The engine's own message, without dockerode's "(HTTP code 409) unexpected - " prefix. */
export function engineMessage(err: unknown): string {
  const e = (err ?? {}) as DockerodeError;
  if (e.json && typeof e.json === 'object' && e.json.message) return e.json.message;
  if (typeof e.json === 'string' && e.json.trim()) return e.json.trim();
  return String(e.message ?? err).replace(/^\(HTTP code \d+\)\s*[\w ]*-\s*/, '');
}

/** A failed engine call as a SwitchboardError whose code the screen can branch on. */
export function toEngineError(what: string, err: unknown, address: string): SwitchboardError {
  if (err instanceof SwitchboardError) return err;
  const refused = explainHostKeyRefusal(address, err);
  if (refused instanceof SwitchboardError) return new SwitchboardError('engine_unreachable', `${what} failed: ${refused.message}`);
  const e = (err ?? {}) as DockerodeError;
  const msg = engineMessage(err);
  switch (e.statusCode) {
    case 404:
      return new SwitchboardError('not_found', `${what} failed: ${msg} (it may have been removed)`);
    case 409:
      return new SwitchboardError('conflict', `${what} failed: ${msg}`);
    case undefined:
      if (e.code && /^E[A-Z]+$/.test(e.code)) return new SwitchboardError('engine_unreachable', `${what} failed: ${unreachableMessage(address, err)}`);
      return new SwitchboardError('internal', `${what} failed: ${msg}`);
    default:
      return new SwitchboardError('internal', `${what} failed: ${msg} (HTTP ${e.statusCode})`);
  }
}

/** How long a one-shot engine call (an action, an inspect, a page of log history) may take before the operator is told. */
export const callTimeoutMs = 20_000;

/** Resolves like `promise`, or rejects with a timeout error a person can read. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new SwitchboardError('timeout', `${what} did not answer within ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
