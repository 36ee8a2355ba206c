import { describe, expect, it } from 'vitest';
import { MASK } from '../../../electron/base/secrets/secretShapes.js';
import { SecretMasker } from '../../../electron/base/secrets/secretMasker.js';

const maskEnv = (env: Record<string, string>) => new SecretMasker().maskEnv(env);

describe('secret masking', () => {
  it('masks values of secret-looking keys and URL passwords, keeps the rest readable', () => {
    const env = {
      GITHUB_TOKEN: 'ghp_abcdef123456',
      OPENAI_API_KEY: 'sk-live-999',
      DB_PASSWORD: 'hunter22',
      DATABASE_URL: 'postgres://app:s3cr3tpw@127.0.0.1:5432/app',
      LOG_LEVEL: 'debug',
    };
    expect(maskEnv(env)).toEqual({
      GITHUB_TOKEN: MASK,
      OPENAI_API_KEY: MASK,
      DB_PASSWORD: MASK,
      DATABASE_URL: `postgres://app:${MASK}@127.0.0.1:5432/app`,
      LOG_LEVEL: 'debug',
    });
  });

  it('scrubs secret values out of free text such as stderr lines', () => {
    const masker = new SecretMasker().withEnv({ API_TOKEN: 'tok-12345', DATABASE_URL: 'postgres://u:pw-777@h/db', MODE: 'fast' });
    expect(masker.mask('auth failed for tok-12345 at postgres://u:pw-777@h/db (fast mode)')).toBe(
      `auth failed for ${MASK} at postgres://u:${MASK}@h/db (fast mode)`,
    );
  });
});
