import { maxTerminalInputChars } from '../../shared/contract/terminals.js';

/** Splits input into pieces the contract accepts, never between the two halves of a surrogate pair. */
export function inputPieces(data: string, max = maxTerminalInputChars): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < data.length; ) {
    let end = Math.min(at + max, data.length);
    const last = data.charCodeAt(end - 1);
    if (end < data.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(data.slice(at, end));
    at = end;
  }
  return pieces;
}

/**
 * Sends a terminal's input in order, one call at a time: a long paste goes
 * out piece by piece instead of filling the connection's calls-in-flight limit.
 */
export function inputSender(send: (data: string) => Promise<unknown>, onError: (err: unknown) => void): (data: string) => void {
  let queue: Promise<unknown> = Promise.resolve();
  return (data) => {
    for (const piece of inputPieces(data)) queue = queue.then(() => send(piece)).catch(onError);
  };
}
