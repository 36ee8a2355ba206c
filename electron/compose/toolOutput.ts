/** Reading what the compose tool prints; v1 and v2 agree on these formats. */

/** `version --short` prints "1.29.2" (v1), "2.29.7" or "v2.29.7" (v2); anything else is not a compose tool. */
export function parseToolVersion(stdout: string): string | undefined {
  const match = /^v?(\d+\.\d+\.\d+[\w.+-]*)\s*$/.exec(stdout.trim());
  return match?.[1];
}

/** `config --hash '*'` prints "service hash" per active service (profiles applied). */
export function parseServiceHashes(stdout: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const [service, hash] = line.trim().split(/\s+/);
    if (service && hash && /^[0-9a-f]{16,}$/.test(hash)) hashes.set(service, hash);
  }
  return hashes;
}

/** The last lines of what the tool said, for an error in its own words (progress bars' carriage returns removed). */
export function toolWords(stderr: string, stdout: string, lines = 6): string {
  const text = (stderr.trim() || stdout.trim()).replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const kept = text
    .split(/\r?\n|\r/)
    .map((l) => l.trimEnd())
    .filter(Boolean);
  return kept.slice(-lines).join('\n');
}

/** What compose names an image it builds for a service without `image:`: v1 joins with "_", v2 with "-". */
export function builtImageName(kind: 'v1' | 'v2', project: string, service: string): string {
  return kind === 'v1' ? `${project}_${service}` : `${project}-${service}`;
}

/** A project name as compose derives it from a folder: lowercase, only [a-z0-9_-], starting with a letter or digit. */
export function projectNameFrom(folder: string): string {
  return folder.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[_-]+/, '') || 'default';
}
