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

/** Calls in flight at most: keys typed faster than a round trip go at once, a long paste does not fill the connection's limit. */
const maxCallsInFlight = 8;

/**
 * Sends a terminal's input in order: each keystroke at once (the connection keeps calls in order), up to
 * `maxCallsInFlight` calls unanswered; past that, what is typed waits and goes in as few pieces as fit.
 */
export function inputSender(send: (data: string) => Promise<unknown>, onError: (err: unknown) => void, maxInFlight = maxCallsInFlight): (data: string) => void {
  let waiting = '';
  let inFlight = 0;
  const pump = () => {
    while (waiting !== '' && inFlight < maxInFlight) {
      const piece = inputPieces(waiting)[0]!;
      waiting = waiting.slice(piece.length);
      inFlight++;
      send(piece)
        .catch(onError)
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  };
  return (data) => {
    waiting += data;
    pump();
  };
}
