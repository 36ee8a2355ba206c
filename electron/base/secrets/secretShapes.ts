import { isSecretKey, mayNameSecret } from './secretKeys.js';

/**
 * Secrets recognised by their shape, with nobody saying what they are: the
 * password of a URL, the value after --token or password=. One mask for all.
 */
export const MASK = '••••••••';

/** scheme://user:password@host; the password runs to the last @ before the host, in case it holds an unescaped one. */
const urlPassword = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s/]+)@/gi;

/** "redis://:pw@h" → "redis://:••••••••@h", every URL in the text, in a sentence or alone. */
export function maskUrlPasswords(text: string): string {
  return text.includes('://') ? text.replace(urlPassword, `$1${MASK}@`) : text;
}

/** The passwords of the URLs in a text, to be looked for elsewhere too (a server echoing its DATABASE_URL's password). */
export function urlPasswords(text: string): string[] {
  return text.includes('://') ? [...text.matchAll(urlPassword)].map((match) => match[2]!) : [];
}

/** A flag on its own, whose value is the next argument: --token, -password. */
const flagAlone = /^--?([A-Za-z][\w.-]*)$/;
/** name=value and --name=value; the value stops where a query string or a list goes on. */
const namedValue = /([A-Za-z][\w.-]*)=([^\s;&,"']+)/g;
/** --name value in a line of text: only after a space or the start, so "re-auth failed" is no flag. */
const flagValue = /(?<=^|[\s"'([])(--?([A-Za-z][\w.-]*)[ \t]+)(?!-)([^\s"']+)/g;

/** "--token abc", "--password=x", "GITHUB_TOKEN=ghp_…", "?token=abc&" with the value masked; other pairs as they are. */
export function maskSecretPairs(text: string): string {
  // A pair needs "=" or a flag: checking for those first spares most log text the case-blind search for secret words.
  if (!(text.includes('=') || mayHoldFlag(text)) || !mayNameSecret.test(text)) return text;
  let out = text.includes('=') ? text.replace(namedValue, (whole, name: string) => (isSecretKey(name) ? `${name}=${MASK}` : whole)) : text;
  if (out.includes('-')) out = out.replace(flagValue, (whole, flag: string, name: string) => (isSecretKey(name) ? `${flag}${MASK}` : whole));
  return out;
}

/** Whether a "-" stands where `flagValue` could start a flag: at the start, or after a space, quote or bracket (a date's "2026-11" is none). */
function mayHoldFlag(text: string): boolean {
  for (let i = text.indexOf('-'); i !== -1; i = text.indexOf('-', i + 1)) {
    if (i === 0) return true;
    const c = text.charCodeAt(i - 1);
    if (c === 32 || (c >= 9 && c <= 13) || c === 34 || c === 39 || c === 40 || c === 91) return true;
    if (c > 127 && /\s/.test(text.charAt(i - 1))) return true;
  }
  return false;
}

/** An argument list with the value after each secret flag masked (["--token", "abc"]), and each argument's own pairs. */
export function maskSecretArgs(args: readonly string[]): string[] {
  return args.map((arg, index) => {
    const before = index > 0 ? flagAlone.exec(args[index - 1]!) : null;
    if (before && isSecretKey(before[1]!) && !arg.startsWith('-')) return MASK;
    return maskSecretPairs(arg);
  });
}
