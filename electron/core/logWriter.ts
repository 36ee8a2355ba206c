import type { LogInput } from '../../shared/contract/logs.js';

/** What a service needs of the log hub: somewhere to write lines. */
export interface LogWriter {
  write(line: LogInput): void;
}

/** For services run without a hub (unit tests, benchmarks): lines go nowhere on purpose. */
export const discardLogs: LogWriter = { write() {} };
