import { isSecretKey } from './secretKeys.js';
import { MASK, maskSecretArgs, maskSecretPairs, maskUrlPasswords, urlPasswords } from './secretShapes.js';

/** Below this a value would mask ordinary words ("abc") and numbers below a million would mask ports and counts: those are hidden only where shown whole. */
const minScrubbedLength = 4;
const minScrubbedDigits = 6;

/** Switches, not secrets (AUTH_ENABLED=true): remembering them would blank every "true" in a log. */
const setting = /^(true|false|yes|no|on|off|null|none|enabled|disabled)$/i;

function scrubbable(value: string): boolean {
  return /^\d+$/.test(value) ? value.length >= minScrubbedDigits : value.length >= minScrubbedLength;
}

/** What of an env entry is secret: a URL's password (DATABASE_URL's host and database are worth reading), else a secret key's whole value. */
function secretPartsOf(key: string, value: string): string[] {
  const passwords = urlPasswords(value);
  if (passwords.length > 0) return passwords;
  return isSecretKey(key) ? [value] : [];
}

/**
 * The one place that decides what a shown or logged string may say. It knows
 * secrets by shape (URL passwords, --token x, PASSWORD=x) and by value: the
 * values the stack file took from the environment, and a server's or
 * container's secret env values. Every layer that shows or logs a value passes
 * it through here.
 */
export class SecretMasker {
  private readonly known = new Set<string>();
  /** Lengths of the known values: most lines are ruled out by length before a string hash is taken. */
  private readonly knownLengths = new Set<number>();
  /** Longest first, so a secret that contains another is replaced whole. */
  private scrubbed: string[] = [];

  /** `parent`'s values count here too, including those it learns later. */
  constructor(private readonly parent?: SecretMasker) {}

  /** Values to hide from now on (a loaded stack's expanded ${VAR}s); returns itself. */
  remember(values: Iterable<string>): this {
    let added = false;
    for (const value of values) {
      if (value === '' || setting.test(value) || this.known.has(value)) continue;
      this.known.add(value);
      this.knownLengths.add(value.length);
      added = true;
    }
    if (added) this.scrubbed = [...this.known].filter(scrubbable).sort((a, b) => b.length - a.length);
    return this;
  }

  /**
   * A masker for one server or container: it also hides the values of its env's
   * secret keys and URL passwords; short ones (SESSION_TIMEOUT=30) only in the env view, so "30" stays readable elsewhere.
   */
  withEnv(env: Readonly<Record<string, string>>): SecretMasker {
    return new SecretMasker(this).remember(Object.entries(env).flatMap(([key, value]) => secretPartsOf(key, value)).filter(scrubbable));
  }

  mask(text: string): string {
    if (text === '') return text;
    if (this.isKnown(text)) return MASK;
    return maskSecretPairs(maskUrlPasswords(this.scrub(text)));
  }

  /**
   * Many lines at once, as `mask` would mask each: the shapes never span a
   * line break, so one pass over the joined block finds the same secrets with
   * a few regex calls instead of a few per line (a flooding server's stderr).
   */
  maskLines(lines: readonly string[]): string[] {
    const block = lines.join('\n');
    const masked = maskSecretPairs(maskUrlPasswords(this.scrub(block)));
    const out = masked === block ? [...lines] : masked.split('\n');
    // A remembered value that spans lines changed the count: mask line by line instead.
    if (out.length !== lines.length) return lines.map((line) => this.mask(line));
    for (let i = 0; i < lines.length; i++) if (lines[i] !== '' && this.isKnown(lines[i]!)) out[i] = MASK;
    return out;
  }

  /**
   * Many lines as one text joined by newlines, each line masked as `mask`
   * would mask it: one pass of each shape over the whole block (a flooding
   * server's pipe read) instead of a split and a copy of every line. Line by
   * line only when a line is a remembered value whole, or a remembered value
   * spans lines. `joined`: the caller already holds `lines.join('\n')` (the pipe read they came from).
   */
  maskBlock(lines: readonly string[], joined?: string): string {
    if (this.spansLines() || lines.some((line) => line !== '' && this.isKnown(line))) return lines.map((line) => this.mask(line)).join('\n');
    return maskSecretPairs(maskUrlPasswords(this.scrub(joined ?? lines.join('\n'))));
  }

  /** Whether a value hidden inside text holds a line break (then masking a block could differ from masking its lines). */
  private spansLines(): boolean {
    return this.scrubbed.some((secret) => secret.includes('\n')) || (this.parent?.spansLines() ?? false);
  }

  /** Each argument masked, and the one after a secret flag (--token abc). */
  maskArgs(args: readonly string[]): string[] {
    return maskSecretArgs(args).map((arg) => this.mask(arg));
  }

  /** One env value as it may be shown: a secret key's value whole (of a URL, its password), others as text. */
  maskEnvValue(key: string, value: string): string {
    return value !== '' && isSecretKey(key) && urlPasswords(value).length === 0 ? MASK : this.mask(value);
  }

  maskEnv(env: Readonly<Record<string, string>>): Record<string, string> {
    return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, this.maskEnvValue(key, value)]));
  }

  private isKnown(text: string): boolean {
    return (this.knownLengths.has(text.length) && this.known.has(text)) || (this.parent?.isKnown(text) ?? false);
  }

  private scrub(text: string): string {
    let out = text;
    for (const secret of this.scrubbed) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return this.parent ? this.parent.scrub(out) : out;
  }
}
