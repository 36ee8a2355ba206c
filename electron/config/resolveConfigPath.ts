import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SwitchboardError } from '../../shared/errors.js';
import { resolveUserPath } from '../base/homePath.js';

export type ConfigLocation = { path: string } | { demo: true };

export interface ConfigPathInputs {
  /** Command-line arguments after the program (process.argv.slice(2) or Electron's equivalent). */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** Files looked for in the working folder when neither --config nor $SWITCHBOARD_CONFIG names one. */
const defaultNames = ['stack.yaml', 'stack.yml', 'stack.json'];

/**
 * Where the stack file comes from: --config FILE (or --config=FILE), else
 * $SWITCHBOARD_CONFIG, else ./stack.yaml, else the built-in demo stack.
 * A named file that does not exist is still returned: the store then reports
 * "file not found" on screen instead of silently showing the demo.
 */
export function resolveConfigPath({ argv, env, cwd }: ConfigPathInputs): ConfigLocation {
  const fromArgs = configArgument(argv);
  if (fromArgs !== undefined) return { path: resolveUserPath(fromArgs, cwd) };

  const fromEnv = env.SWITCHBOARD_CONFIG?.trim();
  if (fromEnv) return { path: resolveUserPath(fromEnv, cwd) };

  for (const name of defaultNames) {
    const candidate = join(cwd, name);
    if (existsSync(candidate)) return { path: candidate };
  }
  return { demo: true };
}

function configArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('--config=')) {
      found = nonEmpty(arg.slice('--config='.length));
    } else if (arg === '--config') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw missingValue();
      found = next;
      i++;
    }
  }
  return found;
}

function nonEmpty(value: string): string {
  if (!value.trim()) throw missingValue();
  return value;
}

function missingValue(): SwitchboardError {
  return new SwitchboardError('invalid_params', '--config needs a file, e.g. --config ./stack.yaml');
}
