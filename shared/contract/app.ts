import { z } from 'zod';
import { command, stateTopic } from './define.js';

export interface ConfigProblem {
  file: string;
  line?: number;
  column?: number;
  /** Dotted path of the offending key, e.g. "probes.backend-health.every". */
  key?: string;
  message: string;
}

export interface ConfigStatus {
  /** The file in use, or "built-in demo stack". */
  source: string;
  isDemo: boolean;
  stackName: string;
  loadedAt: number;
  /** Set when the file on disk is invalid; the app keeps running on the last good config (or on nothing). */
  problem?: ConfigProblem;
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  platform: string;
  /** For the demo stack: the folder with the demo wrapper's files. */
  demoDir?: string;
}

export const appTopics = {
  config: stateTopic<ConfigStatus>()(z.strictObject({}).prefault({})),
};

export const appCommands = {
  'app.info': command<AppInfo>()(z.strictObject({}).prefault({})),
  'config.reload': command<ConfigStatus>()(z.strictObject({}).prefault({})),
};
