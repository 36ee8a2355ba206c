import type { z } from 'zod';
import type { CommandDef, TopicDef } from './define.js';
import { appCommands, appTopics } from './app.js';
import { containersCommands, containersTopics } from './containers.js';
import { mcpCommands, mcpTopics } from './mcp.js';
import { probesTopics } from './probes.js';
import { benchmarkCommands, benchmarkTopics } from './benchmark.js';
import { cacheCommands, cacheTopics } from './cache.js';
import { logsCommands, logsTopics } from './logs.js';
import { terminalsCommands, terminalsTopics } from './terminals.js';
import { stackFileDraftCommands } from './stackFileDraft.js';
import { alertsCommands, alertsTopics } from './alerts.js';
import { gatewayTopics } from './gateway.js';
import { prometheusCommands } from './prometheus.js';
import { historyCommands, historyTopics } from './history.js';
import { composeCommands, composeTopics } from './compose.js';
import { swarmCommands, swarmTopics } from './swarm.js';

/** Every command the renderer may call; main validates params against these schemas. */
export const commands = {
  ...appCommands,
  ...containersCommands,
  ...mcpCommands,
  ...benchmarkCommands,
  ...cacheCommands,
  ...logsCommands,
  ...terminalsCommands,
  ...stackFileDraftCommands,
  ...alertsCommands,
  ...prometheusCommands,
  ...historyCommands,
  ...composeCommands,
  ...swarmCommands,
};

/** Every stream the renderer may subscribe to. */
export const topics = {
  ...appTopics,
  ...containersTopics,
  ...mcpTopics,
  ...probesTopics,
  ...benchmarkTopics,
  ...cacheTopics,
  ...logsTopics,
  ...alertsTopics,
  ...gatewayTopics,
  ...historyTopics,
  ...composeTopics,
  ...swarmTopics,
  ...terminalsTopics,
};

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type ParamsIn<K extends CommandName> = z.input<Commands[K]['params']>;
export type ParamsOf<K extends CommandName> = z.output<Commands[K]['params']>;
export type ResultOf<K extends CommandName> = Commands[K] extends CommandDef<z.ZodType, infer R> ? R : never;

export type Topics = typeof topics;
export type TopicName = keyof Topics;
export type TopicParamsIn<K extends TopicName> = z.input<Topics[K]['params']>;
export type TopicParamsOf<K extends TopicName> = z.output<Topics[K]['params']>;
export type SnapshotOf<K extends TopicName> = Topics[K] extends TopicDef<z.ZodType, infer S, infer _I> ? S : never;
export type ItemOf<K extends TopicName> = Topics[K] extends TopicDef<z.ZodType, infer _S, infer I> ? I : never;
export type ModeOf<K extends TopicName> = Topics[K]['mode'];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}

export function isTopicName(name: string): name is TopicName {
  return Object.prototype.hasOwnProperty.call(topics, name);
}
