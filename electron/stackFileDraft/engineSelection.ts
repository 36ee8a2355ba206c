import type { ContainerState, ContainerSummary } from '../../shared/contract/containers.js';
import type { FoundEngine } from '../../shared/contract/stackFileDraft.js';

/** What the draft's docker section says about one engine, each entry with the comment it is written with. */
export interface EngineSelection {
  found: FoundEngine;
  /** The compose project with the most running containers: the engine's one `project:`. */
  project?: { name: string; why: string };
  /** Name globs for the other projects and the containers started on their own. */
  containers: Array<{ glob: string; why: string }>;
}

/** Up, in the operator's sense: `docker ps` lists it. */
const upStates: ReadonlySet<ContainerState> = new Set(['running', 'restarting', 'paused']);

/**
 * Which containers of an engine the draft puts in the stack: the compose
 * projects and the containers on their own that are up now. The stack file
 * has one `project:` per engine, so the biggest project takes it; the others
 * become a `<project>-*` glob (compose names containers <project>-<service>-<n>),
 * or their containers' names when that glob would also catch a container of
 * another project or none.
 */
export function selectContainers(engine: { name: string; address: string; status: FoundEngine['status'] }, all: readonly ContainerSummary[]): EngineSelection {
  const up = all.filter((c) => upStates.has(c.state));
  const byProject = new Map<string, ContainerSummary[]>();
  const alone: ContainerSummary[] = [];
  for (const c of up) {
    if (c.project) byProject.set(c.project, [...(byProject.get(c.project) ?? []), c]);
    else alone.push(c);
  }
  const projects = [...byProject.entries()].sort(([a, ca], [b, cb]) => cb.length - ca.length || a.localeCompare(b));
  const selection: EngineSelection = {
    found: {
      name: engine.name,
      address: engine.address,
      status: engine.status,
      projects: projects.map(([name]) => name),
      containers: alone.map((c) => c.name).sort(),
    },
    containers: [],
  };
  const [main, ...others] = projects;
  if (main) selection.project = { name: main[0], why: `compose project ${main[0]}: ${listed(main[1])}` };
  for (const [name, members] of others) {
    const glob = `${name}-*`;
    const prefix = `${name}-`;
    const fits = all.every((c) => (c.project === name) === c.name.startsWith(prefix));
    if (fits) selection.containers.push({ glob, why: `compose project ${name}: ${listed(members)}` });
    else for (const c of sorted(members)) selection.containers.push({ glob: c.name, why: `compose project ${name}, service ${c.service ?? '?'}` });
  }
  for (const c of sorted(alone)) selection.containers.push({ glob: c.name, why: `started on its own, image ${c.image}` });
  return selection;
}

function sorted(containers: readonly ContainerSummary[]): ContainerSummary[] {
  return [...containers].sort((a, b) => a.name.localeCompare(b.name));
}

/** "2 running (shop-web-1, shop-db-1)"; long lists are cut so a comment stays one line. */
function listed(containers: readonly ContainerSummary[]): string {
  const names = sorted(containers).map((c) => c.name);
  const shown = names.slice(0, 4).join(', ') + (names.length > 4 ? `, +${names.length - 4} more` : '');
  return `${containers.length} up (${shown})`;
}
