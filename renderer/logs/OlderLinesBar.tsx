import type { OlderLines } from './useOlderLines.js';

const count = (n: number) => n.toLocaleString('en-US');

/** Height of the bar above the oldest line; LogViewport leaves this much room for it. */
export const olderBarHeight = 34;

/** Above the oldest line of a container's view: where its older lines come from, and the button to fetch them from Docker. */
export function OlderLinesBar({ older }: { older: OlderLines }) {
  const name = older.container ?? '';
  const loaded = older.fromDocker > 0 ? `${count(older.fromDocker)} older line${older.fromDocker === 1 ? '' : 's'} loaded from Docker` : '';
  let text: string;
  let action: string | undefined;
  switch (older.docker) {
    case 'offer':
      text = `Switchboard holds no older lines of ${name}; Docker's own log may.`;
      action = 'Load older lines from Docker';
      break;
    case 'loading':
      text = 'Loading older lines from Docker…';
      break;
    case 'more':
      text = `${loaded}; more load as you reach the top.${older.cut ? ` ${older.cut}` : ''}`;
      action = 'Load older lines from Docker';
      break;
    case 'done':
      text = older.fromDocker > 0 ? `Start of ${name}'s log: ${loaded}.` : `Docker has no older lines of ${name}.`;
      break;
    case 'full':
      text = `${loaded}; this view holds as many lines as it can.`;
      break;
    case 'error':
      text = `Docker could not give older lines: ${older.error ?? 'unknown error'}`;
      action = 'Try again';
      break;
  }
  return (
    <div className={`logs-older logs-older-${older.docker}`} role="status" aria-label="Older lines" style={{ height: olderBarHeight }}>
      <span className="logs-older-text">{text}</span>
      {action ? (
        <button type="button" className="action-button" onClick={older.loadFromDocker}>
          {action}
        </button>
      ) : null}
    </div>
  );
}
