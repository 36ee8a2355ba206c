import { afterAll, describe, expect, it } from 'vitest';
import { registerDocker } from '../../../electron/docker/index.js';
import { SecretMasker } from '../../../electron/base/secrets/secretMasker.js';
import type { ContainerLogPage } from '../../../shared/contract/containers.js';
import { fakeAppContext } from '../../support/appContext.js';
import { TestContainers } from '../../support/docker/testContainers.js';
import { waitFor } from '../../support/waitFor.js';

describe("a container's log lines are masked before anyone sees them", { timeout: 120_000 }, () => {
  const tc = new TestContainers();
  afterAll(() => tc.removeAll());

  it('hides a URL password and a value the stack file took from the environment, followed and paged back alike', async () => {
    const project = `${tc.prefix}-masked`;
    const fromEnv = 'env-token-31337-zz';
    const ctx = fakeAppContext({ docker: { project } }, { secrets: new SecretMasker().remember([fromEnv]) });
    registerDocker(ctx);
    const script = `echo "connecting to postgres://app:s3cr3t-pw-42@db:5432/app"; echo "token ${fromEnv} accepted"; echo "plain line"; sleep 60`;
    const c = await tc.run({ image: 'busybox', name: 'leaky', project, service: 'leaky', cmd: ['sh', '-c', script] });
    const source = `container:${c.name}`;
    await waitFor('the three lines in the hub', () => ctx.lines.filter((l) => l.source === source).length >= 3);
    const followed = ctx.lines.filter((l) => l.source === source).map((l) => l.text);
    expect(followed).toContain('plain line');
    expect(followed.join('\n')).not.toMatch(/s3cr3t-pw-42|env-token-31337-zz/);
    expect(followed.some((t) => t.startsWith('connecting to postgres://app:'))).toBe(true);

    const outcome = await ctx.commands.call('containers.logHistory', { id: c.name, until: Date.now() + 1000, count: 10 });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const page = outcome.value as ContainerLogPage;
    const paged = page.lines.map((l) => l.text);
    expect(paged).toContain('plain line');
    expect(paged.join('\n')).not.toMatch(/s3cr3t-pw-42|env-token-31337-zz/);
    await ctx.disposables.disposeAsync();
  });
});
