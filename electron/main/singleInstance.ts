import { routeInArgv } from './appLink.js';

/** The main window as the decision needs it; undefined when it was closed (macOS keeps running without one). */
export interface WindowLook {
  minimized: boolean;
  visible: boolean;
}

/** What the first Switchboard does, in order, when it is launched again or handed a link. */
export type SecondLaunchStep = { do: 'open-window'; route?: string } | { do: 'restore' } | { do: 'show' } | { do: 'focus' } | { do: 'navigate'; route: string };

/**
 * One Switchboard per user: a second launch only wakes the first (the second
 * quits at once, before it starts any service). The first brings its window
 * back from wherever it is — closed, in the tray, minimized — and, when the
 * launch carried a switchboard:// link, opens the screen it names.
 */
export function stepsForSecondLaunch(window: WindowLook | undefined, argv: readonly string[]): SecondLaunchStep[] {
  return stepsToOpen(window, routeInArgv(argv));
}

/** The same steps for a link that arrived another way (macOS's open-url) or for "Open Switchboard" in the tray. */
export function stepsToOpen(window: WindowLook | undefined, route: string | undefined): SecondLaunchStep[] {
  if (!window) return [{ do: 'open-window', ...(route ? { route } : {}) }];
  const steps: SecondLaunchStep[] = [];
  if (window.minimized) steps.push({ do: 'restore' });
  if (!window.visible) steps.push({ do: 'show' });
  steps.push({ do: 'focus' });
  if (route) steps.push({ do: 'navigate', route });
  return steps;
}
