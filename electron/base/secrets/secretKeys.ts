/**
 * Which names hold secrets: env keys, flags (--api-key) and key=value pairs
 * are judged by the words of their name, so KEYBOARD_LAYOUT and AUTHOR stay
 * readable while API_KEY, apiKey, SENTRY_DSN and PGPASSWORD are hidden.
 */

/** A word that makes any name secret wherever it stands: SESSION_ID, PRIVATE_KEY_PATH, BASIC_AUTH. */
const secretWords = new Set([
  'SECRET', 'SECRETS', 'TOKEN', 'PASS', 'PASSWORD', 'PASSWORDS', 'PASSWD', 'PWD', 'PASSPHRASE', 'DSN',
  'SESSION', 'COOKIE', 'COOKIES', 'SALT', 'CREDENTIAL', 'CREDENTIALS', 'CREDS',
  'AUTH', 'AUTHORIZATION', 'OAUTH', 'PRIVATE', 'SIGNATURE',
]);

/** Words run together with the secret part last: AUTHTOKEN, CLIENTSECRET, PGPASSWORD, DBPWD. */
const secretEnding = /(TOKEN|SECRET|PASSWORD|PASSWD|PWD)$/;

/** A name that ends in a key is one (API_KEY, APIKEY, SIGNING_KEY); KEY_FILE is where one lies. */
const keyEnding = /KEY$/;

/** Keys named for what they open: AWS_ACCESS_KEY_ID is as sensitive as the key itself. */
const keyPhrase = /(^|_)(API|ACCESS|PRIVATE|SECRET)_KEY(_|$)/;

/** Connection strings carry a password, in a URL or not ("Server=db;Password=x"). */
const connectionString = /(^|_)(CONN(ECTION)?_?STR(ING)?|DATABASE_URL)$/;

/** The shell's working folder, not a password. */
const notSecret = new Set(['PWD', 'OLDPWD']);

/** The words of a name: "apiKey" and "api-key" both give API_KEY. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/** Every secret name holds one of these: text without any has no secret pair, and skips the slower search (log lines). */
export const mayNameSecret = /key|token|secret|pass|pwd|dsn|session|cookie|salt|cred|auth|private|signature|conn|database/i;

export function isSecretKey(name: string): boolean {
  const words = wordsOf(name);
  const joined = words.join('_');
  if (words.length === 0 || notSecret.has(joined)) return false;
  if (words.some((word) => secretWords.has(word) || secretEnding.test(word))) return true;
  return keyEnding.test(words.at(-1)!) || keyPhrase.test(joined) || connectionString.test(joined);
}

/** Variables every shell has: their values are folders and names, and masking them would blank every path. */
const everydayVariables = new Set(['HOME', 'USER', 'USERNAME', 'LOGNAME', 'PATH', 'PWD', 'OLDPWD', 'SHELL', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'TERM']);

/**
 * Whether a value the stack file took from the environment (${VAR}) is kept
 * secret: every one is, whatever the variable's name, since the operator kept
 * it out of the file, except the everyday ones above (and XDG_*, LC_*).
 */
export function isSecretExpansion(variable: string, value: string): boolean {
  if (value === '') return false;
  return !everydayVariables.has(variable) && !/^(XDG|LC)_/.test(variable);
}
