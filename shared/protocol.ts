import { z } from 'zod';
import type { ErrorInfo } from './errors.js';

/** The wire format, the same over Electron IPC and the browser-mode WebSocket. */

const id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const name = z.string().min(1).max(100);

export const clientMessageSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('call'), id, cmd: name, params: z.unknown().optional() }),
  z.strictObject({ t: z.literal('sub'), id, topic: name, params: z.unknown().optional() }),
  z.strictObject({ t: z.literal('unsub'), id }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: ErrorInfo }
  /** First message of a subscription, and again whenever the provider resets it. */
  | { t: 'snapshot'; id: number; value: unknown }
  /** A state topic's latest whole state. */
  | { t: 'state'; id: number; value: unknown }
  /** An append topic's items since the last flush; `dropped` counts items the client fell behind on. */
  | { t: 'append'; id: number; items: unknown[]; dropped: number }
  /** The subscription ended on the server side (bad params, provider failed). */
  | { t: 'closed'; id: number; error?: ErrorInfo }
  /** A message that could not be attributed to a call or subscription. */
  | { t: 'error'; error: ErrorInfo };

/** The largest message main accepts from a renderer. */
export const maxClientMessageBytes = 256 * 1024;
