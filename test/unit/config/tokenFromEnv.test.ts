import { describe, expect, it } from 'vitest';
import { loadStackText } from '../../../electron/config/loadStackFile.js';

describe.each([
  { key: 'gateway', variable: 'SWITCHBOARD_GATEWAY_TOKEN', port: 7421 },
  { key: 'metrics', variable: 'SWITCHBOARD_METRICS_TOKEN', port: 7422 },
] as const)('$key.token in the stack file', ({ key, variable, port }) => {
  const text = `${key}:\n  port: ${port}\n  token: "\${${variable}}"\n`;
  const tokenOf = (load: Awaited<ReturnType<typeof loadStackText>>) => (load.ok ? load.config[key]?.token : undefined);

  it('is expanded from the environment and kept as a secret', async () => {
    const load = await loadStackText(text, '/tmp/stack.yaml', { env: { [variable]: 'a-token-of-32-characters-0123456' } });
    expect(tokenOf(load)).toBe('a-token-of-32-characters-0123456');
    expect(load.ok && load.secrets).toContain('a-token-of-32-characters-0123456');
  });

  it('is a problem at its line when the variable is unset, or too short', async () => {
    const unset = await loadStackText(text, '/tmp/stack.yaml', { env: {} });
    expect(unset.ok ? [] : unset.problems.map((p) => `${p.line}:${p.key} ${p.message}`)).toEqual([
      expect.stringMatching(new RegExp(`^3:${key}\\.token \\$\\{${variable}\\} is not set`)),
    ]);
    const short = await loadStackText(text, '/tmp/stack.yaml', { env: { [variable]: 'short' } });
    expect(short.ok ? [] : short.problems.map((p) => p.message)).toEqual([`the ${key} token from the environment has fewer than 16 characters: use a longer one`]);
  });

  it('written out, is used as written and still kept as a secret', async () => {
    const load = await loadStackText(`${key}:\n  token: "written-out-token-0123456789"\n`, '/tmp/stack.yaml', { env: {} });
    expect(tokenOf(load)).toBe('written-out-token-0123456789');
    expect(load.ok && load.secrets).toContain('written-out-token-0123456789');
  });
});
