import { Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FoundMcpConfig } from '../../shared/contract/stackFileDraft.js';
import type { EngineSelection } from './engineSelection.js';
import type { HttpPort } from './httpPorts.js';

/** What a draft is written from. */
export interface DraftParts {
  name: string;
  engines: EngineSelection[];
  probes: HttpPort[];
  mcpConfigs: FoundMcpConfig[];
  writtenAt: Date;
}

/**
 * The draft stack file as YAML, each section with a comment saying what it is,
 * where its entries came from and what to change. Comments are the point: the
 * operator reads this file once in the review dialog and edits it for years.
 */
export function draftYaml(parts: DraftParts): string {
  const doc = new Document<YAMLMap>({});
  doc.commentBefore = lines(
    `Switchboard stack file, written by "Create stack.yaml from what is running" on ${minute(parts.writtenAt)}.`,
    'Edit it freely: Switchboard reloads it when it is saved. Every key is in the README, "The stack file".',
  );
  add(doc, 'name', parts.name, lines("The stack's name, shown at the top of every screen."));
  addDocker(doc, parts.engines);
  addProbes(doc, parts.probes);
  addMcp(doc, parts.mcpConfigs);
  doc.comment = lines(
    'Not written here; add them when you need them:',
    '  cache:  hit rates, e.g.  redis: { redis: redis://127.0.0.1:6379 }',
    '  logs:   lines kept per source, e.g.  linesPerSource: 50000',
  );
  return doc.toString({ lineWidth: 0 });
}

function addDocker(doc: Document<YAMLMap>, engines: EngineSelection[]): void {
  const intro = [
    'Docker: which containers of the engine belong to this stack. A container is in when any',
    'selector matches (project:, a containers: name glob where * is any text, or labels:);',
    'with no selector, every container of the engine is in.',
  ];
  if (engines.length <= 1) {
    const [engine] = engines;
    const where = engine ? `Engine: ${engine.found.address} ($DOCKER_HOST wins when set; host: names another).` : 'No Docker engine was configured.';
    const { node, note } = engineNode(doc, engine);
    add(doc, 'docker', node, lines(...intro, where, ...(note ? [note] : [])));
    return;
  }
  const list = doc.createNode([]) as YAMLSeq;
  for (const engine of engines) {
    const { node, note } = engineNode(doc, engine);
    node.items.unshift(doc.createPair('name', engine.found.name), doc.createPair('host', engine.found.address));
    node.flow = false;
    if (note) node.commentBefore = lines(note);
    list.items.push(node);
  }
  const docker = doc.createNode({}) as YAMLMap;
  docker.items.push(doc.createPair('engines', list));
  add(doc, 'docker', docker, lines(...intro, 'Several engines are shown side by side, each with its own selection.'));
}

/** One engine's selection; an engine that was not reachable, or ran nothing, gets none (and a comment saying so). */
function engineNode(doc: Document, engine: EngineSelection | undefined): { node: YAMLMap; note?: string } {
  const node = doc.createNode({}) as YAMLMap;
  node.flow = true;
  if (!engine) return { node };
  if (engine.found.status !== 'connected') {
    return { node, note: `The engine was ${engine.found.status} when this was written, so nothing is selected yet: add project: or containers: once it is up.` };
  }
  if (!engine.project && engine.containers.length === 0) {
    return { node, note: 'Nothing was running when this was written: add project: or containers: to narrow it.' };
  }
  node.flow = false;
  if (engine.project) {
    const pair = doc.createPair('project', engine.project.name);
    comment(pair, lines(engine.project.why, 'one project per engine: other projects are name globs below'));
    node.items.push(pair);
  }
  if (engine.containers.length > 0) {
    const seq = doc.createNode(engine.containers.map((c) => c.glob)) as YAMLSeq;
    seq.items.forEach((item, i) => ((item as Node).commentBefore = lines(engine.containers[i]!.why)));
    node.items.push(doc.createPair('containers', seq));
  }
  return { node };
}

function addProbes(doc: Document<YAMLMap>, probes: HttpPort[]): void {
  if (probes.length === 0) return;
  const map = doc.createNode({}) as YAMLMap;
  for (const p of probes) {
    const probe = doc.createNode({ url: `http://127.0.0.1:${p.port}/`, every: '10s' }) as YAMLMap;
    if (p.status !== 200) {
      const expect = doc.createPair('expect', doc.createNode({ status: p.status }, { flow: true }));
      comment(expect, lines(`answered ${p.status} at / when this was written: point url: at a health endpoint and drop expect:`));
      probe.items.push(expect);
    }
    const pair = doc.createPair(p.probe, probe);
    comment(pair, lines(`${p.container}, port ${p.port}`));
    map.items.push(pair);
  }
  add(
    doc,
    'probes',
    map,
    lines(
      'Health probes: the published ports that answered HTTP at / when this was written, checked every 10 s.',
      'Point url: at a real health endpoint and add an slo: (p95: 100ms, availability: 99.9%) to judge it.',
    ),
  );
}

function addMcp(doc: Document<YAMLMap>, configs: FoundMcpConfig[]): void {
  const included = configs.filter((c) => c.use === 'included');
  const others = configs.filter((c) => c.use !== 'included').map((c) => `  ${c.app} ${c.path}: ${c.note ?? 'not included'}`);
  const notes = others.length ? ['Found, not included:', ...others] : [];
  if (included.length === 0) {
    const empty = doc.createNode({}, { flow: true });
    add(
      doc,
      'mcpServers',
      empty,
      lines(
        'MCP servers: no Claude Desktop, Cursor or VS Code MCP config with servers was found here.',
        'Add yours in their shape: name: { command: npx, args: [-y, some-mcp-server], env: { KEY: value } },',
        'or include: the file another app keeps them in.',
        ...notes,
      ),
    );
    return;
  }
  const seq = doc.createNode(included.map((c) => c.path)) as YAMLSeq;
  seq.items.forEach((item, i) => ((item as Node).commentBefore = lines(`${included[i]!.app}: ${included[i]!.servers.join(', ')}`)));
  add(
    doc,
    'include',
    seq,
    lines(
      "MCP servers of your other apps, read from their own files at every load: not copied, so the tokens",
      'and keys in their env stay where they are. Later files override earlier ones; servers you write',
      'under mcpServers: here (same shape as Claude Desktop) win over all of them.',
      ...notes,
    ),
  );
}

/** A top-level key with its comment above it, after a blank line. */
function add(doc: Document<YAMLMap>, key: string, value: unknown, text: string): void {
  const pair = doc.createPair(key, value);
  comment(pair, text);
  (pair.key as Node).spaceBefore = doc.contents!.items.length > 0;
  doc.contents!.items.push(pair);
}

function comment(pair: Pair, text: string): void {
  (pair.key as Node).commentBefore = text;
}

/** Comment text: yaml writes `#` before each line, so each gets the one space after it. */
function lines(...text: string[]): string {
  return text.map((line) => ` ${line}`).join('\n');
}

function minute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
