import { formatElapsed } from '../../shared/elapsed.js';

/**
 * One line per failure that tells an operator what to do next. The runner
 * collects the facts (exit code, stderr tail, first non-protocol stdout line,
 * error); this file turns them into words.
 */
export interface ExitInfo {
  code: number | null;
  signal: string | null;
}

export interface StartFacts {
  error: unknown;
  /** Set when we gave up waiting for initialize (and stopped the server ourselves). */
  timedOut: boolean;
  /** Set when the server exited on its own before initialize completed. */
  exit?: ExitInfo;
  /** The first line on stdout that was not JSON-RPC. */
  nonProtocolLine?: string;
  stderrTail: string[];
  initializeTimeoutMs: number;
}

export function commandNotFound(command: string, searchedPath: string, cwd: string): string {
  return command.includes('/')
    ? `command not found: ${command} (resolved against ${cwd}; is the path right and the file executable?)`
    : `command not found: ${command} — searched PATH=${searchedPath}`;
}

export function spawnFailed(command: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // ENOENT for a file that exists means its #! interpreter is missing
  const hint = /ENOENT/.test(message) ? ' (check the #! line: its interpreter was not found)' : '';
  return `could not start ${command}: ${message}${hint}`;
}

export function describeExit(exit: ExitInfo): string {
  if (exit.signal) return `signal ${exit.signal}`;
  return `code ${exit.code ?? '?'}`;
}

function lastLines(tail: string[], count = 3): string {
  const lines = tail.slice(-count).map((l) => l.trim()).filter(Boolean);
  return lines.length ? `: ${lines.join(' | ')}` : '';
}

function quote(line: string): string {
  const short = line.length > 120 ? `${line.slice(0, 120)}…` : line;
  return `"${short}"`;
}

export function diagnoseStartFailure(facts: StartFacts): string {
  const message = facts.error instanceof Error ? facts.error.message : String(facts.error ?? '');
  const unsupported = /protocol version is not supported: (.*)$/i.exec(message);
  if (unsupported) {
    return `protocol version not supported: the server answered ${unsupported[1]} — update the server or its SDK`;
  }
  const junk = facts.nonProtocolLine
    ? `wrote non-protocol text to stdout: ${quote(facts.nonProtocolLine)} — stdout carries the protocol; log to stderr instead`
    : undefined;
  if (facts.timedOut) {
    if (junk) return junk;
    return `initialize timed out after ${formatElapsed(facts.initializeTimeoutMs)} — the server started but never answered${lastLines(facts.stderrTail)}`;
  }
  if (facts.exit) {
    if (junk && facts.exit.code === 0) return junk;
    return `exited before initialize (${describeExit(facts.exit)})${lastLines(facts.stderrTail) || (junk ? ` after ${junk}` : '')}`;
  }
  if (junk) return junk;
  return `initialize failed: ${message}`;
}

export function crashedAfterReady(readyForMs: number, exit: ExitInfo, stderrTail: string[]): string {
  return `crashed after ${formatElapsed(readyForMs)} ready (${describeExit(exit)})${lastLines(stderrTail)}`;
}

export function exitedCleanly(readyForMs: number): string {
  return `exited on its own with code 0 after ${formatElapsed(readyForMs)} ready`;
}
