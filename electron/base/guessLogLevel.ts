import { logLevels, type LogLevel, type LogStream } from '../../shared/contract/logs.js';

// Only the start of a line is looked at: levels sit near the front, and a
// bounded window keeps the cost per line flat at 100,000 lines a second.
const window = 200;

const jsonLevel = /"(?:level|severity|lvl|log\.level|levelname)"\s*:\s*(?:"([A-Za-z]+)"|(\d+))/i;
const logfmtLevel = /(?:^|\s)(?:level|lvl|severity)=["']?([A-Za-z]+)/i;
// Upper-case words ("ERROR", "WARN:") or any case inside brackets ("[error]", "<warn>"),
// so prose such as "0 errors" does not count.
const upperLevel = /\b(TRACE|DEBUG|INFO|NOTICE|LOG|WARN|WARNING|ERROR|ERR|CRIT|CRITICAL|ALERT|FATAL|PANIC|EMERG)\b/;
const bracketLevel = /[[<(](trace|debug|info|notice|warn|warning|error|err|crit|critical|fatal|panic|emerg)[\]>):]/i;
// Redis: "1:M 26 Nov 2026 10:00:00.123 # Warning text" (. debug, - verbose, * notice, # warning).
const redisLevel = /^\d+:[XCSM] \d{1,2} \w{3} \d{4} [\d:.]+ ([.\-*#]) /;

const byWord: Record<string, LogLevel> = {
  trace: 'trace',
  debug: 'debug',
  info: 'info',
  information: 'info',
  notice: 'info',
  log: 'info',
  verbose: 'debug',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  crit: 'fatal',
  critical: 'fatal',
  alert: 'fatal',
  fatal: 'fatal',
  panic: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
};

/** pino/bunyan numeric levels: 10 trace, 20 debug … 60 fatal (and above), one step of the list per ten. */
function fromNumber(n: number): LogLevel | undefined {
  if (!(n >= 10)) return undefined;
  return logLevels[Math.min(Math.floor(n / 10), logLevels.length) - 1];
}

/**
 * The level a line states about itself (JSON "level" field, logfmt level=,
 * [ERROR]/WARN:-style words, Redis markers), or undefined when it says nothing.
 */
export function parseLevel(text: string): LogLevel | undefined {
  const head = text.length > window ? text.slice(0, window) : text;
  const first = head.charCodeAt(0);
  if (first === 123 /* { */) {
    const m = jsonLevel.exec(head);
    if (m) return m[1] ? byWord[m[1].toLowerCase()] : fromNumber(Number(m[2]));
  }
  if (head.includes('=')) {
    const m = logfmtLevel.exec(head);
    if (m?.[1]) {
      const level = byWord[m[1].toLowerCase()];
      if (level) return level;
    }
  }
  if (first >= 48 && first <= 57 /* digit */) {
    const m = redisLevel.exec(head);
    if (m) return m[1] === '#' ? 'warn' : m[1] === '.' || m[1] === '-' ? 'debug' : 'info';
  }
  // The bracket regex tries every position; most lines have no bracket at all, which indexOf says faster.
  const bracketed = head.indexOf('[') !== -1 || head.indexOf('<') !== -1 || head.indexOf('(') !== -1;
  const word = (bracketed ? bracketLevel.exec(head)?.[1] : undefined) ?? upperLevel.exec(head)?.[1];
  return word ? byWord[word.toLowerCase()] : undefined;
}

/**
 * The level the hub stores: what the line says, else a default by stream.
 * stderr defaults to "warn": many servers (MCP servers, Postgres) log
 * everything there, so "error" would cry wolf, yet it deserves more than info.
 */
export function guessLevel(text: string, stream: LogStream): LogLevel {
  return parseLevel(text) ?? (stream === 'stderr' ? 'warn' : 'info');
}
