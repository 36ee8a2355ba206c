import { containerActionCommand, containerActionNames, containerActions, type ContainerAction, type ContainerSummary, type ContainersState } from '../../shared/contract/containers.js';
import { sourceId } from '../../shared/sourceId.js';
import { containerActionUsable, containerStateLabel, groupByProject, isUp, shortResult } from '../containers/containerFormat.js';
import type { Confirmation, PaletteEntry } from './paletteEntry.js';

/** The row shortcut that does the same action on a focused container row. */
const actionShortcut: Partial<Record<ContainerAction, string>> = { start: 'row.startStop', stop: 'row.startStop', restart: 'row.restart' };

/** What a project header offers for the whole group (the same three as on the Containers screen). */
const projectActions: ContainerAction[] = ['start', 'stop', 'restart'];

function confirmation(action: ContainerAction, c: ContainerSummary): Confirmation {
  const label = containerActions[action].label;
  const body =
    action === 'kill'
      ? `${c.name} gets SIGKILL at once: no clean shutdown, work in progress is lost.`
      : isUp(c)
        ? `${c.name} is running: it is killed first, then it and its writable layer are deleted.`
        : `${c.name} and its writable layer are deleted.`;
  return { title: `${label} ${c.name}?`, body, confirmLabel: `${label} ${c.name}` };
}

/** One container's entries: every contract action its state allows (none while one runs), its details and its logs. */
function entriesOf(c: ContainerSummary, where: string): PaletteEntry[] {
  const key = `${c.engine}/${c.name}`;
  const detail = `container${where} · ${containerStateLabel(c)}`;
  const keywords = `container ${c.project ?? ''}`;
  const target = { engine: c.engine, id: c.id };
  const actions = c.pending ? [] : containerActionNames.filter((a) => containerActionUsable(c, a));
  return [
    ...actions.map<PaletteEntry>((action) => ({
      id: `container.${action}:${key}`,
      label: `${containerActions[action].label} ${c.name}`,
      keywords,
      detail,
      shortcut: actionShortcut[action],
      confirm: containerActions[action].destructive ? confirmation(action, c) : undefined,
      run: async (acts) => {
        const params = action === 'remove' ? { ...target, force: isUp(c) } : target;
        return shortResult((await acts.call(containerActionCommand(action), params)).message, c.name);
      },
    })),
    {
      id: `container.show:${key}`,
      label: `Show ${c.name}`,
      keywords: `${keywords} stats details`,
      detail,
      shortcut: 'row.open',
      run: (acts) => acts.navigate('containers', { engine: c.engine, id: c.id, tab: 'stats' }),
    },
    {
      id: `container.logs:${key}`,
      label: `Open logs of ${c.name}`,
      keywords,
      detail,
      shortcut: 'row.logs',
      run: (acts) => acts.navigate('logs', { source: sourceId.container(c.name) }),
    },
  ];
}

/** Start, stop and restart of each compose project, as its header offers them. */
function projectEntries(engine: string, project: string, containers: ContainerSummary[], where: string): PaletteEntry[] {
  const running = containers.filter((c) => c.state === 'running').length;
  return projectActions.map((action) => ({
    id: `project.${action}:${engine}/${project}`,
    label: `${containerActions[action].label} all of ${project}`,
    keywords: 'compose project',
    detail: `compose project${where} · ${running}/${containers.length} running`,
    run: async (acts) => {
      const result = await acts.call('containers.project', { engine, project, action });
      const done = result.results.filter((r) => r.ok).length;
      const failed = result.results.filter((r) => !r.ok).map((r) => r.message);
      return [`${action} of ${project}: ${done} of ${result.results.length} done`, ...failed].join('; ');
    },
  }));
}

/** Every action on every container and compose project the containers topic shows, and its "show all" switch. */
export function containerEntries(state: ContainersState | undefined): PaletteEntry[] {
  if (!state) return [];
  const several = state.engines.length > 1;
  const entries: PaletteEntry[] = [];
  for (const engine of state.engines) {
    const where = several ? ` on ${engine.name}` : '';
    for (const group of groupByProject(engine.containers)) {
      if (group.project) entries.push(...projectEntries(engine.name, group.project, group.containers, where));
      for (const c of group.containers) entries.push(...entriesOf(c, where));
    }
  }
  const showAll = !state.showAll;
  entries.push({
    id: 'containers.showAll',
    label: showAll ? 'Show all containers of the engine' : "Show only the stack's containers",
    detail: 'containers',
    run: async (acts) => {
      await acts.call('containers.showAll', { showAll });
      return showAll ? 'showing every container of the engine' : "showing the stack's containers only";
    },
  });
  return entries;
}
