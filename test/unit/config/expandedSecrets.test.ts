import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeProblem } from '../../../electron/config/describeProblem.js';
import { loadStackFile, type StackLoad } from '../../../electron/config/loadStackFile.js';
import { stackFolder, yaml } from './stackFolder.js';

function configOf(load: StackLoad) {
  if (!load.ok) throw new Error(load.problems.map(describeProblem).join('\n'));
  return load;
}

describe('the values the loader substituted for ${VAR}', () => {
  let dir: ReturnType<typeof stackFolder>;
  beforeEach(() => {
    dir = stackFolder();
  });
  afterEach(() => dir.remove());

  it('travel with the loaded config as secrets: args and env values from the environment, not defaults, homes or program paths', async () => {
    const stack = dir.write(
      'stack.yaml',
      yaml`
        mcpServers:
          gh:
            command: \${WRAPPERS}/gh.sh
            cwd: \${WORK_DIR}
            args: ["--token", "\${SECRET_TOKEN}", "--db", "\${DB_NAME:-sutazai}", "\${HOME}/notes", "--upstream=\${UPSTREAM}"]
            env: { GH_TOKEN: "\${env:GH_TOKEN}", EMPTY: "\${EMPTY_VAR}" }
      `,
    );
    const env = {
      WRAPPERS: '/opt/wrappers',
      WORK_DIR: '/srv/work',
      SECRET_TOKEN: 'tok-from-env-1234',
      HOME: '/home/operator',
      UPSTREAM: 'https://internal.example',
      GH_TOKEN: 'ghp_abcdef',
      EMPTY_VAR: '',
    };
    const load = configOf(await loadStackFile(stack, { env }));
    expect([...load.secrets].sort()).toEqual(['ghp_abcdef', 'https://internal.example', 'tok-from-env-1234']);
  });

  it('are none when nothing was expanded', async () => {
    const stack = dir.write('stack.yaml', 'mcpServers:\n  m: { command: node, args: ["--token", "literal"] }\n');
    expect(configOf(await loadStackFile(stack, { env: { SECRET_TOKEN: 'unused' } })).secrets).toEqual([]);
  });
});
