import type { ConfigStatus } from '../../shared/contract/app.js';
import type { ScreenPath } from '../navigation/screens.js';
import { screenBindingId } from '../keyboard/keymap.js';
import type { PaletteEntry } from './paletteEntry.js';

/** One "Go to …" per screen, in sidebar order, with its Ctrl/Cmd+digit. */
export function screenEntries(screens: ReadonlyArray<{ path: ScreenPath; navLabel: string }>): PaletteEntry[] {
  return screens.map((s) => ({
    id: `screen:${s.path}`,
    label: `Go to ${s.navLabel}`,
    keywords: 'screen',
    detail: 'screen',
    shortcut: screenBindingId(s.path),
    run: (acts) => acts.navigate(s.path),
  }));
}

/** Reloading the stack file (config.reload): says which file, and its problem if it has one. */
export function stackEntries(config: ConfigStatus | undefined): PaletteEntry[] {
  return [
    {
      id: 'config.reload',
      label: 'Reload stack file',
      keywords: 'config stack.yaml',
      detail: config ? `stack · ${config.isDemo ? 'built-in demo stack' : config.source}` : 'stack',
      run: async (acts) => {
        const status = await acts.call('config.reload', {});
        if (status.problem) throw new Error(`${status.problem.file}${status.problem.line ? `:${status.problem.line}` : ''}: ${status.problem.message} (still running on the last good stack)`);
        return `reloaded ${status.isDemo ? 'the built-in demo stack' : status.source}`;
      },
    },
  ];
}

/** The keyboard's own actions, for an operator who looks for them by name. */
export function keyboardEntries(): PaletteEntry[] {
  const entry = (bindingId: string, label: string, keywords: string): PaletteEntry => ({
    id: `key:${bindingId}`,
    label,
    keywords,
    detail: 'keyboard',
    shortcut: bindingId,
    run: (acts) => acts.press(bindingId),
  });
  return [
    entry('help', 'Show keyboard shortcuts', 'keys help'),
    entry('search', 'Search in this screen', 'find filter'),
    entry('back', 'Back', 'history previous screen'),
    entry('forward', 'Forward', 'history next screen'),
  ];
}
