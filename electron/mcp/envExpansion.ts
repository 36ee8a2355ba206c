/**
 * `${VAR}` and `${VAR:-default}` in env values and args, the way Claude
 * Desktop and VS Code configs write them. A missing variable becomes "" and
 * is reported, so the operator learns why a token is empty.
 */
const pattern = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export interface Expanded<T> {
  value: T;
  /** Names referenced but not set (and without a default). */
  missing: string[];
}

export function expandVars(text: string, vars: NodeJS.ProcessEnv, missing: Set<string>): string {
  return text.replace(pattern, (_match, name: string, fallback: string | undefined) => {
    const value = vars[name];
    if (value !== undefined && value !== '') return value;
    if (fallback !== undefined) return fallback;
    missing.add(name);
    return '';
  });
}

export function expandEnv(env: Record<string, string>, vars: NodeJS.ProcessEnv): Expanded<Record<string, string>> {
  const missing = new Set<string>();
  const value: Record<string, string> = {};
  for (const [key, raw] of Object.entries(env)) value[key] = expandVars(raw, vars, missing);
  return { value, missing: [...missing] };
}

export function expandArgs(args: string[], vars: NodeJS.ProcessEnv): Expanded<string[]> {
  const missing = new Set<string>();
  return { value: args.map((arg) => expandVars(arg, vars, missing)), missing: [...missing] };
}
