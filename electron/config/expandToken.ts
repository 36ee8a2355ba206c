import type { ConfigProblem } from '../../shared/contract/app.js';
import { expandText, type Environment } from './expandVariables.js';

/**
 * A bearer token in the stack file (`gateway.token`, `metrics.token`) may come
 * from the environment ("${SWITCHBOARD_METRICS_TOKEN}") so the file can be
 * shared without it. It is a secret however written, so it goes into `secrets`
 * and is masked wherever it would show.
 */
export function expandToken(
  key: 'gateway' | 'metrics',
  token: string,
  env: Environment,
  place: () => Omit<ConfigProblem, 'message'>,
  problems: ConfigProblem[],
  secrets: Set<string>,
): string {
  const expanded = expandText(token, env, place, problems);
  // The schema checked the length of what was written; a value from the environment is checked here.
  if (expanded.length < 16 && expanded !== token) {
    problems.push({ ...place(), message: `the ${key} token from the environment has fewer than 16 characters: use a longer one` });
  }
  secrets.add(expanded);
  return expanded;
}
