/** `--port 7420`, `--port=7420`, `--host 127.0.0.1`: the few flags browser mode takes. */
export function flagValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

export function portFlag(argv: string[], fallback: number): number {
  const raw = flagValue(argv, 'port');
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port ${raw} is not a port: give a number from 0 to 65535 (0 picks a free one)`);
  }
  return port;
}

/** Every value of a flag that may be repeated: `--allow-host a --allow-host=b` → ["a", "b"]. */
export function flagValues(argv: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === `--${name}` && argv[i + 1] !== undefined) values.push(argv[++i]!);
    else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3));
  }
  return values;
}
