/** The part of a tool's JSON Schema the call form understands; anything richer is edited as JSON. */
export interface ToolField {
  name: string;
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'json';
  required: boolean;
  description?: string;
  options?: string[];
  defaultValue?: unknown;
}

export function toolFields(schema: Record<string, unknown>): ToolField[] {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, prop]) => {
    const type = Array.isArray(prop.type) ? prop.type.find((t) => t !== 'null') : prop.type;
    const kind: ToolField['kind'] = Array.isArray(prop.enum)
      ? 'enum'
      : type === 'string' || type === 'number' || type === 'integer' || type === 'boolean'
        ? type
        : 'json';
    return {
      name,
      kind,
      required: required.has(name),
      description: typeof prop.description === 'string' ? prop.description : undefined,
      options: Array.isArray(prop.enum) ? prop.enum.map(String) : undefined,
      defaultValue: prop.default,
    };
  });
}

export type FieldValues = Record<string, string | boolean>;

export function initialValues(fields: ToolField[]): FieldValues {
  const values: FieldValues = {};
  for (const f of fields) {
    if (f.kind === 'boolean') values[f.name] = f.defaultValue === true;
    else if (f.defaultValue !== undefined) values[f.name] = f.kind === 'json' ? JSON.stringify(f.defaultValue) : String(f.defaultValue);
    else values[f.name] = f.kind === 'enum' && f.required ? (f.options?.[0] ?? '') : '';
  }
  return values;
}

/** Form values → call arguments; an error names the field an operator must fix. */
export function buildArguments(fields: ToolField[], values: FieldValues): { args: Record<string, unknown> } | { error: string } {
  const args: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = values[f.name];
    if (f.kind === 'boolean') {
      if (raw === true || f.required) args[f.name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (f.required) return { error: `${f.name} is required` };
      continue;
    }
    if (f.kind === 'number' || f.kind === 'integer') {
      const n = Number(text);
      if (!Number.isFinite(n) || (f.kind === 'integer' && !Number.isInteger(n))) return { error: `${f.name} must be ${f.kind === 'integer' ? 'a whole number' : 'a number'}` };
      args[f.name] = n;
    } else if (f.kind === 'json') {
      try {
        args[f.name] = JSON.parse(text);
      } catch {
        return { error: `${f.name} must be JSON, e.g. [] or {"key": "value"}` };
      }
    } else {
      args[f.name] = text;
    }
  }
  return { args };
}
