import { useTopicState } from '../client/hooks.js';
import { ErrorBanner } from '../components/ErrorBanner.js';

/** A broken stack file is shown where nobody can miss it; the app keeps running on the last good one. */
export function ConfigBanner() {
  const { data } = useTopicState('config');
  const problem = data?.problem;
  if (!problem) return null;
  const where = [problem.file, problem.line, problem.column].filter((p) => p !== undefined).join(':');
  return (
    <ErrorBanner title={`Stack file has a problem — ${data?.loadedAt ? 'running on the last good config' : 'running on nothing until it is fixed'}`}>
      <code>
        {where}
        {problem.key ? ` ${problem.key}` : ''}: {problem.message}
      </code>
    </ErrorBanner>
  );
}
