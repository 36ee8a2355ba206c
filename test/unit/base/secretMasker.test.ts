import { describe, expect, it } from 'vitest';
import { isSecretExpansion, isSecretKey } from '../../../electron/base/secrets/secretKeys.js';
import { MASK, maskSecretArgs, maskSecretPairs, maskUrlPasswords } from '../../../electron/base/secrets/secretShapes.js';
import { SecretMasker } from '../../../electron/base/secrets/secretMasker.js';

describe('which env keys are secret', () => {
  const secret = [
    'GITHUB_TOKEN', 'SLACK_BOT_TOKEN', 'AWS_SESSION_TOKEN', 'githubToken', 'AUTHTOKEN',
    'OPENAI_API_KEY', 'apiKey', 'api-key', 'APIKEY', 'MASTERKEY', 'KEY', 'SIGNING_KEY', 'AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'ACCESS_KEY',
    'JWT_SECRET', 'clientSecret', 'SECRET_KEY_BASE', 'SECRETS',
    'DB_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'PGPASSWORD', 'REDIS_PASSWD', 'DB_PWD', 'PASS', 'SMTP_PASS', 'PASSPHRASE', 'x.password',
    'SENTRY_DSN', 'DSN',
    'SESSION_SECRET', 'SESSION', 'SESSION_ID', 'COOKIE_SECRET', 'COOKIE', 'PASSWORD_SALT', 'SALT',
    'GOOGLE_APPLICATION_CREDENTIALS', 'AWS_CREDENTIAL', 'CREDS',
    'NPM_AUTH', 'AUTH', 'BASIC_AUTH', 'AUTHORIZATION', 'OAUTH_CLIENT', 'GITHUB_AUTH',
    'PRIVATE_KEY', 'SSH_PRIVATE_KEY_PATH', 'WEBHOOK_SIGNATURE',
    'CONNECTION_STRING', 'DB_CONN_STR', 'DATABASE_URL',
  ];
  const harmless = [
    'PATH', 'HOME', 'PWD', 'OLDPWD', 'PORT', 'NODE_ENV', 'LOG_LEVEL', 'KEYBOARD', 'KEYBOARD_LAYOUT', 'AUTHOR', 'AUTHOR_NAME', 'MAX_TOKENS',
    'REDIS_URL', 'LANG', 'TZ', 'HOSTNAME', 'USER', 'BYPASS_CACHE', 'PASSENGER_APP_ENV', 'MEMORY_FILE_PATH', 'MODE',
  ];

  it.each(secret)('%s is secret', (key) => expect(isSecretKey(key)).toBe(true));
  it.each(harmless)('%s is not', (key) => expect(isSecretKey(key)).toBe(false));
});

describe('which expanded ${VAR} values are secret', () => {
  it('every one, whatever its name, except the places every shell has and empty values', () => {
    expect(isSecretExpansion('SECRET_TOKEN', 'tok-1')).toBe(true);
    expect(isSecretExpansion('UPSTREAM', 'https://internal.example/x')).toBe(true);
    expect(isSecretExpansion('PORT', '8080')).toBe(true);
    for (const name of ['HOME', 'USER', 'PATH', 'PWD', 'TMPDIR', 'XDG_CONFIG_HOME']) expect(isSecretExpansion(name, '/somewhere')).toBe(false);
    expect(isSecretExpansion('SECRET_TOKEN', '')).toBe(false);
  });
});

describe('URL passwords', () => {
  it.each([
    ['https://user:pass@host/x', `https://user:${MASK}@host/x`],
    ['redis://:pw@127.0.0.1:6379', `redis://:${MASK}@127.0.0.1:6379`],
    ['rediss://default:pw@cache:6380/0', `rediss://default:${MASK}@cache:6380/0`],
    ['postgres://app:s3cr3t@db:5432/app?sslmode=require', `postgres://app:${MASK}@db:5432/app?sslmode=require`],
    ['mongodb+srv://u:p@ss@cluster0/x', `mongodb+srv://u:${MASK}@cluster0/x`],
    ['amqp://guest:guest@rabbit:5672', `amqp://guest:${MASK}@rabbit:5672`],
  ])('%s', (url, shown) => expect(maskUrlPasswords(url)).toBe(shown));

  it('inside sentences, every URL of the line', () => {
    expect(maskUrlPasswords('GET https://u:p4ss@127.0.0.1:9/health: ECONNREFUSED (was redis://:pw@h:1 before)')).toBe(
      `GET https://u:${MASK}@127.0.0.1:9/health: ECONNREFUSED (was redis://:${MASK}@h:1 before)`,
    );
  });

  it('leaves URLs without a password alone', () => {
    for (const text of ['http://127.0.0.1:8080/health', 'https://user@host/x', 'see http://host:8080/@scope/pkg', 'mailto a@b']) {
      expect(maskUrlPasswords(text)).toBe(text);
    }
  });
});

describe('argument and key=value pairs', () => {
  it('masks the value after a secret flag in an argument list', () => {
    expect(maskSecretArgs(['--token', 'abc', '--port', '8080'])).toEqual(['--token', MASK, '--port', '8080']);
    expect(maskSecretArgs(['--password=hunter2', '-v'])).toEqual([`--password=${MASK}`, '-v']);
    expect(maskSecretArgs(['--api-key', 'k1', 'run'])).toEqual(['--api-key', MASK, 'run']);
    expect(maskSecretArgs(['serve', '--token'])).toEqual(['serve', '--token']);
    expect(maskSecretArgs(['--token', '--verbose'])).toEqual(['--token', '--verbose']);
  });

  it('masks them in a line of text', () => {
    expect(maskSecretPairs('node server.js --token abc --port 8080')).toBe(`node server.js --token ${MASK} --port 8080`);
    expect(maskSecretPairs('mysql --password=hunter2 -u root')).toBe(`mysql --password=${MASK} -u root`);
    expect(maskSecretPairs('GITHUB_TOKEN=ghp_x LOG_LEVEL=debug')).toBe(`GITHUB_TOKEN=${MASK} LOG_LEVEL=debug`);
    expect(maskSecretPairs('GET /health?token=abc&x=1')).toBe(`GET /health?token=${MASK}&x=1`);
    expect(maskSecretPairs('java -Dpassword=x -jar app.jar')).toBe(`java -Dpassword=${MASK} -jar app.jar`);
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['re-auth failed for user bob', 'listening --port 8080', 'keyboard=us', 'took 12 ms', 'a - token b']) {
      expect(maskSecretPairs(text)).toBe(text);
    }
  });
});

describe('the masker', () => {
  it('replaces a remembered value wherever it appears, and knows the shapes without being told', () => {
    const masker = new SecretMasker().remember(['tok-from-env-1234']);
    expect(masker.mask('auth failed: tok-from-env-1234 was rejected')).toBe(`auth failed: ${MASK} was rejected`);
    expect(masker.mask('https://api.example/x?k=tok-from-env-1234')).toBe(`https://api.example/x?k=${MASK}`);
    expect(masker.mask('redis://:pw@h:1 and --secret s')).toBe(`redis://:${MASK}@h:1 and --secret ${MASK}`);
    expect(masker.maskArgs(['serve', 'tok-from-env-1234', '--prefix=tok-from-env-1234'])).toEqual(['serve', MASK, `--prefix=${MASK}`]);
  });

  it('masks short values and small numbers only where they are shown whole', () => {
    const masker = new SecretMasker().remember(['abc', '8080', '12345678']);
    expect(masker.mask('abc')).toBe(MASK);
    expect(masker.mask('xabcx took 3 ms')).toBe('xabcx took 3 ms');
    expect(masker.maskArgs(['--port', '8080'])).toEqual(['--port', MASK]);
    expect(masker.mask('http://127.0.0.1:8080/health')).toBe('http://127.0.0.1:8080/health');
    expect(masker.mask('pin 12345678 rejected')).toBe(`pin ${MASK} rejected`);
  });

  it('does not take switches or a server\'s short env values for secrets beyond its env', () => {
    const masker = new SecretMasker().withEnv({ AUTH_ENABLED: 'true', SESSION_COOKIE_SECURE: 'false', SESSION_TIMEOUT: '30' });
    expect(masker.mask('secure=false, cache=true')).toBe('secure=false, cache=true');
    expect(masker.maskArgs(['--retries', '30'])).toEqual(['--retries', '30']);
    expect(masker.maskEnv({ SESSION_TIMEOUT: '30' })).toEqual({ SESSION_TIMEOUT: MASK });
  });

  it('replaces the longest value first', () => {
    const masker = new SecretMasker().remember(['secret', 'secret-longer']);
    expect(masker.mask('got secret-longer')).toBe(`got ${MASK}`);
  });

  it('shows an env with secret keys masked, URL passwords hidden and remembered values gone', () => {
    const masker = new SecretMasker().remember(['upstream-secret']);
    expect(
      masker.maskEnv({
        GITHUB_TOKEN: 'ghp_abcdef123456',
        DATABASE_URL: 'postgres://app:s3cr3tpw@127.0.0.1:5432/app',
        UPSTREAM: 'upstream-secret',
        EMPTY_TOKEN: '',
        LOG_LEVEL: 'debug',
      }),
    ).toEqual({ GITHUB_TOKEN: MASK, DATABASE_URL: `postgres://app:${MASK}@127.0.0.1:5432/app`, UPSTREAM: MASK, EMPTY_TOKEN: '', LOG_LEVEL: 'debug' });
  });

  it('a masker for one server also knows its env secrets, and what the app learns later', () => {
    const app = new SecretMasker();
    const server = app.withEnv({ API_TOKEN: 'tok-12345', DATABASE_URL: 'postgres://u:pw-777@h/db', MODE: 'fast' });
    app.remember(['learned-after-9']);
    expect(server.mask('auth failed for tok-12345 with pw-777 and learned-after-9 (fast mode)')).toBe(`auth failed for ${MASK} with ${MASK} and ${MASK} (fast mode)`);
    expect(app.mask('tok-12345')).toBe('tok-12345');
  });

  it('masks a batch of lines exactly as it masks each line alone', () => {
    const app = new SecretMasker().remember(['tok-from-env-1234', 'abc', '12345678', 'two\nlines']);
    const server = app.withEnv({ API_TOKEN: 'tok-12345', DATABASE_URL: 'postgres://u:pw-777@h/db', SHORT: 'xy' });
    const lines = [
      'plain line with nothing to hide',
      '--token abc123 at the start of a line',
      'abc',
      'xabcx took 3 ms',
      'connect redis://:pw@h:1 failed; retry postgres://u:pw-777@h/db',
      'GITHUB_TOKEN=ghp_x and ?token=abc&x=1 and secure=false',
      '',
      '   ',
      'pin 12345678 rejected, api tok-12345 / tok-from-env-1234',
      're-auth failed --password=hunter2',
      'tail ends with a secret flag --secret',
      'value on the next line',
    ];
    for (const masker of [app, server]) expect(masker.maskLines(lines)).toEqual(lines.map((line) => masker.mask(line)));
    for (const masker of [app, server]) expect(masker.maskBlock(lines)).toBe(lines.map((line) => masker.mask(line)).join('\n'));
    // A remembered value spanning two lines is not one per-line masking would see either: the same answer, line by line.
    expect(app.maskLines(['one two', 'lines here'])).toEqual(['one two', 'lines here']);
    expect(app.maskBlock(['one two', 'lines here'])).toBe('one two\nlines here');
  });
});
