import type { GatewayErrorKind } from '../../shared/contract/gateway.js';

/** One request through the gateway, as the log line and the figures see it. */
export interface FinishedCall {
  /** The exposed server's name (its endpoint), and the replica that served the call. */
  server: string;
  replica?: string;
  session?: string;
  method: string;
  tool?: string;
  durationMs: number;
  /** undefined when the call succeeded (a tool that answered isError still succeeded here). */
  error?: GatewayErrorKind;
  /** What went wrong, in one line (masked by the log). */
  detail?: string;
  /** Only when the server has logPayloads on. */
  params?: unknown;
  result?: unknown;
}

/** Who hears of each finished call: the request log and the figures. */
export type CallObserver = (call: FinishedCall) => void;
