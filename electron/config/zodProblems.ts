import { nearestName } from '../base/stackFile/nearestName.js';
import type { z } from 'zod';
import type { ConfigProblem } from '../../shared/contract/app.js';
import type { SourceDocument } from './sourceDocument.js';

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

/**
 * Zod issues → problems an operator can act on: each names the file, line,
 * column and dotted key. Unions (probe kinds, cache sources) are explained
 * by the branch the operator evidently meant, not by all of them at once.
 */
export function zodProblems(
  error: z.ZodError,
  schema: z.ZodType,
  source: Pick<SourceDocument, 'file' | 'locate' | 'value'>,
  /** Prefix when the schema validated only part of the file (one included server). */
  basePath: Path = [],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const valueAt = (path: Path): unknown =>
    path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], source.value);
  collect(error.issues, basePath, schema, (path, message) => {
    const at = source.locate(path);
    problems.push({
      file: source.file,
      ...(at && { line: at.line, column: at.column }),
      ...(path.length > 0 && { key: path.map(printable).join('.') }),
      message,
    });
  }, valueAt);
  return problems;
}

function collect(
  issues: readonly Issue[],
  base: Path,
  schema: z.ZodType,
  report: (path: Path, message: string) => void,
  valueAt: (path: Path) => unknown,
): void {
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    const here = schemaAt(schema, issue.path);
    if (issue.code === 'invalid_union') {
      const branch = meantBranch(issue.errors, (inner) => valueAt([...path, ...inner]) === undefined);
      const options = unionOptions(here);
      if (branch !== undefined && options[branch]) collect(issue.errors[branch]!, path, options[branch]!, report, valueAt);
      else report(path, issue.message);
    } else if (issue.code === 'unrecognized_keys') {
      const known = objectKeys(here);
      for (const key of issue.keys) report([...path, key], unknownKeyMessage(key, known));
    } else if (issue.code === 'invalid_type' && valueAt(path) === undefined) {
      report(path, `${String(path.at(-1) ?? 'value')} is required (${issue.expected})`);
    } else if (issue.code === 'invalid_type') {
      report(path, issue.message.replace(/^Invalid input: /, ''));
    } else if (issue.code === 'invalid_value' && issue.values.length > 1) {
      report(path, `${JSON.stringify(valueAt(path))} is not one of: ${issue.values.map(String).join(', ')}`);
    } else if (issue.code === 'invalid_key' && issue.issues.length > 0) {
      report(path, `key "${printable(path.at(-1))}": ${issue.issues.map((inner) => inner.message).join('; ')}`);
    } else {
      report(path, issue.message.replace(/^Invalid input: /, ''));
    }
  }
}

/**
 * The branch whose shape fits: it has no unknown keys and misses no required
 * key at the union's own level. When none fits, the union's own message
 * ("a probe needs one of url:, tcp: or command:") is the better explanation.
 */
function meantBranch(branches: readonly (readonly Issue[])[], isMissing: (path: Path) => boolean): number | undefined {
  // When only one branch takes this kind of value (an object where the other is `false`), its problems are the ones.
  const wrongKind = (issues: readonly Issue[]) => issues.some((i) => (i.code === 'invalid_value' || i.code === 'invalid_type') && i.path.length === 0);
  const sameKind = branches.flatMap((issues, index) => (wrongKind(issues) ? [] : [index]));
  if (sameKind.length === 1 && branches.length > 1) return sameKind[0];
  let best: number | undefined;
  branches.forEach((issues, index) => {
    const misfit = issues.some(
      (issue) =>
        (issue.code === 'unrecognized_keys' && issue.path.length === 0) ||
        (issue.code === 'invalid_type' && issue.path.length === 1 && isMissing(issue.path)),
    );
    if (!misfit && (best === undefined || issues.length < branches[best]!.length)) best = index;
  });
  return best;
}

/** A key as the operator can read it: control characters (a NUL in an env name) written as \u escapes. */
function printable(segment: PropertyKey | undefined): string {
  return String(segment).replace(/[\u0000-\u001f\u007f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function unknownKeyMessage(key: string, known: string[]): string {
  const near = nearestName(key, known);
  if (near) return `unknown key "${printable(key)}": did you mean "${near}"?`;
  if (known.length > 0) return `unknown key "${printable(key)}": this place takes ${known.join(', ')}`;
  return `unknown key "${printable(key)}"`;
}

/** Zod schemas are walked through their definitions to name the keys a place accepts. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}

function defOf(schema: z.ZodType | undefined): Def | undefined {
  return (schema as unknown as { _zod?: { def: Def } } | undefined)?._zod?.def;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let def = defOf(current); def; def = defOf(current)) {
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}

function schemaAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current = unwrap(schema);
  for (const segment of path) {
    const def = defOf(current);
    if (def?.type === 'object') current = def.shape?.[String(segment)];
    else if (def?.type === 'record') current = def.valueType;
    else if (def?.type === 'array') current = def.element;
    else return undefined;
    current = unwrap(current);
  }
  return current;
}

function unionOptions(schema: z.ZodType | undefined): z.ZodType[] {
  const def = defOf(schema);
  return def?.type === 'union' ? (def.options ?? []) : [];
}

function objectKeys(schema: z.ZodType | undefined): string[] {
  const def = defOf(schema);
  if (def?.type === 'union') return [...new Set(unionOptions(schema).flatMap((option) => objectKeys(unwrap(option))))];
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}
