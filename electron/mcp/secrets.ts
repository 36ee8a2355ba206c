/**
 * Secret masking: values of secret-looking env keys never reach the screen,
 * the log hub or an error message. Keys are judged by name; URL passwords
 * ("postgres://user:pw@host") are masked whatever the key.
 */
const secretKey = /(secret|token|passw(or)?d|pwd|api[_-]?key|apikey|auth|credential|private[_-]?key|access[_-]?key|session|cookie|signature|salt)/i;
const urlPassword = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@/\s]+)(@)/gi;

export const MASK = '••••••';

export function isSecretKey(key: string): boolean {
  return secretKey.test(key);
}

/** The env as it may be shown: secret values replaced, URL passwords hidden. */
export function maskEnv(env: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    out[key] = isSecretKey(key) && value !== '' ? MASK : value.replace(urlPassword, `$1${MASK}$3`);
  }
  return out;
}

/** Scrubs known secret values out of free text (stderr lines, reasons, selfcheck output). */
export class SecretMasker {
  private readonly secrets: string[];

  constructor(env: Record<string, string>) {
    const values = new Set<string>();
    for (const [key, value] of Object.entries(env)) {
      // very short values would mask ordinary words, so they are only hidden in the env view
      if (isSecretKey(key) && value.length >= 4) values.add(value);
      for (const match of value.matchAll(urlPassword)) if (match[2] && match[2].length >= 3) values.add(match[2]);
    }
    // longest first, so a secret that contains another is replaced whole
    this.secrets = [...values].sort((a, b) => b.length - a.length);
  }

  mask(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out.replace(urlPassword, `$1${MASK}$3`);
  }
}
