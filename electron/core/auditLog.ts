import type { LogLevel } from '../../shared/contract/logs.js';
import { formatElapsed } from '../../shared/elapsed.js';
import { sourceId } from '../../shared/sourceId.js';
import type { LogWriter } from './logWriter.js';
import type { EventWriter } from './stackBus.js';
import { SecretMasker } from '../base/secrets/secretMasker.js';

/** One step of an operator's action, as the log tells it. */
export interface AuditEntry {
  /** What was asked for, as a verb: "restart", "selfcheck", "config reload". */
  action: string;
  /** What it was done to, as a log source id ("mcp:postgres", "container:web"); none for the app itself. */
  target?: string;
  outcome: 'requested' | 'done' | 'failed';
  durationMs?: number;
  /** What it came to ("finished: ready", "was already running") or why it failed; "done" when absent. */
  detail?: string;
  /** A failure is an error and the rest info, unless said otherwise (a selfcheck that ran and failed is a warning). */
  level?: LogLevel;
}

/**
 * Switchboard's own lines in the log (source "switchboard"): what operators
 * asked for and how it went, and what the app noticed on its own. Every
 * capability writes them through this one writer from its AppContext.
 */
export interface AuditLog {
  /** "restart of mcp:x requested", "… done in 1.2 s", "… failed after 0.3 s: reason"; returns the line's text. */
  action(entry: AuditEntry): string;
  /** News that is no operator's action: "config reloaded from …", "mcp:x ready in 0.4 s". */
  note(text: string, level?: LogLevel): void;
}

/**
 * Every line is masked: by shape always, and by the values `secrets` knows
 * (the app's: the stack file's expanded ${VAR}s). An action that ended (done
 * or failed) is also an `action` event on the target's source: the audit
 * trail history keeps and the timeline shows.
 */
export function createAuditLog(logs: LogWriter, secrets = new SecretMasker(), events?: EventWriter): AuditLog {
  const write = (text: string, level: LogLevel) => logs.write({ source: sourceId.switchboard, stream: 'system', level, text });
  return {
    action(entry) {
      const text = secrets.mask(auditText(entry));
      const level = entry.level ?? (entry.outcome === 'failed' ? 'error' : 'info');
      write(text, level);
      if (events && entry.outcome !== 'requested') {
        events.publish({
          source: entry.target ?? sourceId.switchboard,
          kind: 'action',
          severity: level === 'error' ? 'error' : level === 'warn' ? 'warning' : 'info',
          summary: text,
          details: {
            action: entry.action,
            outcome: entry.outcome,
            ...(entry.durationMs === undefined ? {} : { durationMs: Math.round(entry.durationMs) }),
            ...(entry.detail ? { detail: entry.detail } : {}),
          },
        });
      }
      return text;
    },
    note: (text, level = 'info') => write(secrets.mask(text), level),
  };
}

/** For services run without a hub (unit tests, benchmarks): lines go nowhere on purpose. */
export const discardAudit: AuditLog = createAuditLog({ write() {} });

function auditText({ action, target, outcome, durationMs, detail }: AuditEntry): string {
  const subject = target ? `${action} of ${target}` : action;
  const took = durationMs === undefined ? undefined : formatElapsed(durationMs);
  switch (outcome) {
    case 'requested':
      return `${subject} requested`;
    case 'done':
      return `${subject} ${detail ?? 'done'}${took ? ` in ${took}` : ''}`;
    case 'failed':
      return `${subject} failed${took ? ` after ${took}` : ''}${detail ? `: ${detail}` : ''}`;
  }
}
