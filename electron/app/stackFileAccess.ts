import { join } from 'node:path';
import { loadStackText, resolveConfigPath, type ConfigPathInputs, type ConfigStore } from '../config/index.js';
import type { StackFiles } from '../stackFileDraft/index.js';

/** The stack-file side of the app as the draft sees it: the same path rules, loader and store the app itself runs on. */
export function stackFilesOf(config: Pick<ConfigStore, 'switchTo' | 'status'>, where: ConfigPathInputs): StackFiles {
  return {
    // Asked again at each save: a stack.yml created since the start is what the next start would load.
    nextPath() {
      const next = resolveConfigPath(where);
      return 'path' in next ? next.path : join(where.cwd, 'stack.yaml');
    },
    async check(text, path) {
      const load = await loadStackText(text, path, { env: where.env });
      if (!load.ok) return { problems: load.problems, warnings: [] };
      return { problems: [], warnings: load.warnings, stackName: load.config.name, mcpServers: Object.keys(load.config.mcpServers) };
    },
    status: () => config.status(),
    switchTo: (path) => config.switchTo(path),
  };
}
