import { z } from 'zod';
import { appendTopic, command, stateTopic } from './define.js';

// Terminals: a shell (or a service's own client: psql, redis-cli) inside a running container,
// through a Docker exec with a TTY. Sessions live in main; a screen attaches, detaches and reattaches.

/** The service clients Switchboard knows how to start with the container's own credentials. */
export const serviceShellKinds = ['psql', 'redis-cli', 'mysql'] as const;
export type ServiceShellKind = (typeof serviceShellKinds)[number];

/** At most this many characters per `terminals.input` (≤ 48 KB of UTF-8); a bigger paste is sent in pieces. */
export const maxTerminalInputChars = 16_384;

export interface TerminalInfo {
  id: string;
  /** "web · sh", editable; unique among open sessions. */
  name: string;
  engine: string;
  containerId: string;
  container: string;
  /** What runs, in the operator's words: "bash", "redis-cli", "psql"; never a credential. */
  command: string;
  /** A service shell's kind, or "shell" for a plain shell. */
  kind: 'shell' | ServiceShellKind | 'custom';
  user?: string;
  workdir?: string;
  startedAt: number;
  state: 'running' | 'exited';
  exitCode?: number;
  endedAt?: number;
  cols: number;
  rows: number;
  /** The same session in a system terminal: `docker exec -it …` (credentials stay in the container's env). */
  dockerCommand: string;
}

export interface TerminalsState {
  sessions: TerminalInfo[];
}

/** What a screen gets when it attaches: the kept scrollback, then every byte after it in order. */
export interface TerminalScrollback {
  id: string;
  /** Position of `data`'s first character in the session's output. */
  offset: number;
  data: string;
  /** Output older than `offset` that no longer fits the kept scrollback (characters). */
  trimmed: number;
}

export interface TerminalOutput {
  /** Position of `data`'s first character; the next item starts at offset + data.length. */
  offset: number;
  data: string;
  /**
   * Characters just before `offset` left out: plain text that would have scrolled past the viewer's
   * `keepLines` before it was drawn (shared/unseenLines.ts). Only for a viewer that gave `keepLines`.
   */
  skipped?: number;
}

export interface ServiceShellChoice {
  kind: ServiceShellKind | 'custom';
  /** Name on the button: "psql", "redis-cli", or the stack file's key. */
  label: string;
  /** Why it is offered: "image postgres:16", "env REDIS_PASSWORD", "stack file". */
  reason: string;
}

export interface TerminalChoices {
  /** Service shells this container offers, from its image, its env and the stack file. */
  services: ServiceShellChoice[];
  /** The container is running (a terminal needs a running container). */
  running: boolean;
}

const target = {
  engine: z.string().min(1).max(200).optional(),
  /** Container id, id prefix (12+) or name. */
  container: z.string().min(1).max(200),
};
const sessionId = z.string().min(1).max(100);
const size = { cols: z.number().int().min(2).max(1_000), rows: z.number().int().min(1).max(500) };
/** A program name or path inside the container; passed as an argument, never spliced into a script. */
const program = z.string().regex(/^[\w./+-]+$/, 'a program name or path: letters, digits, ".", "/", "_", "+" and "-"').max(200);
const viewer = z.string().min(1).max(64);
/** Lines a viewer keeps (its scrollback and rows): output that would scroll past them before it is drawn may be left out. */
const keepLines = z.number().int().min(1).max(1_000_000);

export const terminalsTopics = {
  /** Open sessions (running or exited and not yet closed), oldest first. */
  terminals: stateTopic<TerminalsState>()(z.strictObject({}).prefault({})),
  /**
   * One session's output: the kept scrollback, then items in order. A viewer
   * acknowledges what it has drawn (`terminals.ack`); while one is far behind,
   * the exec's output is paused instead of dropped. Immediate: a keystroke's echo must not wait for the
   * next flush; the session itself sends at most one item per frame (~16 ms) while output streams, and none
   * while a viewer is still drawing the last (then it goes as one, without what would scroll past `keepLines`).
   */
  'terminals.output': appendTopic<TerminalScrollback, TerminalOutput>({ immediate: true })(z.strictObject({ id: sessionId, viewer, keepLines: keepLines.optional() })),
};

export const terminalsCommands = {
  /** Starts a session: a shell (bash, else sh, unless `shell` names one), a service shell, or the stack file's named shell. */
  'terminals.open': command<TerminalInfo>()(
    z.strictObject({
      ...target,
      shell: program.optional(),
      /** A service shell (psql, redis-cli, …) or a stack-file `shells:` name. */
      service: z.string().regex(/^[\w.-]+$/).max(100).optional(),
      user: z.string().regex(/^[\w.-]+(:[\w.-]+)?$/, 'user or user:group').max(100).optional(),
      workdir: z.string().regex(/^\/[^\0]*$/, 'an absolute path').max(1_000).optional(),
      name: z.string().min(1).max(100).optional(),
      ...size,
    }),
  ),
  /** Ends the session's exec process (and everything it started), and forgets the session. */
  'terminals.close': command<{ closed: boolean }>()(z.strictObject({ id: sessionId })),
  /** Keystrokes or a piece of a paste, as the terminal encodes them. */
  'terminals.input': command<{ accepted: number }>()(z.strictObject({ id: sessionId, data: z.string().min(1).max(maxTerminalInputChars) })),
  'terminals.resize': command<{ cols: number; rows: number }>()(z.strictObject({ id: sessionId, ...size })),
  /** The viewer has drawn the output up to `offset`. */
  'terminals.ack': command<{ paused: boolean }>()(z.strictObject({ id: sessionId, viewer, offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })),
  'terminals.rename': command<TerminalInfo>()(z.strictObject({ id: sessionId, name: z.string().trim().min(1).max(100) })),
  /** What can be opened on a container: a shell, and which service shells. */
  'terminals.choices': command<TerminalChoices>()(z.strictObject(target)),
};
