import { commands, isCommandName, type CommandName, type ParamsOf, type ResultOf } from '../../shared/contract/index.js';
import { SwitchboardError, toErrorInfo, type ErrorInfo } from '../../shared/errors.js';
import { formatZodError } from './zodMessage.js';

export type CommandHandler<K extends CommandName> = (params: ParamsOf<K>) => Promise<ResultOf<K>> | ResultOf<K>;

export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: ErrorInfo };

/** Maps command names to handlers; validates params at the edge and never throws across it. */
export class CommandRegistry {
  private readonly handlers = new Map<string, (params: unknown) => unknown>();

  handle<K extends CommandName>(name: K, handler: CommandHandler<K>): void {
    if (this.handlers.has(name)) throw new Error(`command ${name} already has a handler`);
    this.handlers.set(name, handler as (params: unknown) => unknown);
  }

  has(name: string): boolean {
    return this.handlers.has(name);
  }

  async call(name: string, rawParams: unknown): Promise<CallOutcome> {
    if (!isCommandName(name)) {
      return { ok: false, error: { code: 'unknown_command', message: `unknown command "${name}"` } };
    }
    const handler = this.handlers.get(name);
    if (!handler) {
      return { ok: false, error: { code: 'unavailable', message: `command "${name}" is not available in this build` } };
    }
    const parsed = commands[name].params.safeParse(rawParams ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_params', message: `${name}: ${formatZodError(parsed.error)}` } };
    }
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      return { ok: false, error: toErrorInfo(err) };
    }
  }
}

export { SwitchboardError };
