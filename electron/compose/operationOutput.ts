import type { ComposeOperation, ComposeOutputLine, ComposeOutputSnapshot } from '../../shared/contract/compose.js';
import { Emitter } from '../base/emitter.js';

const keptLines = 1000;

/** The latest operation of each project and its output lines, for the progress panel (bounded). */
export class OperationOutput {
  /** A line of some project's operation, as it arrives. */
  readonly line = new Emitter<{ project: string; line: ComposeOutputLine }>();
  private readonly lines = new Map<string, ComposeOutputLine[]>();
  private readonly operations = new Map<string, ComposeOperation>();

  begin(project: string, operation: ComposeOperation): void {
    this.operations.set(project, operation);
    this.lines.set(project, []);
  }

  add(project: string, line: ComposeOutputLine): void {
    const kept = this.lines.get(project) ?? [];
    kept.push(line);
    if (kept.length > keptLines) kept.splice(0, kept.length - keptLines);
    this.lines.set(project, kept);
    this.line.emit({ project, line });
  }

  operation(project: string): ComposeOperation | undefined {
    return this.operations.get(project);
  }

  snapshot(project: string): ComposeOutputSnapshot {
    const operation = this.operations.get(project);
    return { project, lines: [...(this.lines.get(project) ?? [])], ...(operation ? { operation: { ...operation } } : {}) };
  }

  dispose(): void {
    this.line.dispose();
  }
}
