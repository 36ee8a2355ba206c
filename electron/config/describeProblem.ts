import type { ConfigProblem } from '../../shared/contract/app.js';

/** One line for logs and terminals: `stack.yaml:12:5 probes.backend-health.every: "5 sec" is not a duration: …`. */
export function describeProblem(problem: ConfigProblem): string {
  const where = [problem.file, problem.line, problem.line !== undefined ? problem.column : undefined]
    .filter((part) => part !== undefined && part !== '')
    .join(':');
  const key = problem.key ? `${problem.key}: ` : '';
  return `${where ? `${where} ` : ''}${key}${problem.message}`;
}
