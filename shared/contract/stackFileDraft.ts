import { z } from 'zod';
import type { ConfigProblem, ConfigStatus } from './app.js';
import { command } from './define.js';

// "Create stack.yaml from what is running": a draft stack file from the engine's containers and the MCP
// configs of the operator's other apps, reviewed (and edited) on screen before it is saved and used.

/** Another app's MCP config file that was looked for. */
export interface FoundMcpConfig {
  /** "Claude Desktop", "Cursor", "VS Code" … */
  app: string;
  /** As the draft writes it: ~/… under the home folder. */
  path: string;
  /** included: it is an `include:` entry; empty: it exists but gives no server; hint: only a comment (VS Code settings.json). */
  use: 'included' | 'empty' | 'hint';
  /** The servers an include of it gives (stdio ones; the rest are skipped with a warning by the loader). */
  servers: string[];
  /** Why it is not included, or what to do about it. */
  note?: string;
}

export interface FoundEngine {
  name: string;
  address: string;
  status: 'connecting' | 'connected' | 'unreachable';
  /** Compose projects with a running container. */
  projects: string[];
  /** Running containers outside any compose project. */
  containers: string[];
}

export interface StackFileDraft {
  /** The draft, with comments saying what each section is and where it came from. */
  yaml: string;
  /** Where Save writes it: the file the app would load at its next start (./stack.yaml unless --config or $SWITCHBOARD_CONFIG say otherwise). */
  path: string;
  /** A file is already there: Save asks before replacing it. */
  exists: boolean;
  engines: FoundEngine[];
  mcpConfigs: FoundMcpConfig[];
  /** Health probes written for published ports that answered HTTP. */
  probes: string[];
  /** The loader's verdict on the draft as written. */
  check: StackFileCheck;
}

/** What the stack-file loader says about a draft, as if it were saved at the draft's path. */
export interface StackFileCheck {
  /** Each with file, line and column; the draft cannot be saved while there are any. */
  problems: ConfigProblem[];
  /** Loadable, but said once (a skipped url server of an included file, …). */
  warnings: ConfigProblem[];
  /** When it loads: its name: and the MCP servers it would run. */
  stackName?: string;
  mcpServers?: string[];
}

export type StackFileSaved =
  /** Written and loaded: the app runs on it now. */
  | { outcome: 'saved'; path: string; config: ConfigStatus }
  /** Not written: the loader found problems. */
  | { outcome: 'problems'; path: string; check: StackFileCheck }
  /** Not written: a file is there and `replace` was not given. */
  | { outcome: 'exists'; path: string };

/** A stack file is a page or two; this keeps one well under the transport's 256 KiB message limit. */
const draftText = z.string().max(200_000);

export const stackFileDraftCommands = {
  /** Looks at the engines and the other apps' MCP configs and writes a draft (nothing is saved). */
  'stackFileDraft.create': command<StackFileDraft>()(z.strictObject({}).prefault({})),
  /** Runs the loader on an edited draft. */
  'stackFileDraft.check': command<StackFileCheck>()(z.strictObject({ yaml: draftText })),
  /** Checks, writes the file (replacing one only when `replace`), and switches the app to it. */
  'stackFileDraft.save': command<StackFileSaved>()(z.strictObject({ yaml: draftText, replace: z.boolean().default(false) })),
};
