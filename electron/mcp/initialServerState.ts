import type { McpServerConfig } from '../base/stackFile/mcp.js';
import type { McpServerState } from '../../shared/contract/mcp.js';
import type { SecretMasker } from '../base/secrets/secretMasker.js';

/** A configured server before its first start: stopped, with its command line and env masked for the screen. */
export function initialServerState(name: string, config: McpServerConfig, masker: SecretMasker, now: number): McpServerState {
  return {
    name,
    status: 'stopped',
    reason: config.autostart ? 'not started yet' : 'autostart is off — press Start',
    since: now,
    failures: 0,
    restartPolicy: config.restart,
    command: masker.mask(config.command),
    args: masker.maskArgs(config.args),
    env: masker.maskEnv(config.env),
    hasSelfcheck: (config.selfcheck?.length ?? 0) > 0,
    tools: [],
    resources: [],
    prompts: [],
    stderrTail: [],
  };
}
