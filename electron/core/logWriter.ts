import type { LogInput } from '../../shared/contract/logs.js';

/** What a service needs of the log hub: somewhere to write lines. */
export interface LogWriter {
  write(line: LogInput): void;
  /**
   * The source is gone for good (a removed container): the hub keeps its
   * lines a while for a look after the fact, then lets them go, so a machine
   * that creates and removes containers all day does not grow without bound.
   */
  retire?(source: string): void;
}

/** For services run without a hub (unit tests, benchmarks): lines go nowhere on purpose. */
export const discardLogs: LogWriter = { write() {} };
