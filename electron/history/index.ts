// History as the composition root sees it: others receive its service, never its files.
export { registerHistory, type HistoryDependencies } from './register.js';
export type { HistoryService } from './historyService.js';
export type { EvidenceLines } from './historyRecorder.js';
export { defaultDataFolder } from './dataFolder.js';
