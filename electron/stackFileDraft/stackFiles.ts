import type { ConfigStatus } from '../../shared/contract/app.js';
import type { StackFileCheck } from '../../shared/contract/stackFileDraft.js';

/** What the draft needs of the stack-file side of the app; the composition root builds it from the config store and loader. */
export interface StackFiles {
  /** The file the app would load at its next start: ./stack.yaml unless --config or $SWITCHBOARD_CONFIG name another. */
  nextPath(): string;
  /** The loader's verdict on `text` as if it were the file at `path` (includes read, ${VAR}s expanded). */
  check(text: string, path: string): Promise<StackFileCheck>;
  /** What the app runs on now: Save is for the built-in demo, so it never swaps a stack file the operator already runs on. */
  status(): ConfigStatus;
  /** From now on the app runs on the file at `path`, as if it had started on it. */
  switchTo(path: string): Promise<ConfigStatus>;
}
