import { commands, isCommandName, type CommandName, type ParamsOf, type ResultOf } from '../../shared/contract/index.js';
import { SwitchboardError, toErrorInfo, type ErrorInfo } from '../../shared/errors.js';
import { toDisposable, type Disposable, type DisposableStore } from '../base/disposable.js';
import { formatZodError } from './zodMessage.js';

export type CommandHandler<K extends CommandName> = (params: ParamsOf<K>) => Promise<ResultOf<K>> | ResultOf<K>;

export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: ErrorInfo };

/** What a capability registers its handlers with (VS Code's registerCommand): disposing the result takes the handler away. */
export interface CommandRegistrar {
  handle<K extends CommandName>(name: K, handler: CommandHandler<K>): Disposable;
}

/** Maps command names to handlers; validates params at the edge and never throws across it. */
export class CommandRegistry implements CommandRegistrar {
  private readonly handlers = new Map<string, (params: unknown) => unknown>();

  handle<K extends CommandName>(name: K, handler: CommandHandler<K>): Disposable {
    if (this.handlers.has(name)) throw new Error(`command ${name} already has a handler`);
    const registered = handler as (params: unknown) => unknown;
    this.handlers.set(name, registered);
    return toDisposable(() => {
      if (this.handlers.get(name) === registered) this.handlers.delete(name);
    });
  }

  /** A registrar whose every registration `owner` disposes: a capability cannot forget one. */
  ownedBy(owner: DisposableStore): CommandRegistrar {
    return { handle: (name, handler) => owner.add(this.handle(name, handler)) };
  }

  has(name: string): boolean {
    return this.handlers.has(name);
  }

  /** The commands that have a handler now, in registration order. */
  names(): string[] {
    return [...this.handlers.keys()];
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
