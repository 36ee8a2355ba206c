import type { ConfigProblem } from '../../shared/contract/app.js';
import type { StackFileDraft } from '../../shared/contract/stackFileDraft.js';

/** "stack.yaml:12:5 probes.api.every: …", the way the config banner and the log name a problem. */
export function problemText(problem: ConfigProblem): string {
  const file = problem.file.split(/[\\/]/).pop() ?? problem.file;
  const where = [file, problem.line, problem.column].filter((part) => part !== undefined && part !== '').join(':');
  return `${where}${problem.key ? ` ${problem.key}` : ''}: ${problem.message}`;
}

/** Where line:column (1-based, as the loader counts) is in the text, to put the cursor on a problem. */
export function offsetOf(text: string, line: number, column = 1): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  return Math.min(offset + Math.max(0, column - 1), end === -1 ? text.length : end);
}

/** One line per thing the draft was written from, for the list above the text. */
export function foundLines(draft: StackFileDraft): string[] {
  const lines: string[] = [];
  for (const engine of draft.engines) {
    if (engine.status !== 'connected') {
      lines.push(`Docker ${engine.name}: ${engine.status}, so no containers are listed`);
      continue;
    }
    const projects = engine.projects.length ? `${count(engine.projects.length, 'compose project')} (${engine.projects.join(', ')})` : 'no compose project';
    const alone = engine.containers.length ? `${count(engine.containers.length, 'container')} on ${engine.containers.length === 1 ? 'its' : 'their'} own` : 'no container on its own';
    lines.push(`Docker ${engine.name}: ${projects}, ${alone}`);
  }
  if (draft.probes.length) lines.push(`Ports answering HTTP: ${draft.probes.join(', ')}`);
  for (const config of draft.mcpConfigs) {
    lines.push(config.use === 'included' ? `${config.app} ${config.path}: ${config.servers.join(', ')}` : `${config.app} ${config.path}: ${config.note ?? 'not included'}`);
  }
  if (!draft.mcpConfigs.some((c) => c.use === 'included')) lines.push('No Claude Desktop, Cursor or VS Code MCP config with servers was found');
  return lines;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
