import { describe, expect, it } from 'vitest';
import { loadStackText } from '../../../electron/config/loadStackFile.js';

describe('gateway.token in the stack file', () => {
  const text = 'gateway:\n  port: 7421\n  token: "${SWITCHBOARD_GATEWAY_TOKEN}"\n';

  it('is expanded from the environment and kept as a secret', async () => {
    const load = await loadStackText(text, '/tmp/stack.yaml', { env: { SWITCHBOARD_GATEWAY_TOKEN: 'a-token-of-32-characters-0123456' } });
    expect(load.ok && load.config.gateway?.token).toBe('a-token-of-32-characters-0123456');
    expect(load.ok && load.secrets).toContain('a-token-of-32-characters-0123456');
  });

  it('is a problem at its line when the variable is unset, or too short', async () => {
    const unset = await loadStackText(text, '/tmp/stack.yaml', { env: {} });
    expect(unset.ok ? [] : unset.problems.map((p) => `${p.line}:${p.key} ${p.message}`)).toEqual([expect.stringMatching(/^3:gateway\.token \$\{SWITCHBOARD_GATEWAY_TOKEN\} is not set/)]);
    const short = await loadStackText(text, '/tmp/stack.yaml', { env: { SWITCHBOARD_GATEWAY_TOKEN: 'short' } });
    expect(short.ok ? [] : short.problems.map((p) => p.message)).toEqual([expect.stringMatching(/fewer than 16 characters/)]);
  });
});
