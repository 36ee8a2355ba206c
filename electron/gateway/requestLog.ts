import { sourceId } from '../../shared/sourceId.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';
import type { LogWriter } from '../core/logWriter.js';
import type { FinishedCall } from './finishedCall.js';

/** Payloads logged are cut here: a line is for reading, not for carrying a whole result. */
const maxPayloadChars = 2_000;

/**
 * One hub line per gateway request, under the server's source:
 * "gateway 3f2a9c1e tools/call echo 1.2 ms ok" — arguments and results only
 * when the server has logPayloads on, masked like every other line.
 */
export function logCall(logs: LogWriter, secrets: SecretMasker, call: FinishedCall): void {
  const what = [call.method, call.tool].filter(Boolean).join(' ');
  const outcome = call.error ? `${call.error}${call.detail ? `: ${call.detail}` : ''}` : 'ok';
  const replica = call.replica && call.replica !== call.server ? ` on ${call.replica}` : '';
  let text = `gateway ${call.session ?? '-'} ${what} ${call.durationMs.toFixed(1)} ms${replica} ${outcome}`;
  if (call.params !== undefined || call.result !== undefined) text += ` params=${cut(call.params)} result=${cut(call.result)}`;
  logs.write({ source: sourceId.mcp(call.server), stream: 'system', level: call.error ? 'warn' : 'info', text: secrets.mask(text) });
}

function cut(value: unknown): string {
  const text = value === undefined ? '-' : JSON.stringify(value);
  return text.length > maxPayloadChars ? `${text.slice(0, maxPayloadChars)}…` : text;
}
