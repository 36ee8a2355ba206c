/**
 * Errors that cross the process boundary are values with a code, never thrown
 * objects: the renderer shows `message` to a person, and branches on `code`.
 */
export const errorCodes = [
  'bad_message', // not JSON, or not a message of the protocol
  'unknown_command',
  'unknown_topic',
  'invalid_params',
  'not_found',
  'conflict',
  'engine_unreachable',
  'timeout',
  'unauthorized',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export class SwitchboardError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SwitchboardError';
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/** Turns anything thrown into an ErrorInfo a person can read. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof SwitchboardError) return err.toInfo();
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const { code, message } = err as { code: unknown; message: unknown };
    if (typeof code === 'string' && (errorCodes as readonly string[]).includes(code) && typeof message === 'string') {
      return { code: code as ErrorCode, message };
    }
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}
