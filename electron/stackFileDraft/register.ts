import { homedir } from 'node:os';
import type { AppContext } from '../core/appContext.js';
import type { RunningContainers } from './runningContainers.js';
import { StackFileDrafts } from './stackFileDraft.js';
import type { StackFiles } from './stackFiles.js';

export interface StackFileDraftDeps {
  /** The Docker capability's service, as the composition root hands it in. */
  containers: RunningContainers;
  /** Where the stack file goes, the loader, and switching the app to it. */
  stackFiles: StackFiles;
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Default os.homedir(), read at each draft (it follows $HOME). */
  home?: () => string;
  probePorts?: boolean;
}

/**
 * Wires "Create stack.yaml from what is running" to the contract: the
 * stackFileDraft.* commands. It keeps nothing between calls (each draft is
 * read fresh), so there is nothing to dispose.
 */
export function registerStackFileDraft(ctx: AppContext, deps: StackFileDraftDeps): void {
  const drafts = new StackFileDrafts({
    containers: deps.containers,
    stackFiles: deps.stackFiles,
    audit: ctx.audit,
    platform: deps.platform ?? process.platform,
    env: deps.env,
    home: deps.home ?? homedir,
    ...(deps.probePorts === undefined ? {} : { probePorts: deps.probePorts }),
  });
  ctx.commands.handle('stackFileDraft.create', () => drafts.create());
  ctx.commands.handle('stackFileDraft.check', (p) => drafts.check(p.yaml));
  ctx.commands.handle('stackFileDraft.save', (p) => drafts.save(p.yaml, p.replace));
}
