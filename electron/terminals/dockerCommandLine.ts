/** The engines a plain `docker` reaches without -H (the platforms' default sockets). */
const defaultAddresses = new Set(['unix:///var/run/docker.sock', 'npipe:////./pipe/docker_engine']);

/** One word for a POSIX shell: as is when it is plain, else in single quotes. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface SystemCommandParts {
  address: string;
  container: string;
  user?: string | undefined;
  workdir?: string | undefined;
  args: string[];
}

/** `docker [-H …] exec -it [-u …] [-w …] <container> <args…>`: the same session in the operator's own terminal. */
export function dockerExecCommand(parts: SystemCommandParts): string {
  const words = ['docker'];
  if (!defaultAddresses.has(parts.address)) words.push('-H', parts.address);
  words.push('exec', '-it');
  if (parts.user) words.push('-u', parts.user);
  if (parts.workdir) words.push('-w', parts.workdir);
  words.push(parts.container, ...parts.args);
  return words.map(shellQuote).join(' ');
}
