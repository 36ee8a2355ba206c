/**
 * What a client sent as a request target or cookie is not trusted to parse:
 * `//[` is no URL and `%E0%A4%A` no percent-encoding. These read it or say
 * undefined, so a malformed request is a 400 or "not signed in", never a throw.
 */
export function parseRequestUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://placeholder');
  } catch {
    return undefined;
  }
}

/** decodeURIComponent that answers undefined instead of throwing on malformed escapes. */
export function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
