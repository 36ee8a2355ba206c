import { extname } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ConfigProblem } from '../../shared/contract/app.js';

export interface SourcePosition {
  line: number;
  column: number;
}

/** A parsed YAML or JSON file that still knows where each key was written. */
export interface SourceDocument {
  file: string;
  value: unknown;
  /** Line and column of the deepest key along `path` that exists in the file (1-based). */
  locate(path: readonly PropertyKey[]): SourcePosition | undefined;
}

export type ParsedSource = { ok: true; source: SourceDocument } | { ok: false; problems: ConfigProblem[] };

/**
 * YAML and JSON both go through the yaml parser (JSON is YAML 1.2 flow syntax),
 * so a zod issue path maps back to the line and column of the offending key.
 */
export function parseSourceText(text: string, file: string): ParsedSource {
  const lineCounter = new LineCounter();
  const isJson = extname(file).toLowerCase() === '.json';
  const doc = parseDocument(isJson ? blankJsonComments(text) : text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    // Anchors with <<: let an operator share probe settings; common in compose files they already write.
    merge: true,
  });

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        const what = isJson ? 'JSON' : 'YAML';
        return { file, line, column: col, message: `${what} syntax: ${firstLine(error.message)}` };
      }),
    };
  }

  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    // Well-formed YAML can still fail to become a value: a merge (<<) of a non-map, an alias bomb, nesting too deep.
    const what = isJson ? 'JSON' : 'YAML';
    return { ok: false, problems: [{ file, message: `${what}: ${firstLine(err instanceof Error ? err.message : String(err))}` }] };
  }
  return {
    ok: true,
    source: {
      file,
      value,
      locate: (path) => locateKey(doc, path, position),
    },
  };
}

function locateKey(
  doc: Document,
  path: readonly PropertyKey[],
  position: (offset: number) => SourcePosition,
): SourcePosition | undefined {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : position(offset);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/**
 * VS Code's mcp.json is JSON with comments; YAML reads JSON but not // or /* *\/.
 * Comments become spaces so every line and column stays where it was.
 */
export function blankJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (ch === '/' && text[i + 1] === '/') {
      for (; i < text.length && text[i] !== '\n'; i++) out += ' ';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
