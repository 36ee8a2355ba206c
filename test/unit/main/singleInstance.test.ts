import { describe, expect, it } from 'vitest';
import { stepsForSecondLaunch, stepsToOpen } from '../../../electron/main/singleInstance.js';

const argv = (...rest: string[]) => ['/opt/Switchboard/switchboard', ...rest];

describe('a second launch wakes the first Switchboard', () => {
  it('focuses the window when it is on screen', () => {
    expect(stepsForSecondLaunch({ minimized: false, visible: true }, argv())).toEqual([{ do: 'focus' }]);
  });

  it('restores a minimized window, and shows one hidden in the tray, before focusing it', () => {
    expect(stepsForSecondLaunch({ minimized: true, visible: true }, argv())).toEqual([{ do: 'restore' }, { do: 'focus' }]);
    expect(stepsForSecondLaunch({ minimized: false, visible: false }, argv())).toEqual([{ do: 'show' }, { do: 'focus' }]);
    expect(stepsForSecondLaunch({ minimized: true, visible: false }, argv())).toEqual([{ do: 'restore' }, { do: 'show' }, { do: 'focus' }]);
  });

  it('opens a window when none is left (macOS keeps running without one)', () => {
    expect(stepsForSecondLaunch(undefined, argv())).toEqual([{ do: 'open-window' }]);
    expect(stepsForSecondLaunch(undefined, argv('switchboard://mcp/postgres'))).toEqual([{ do: 'open-window', route: '#/mcp?server=postgres' }]);
  });

  it('opens the screen a link in its command line names, after focusing', () => {
    expect(stepsForSecondLaunch({ minimized: false, visible: false }, argv('switchboard://mcp/postgres'))).toEqual([
      { do: 'show' },
      { do: 'focus' },
      { do: 'navigate', route: '#/mcp?server=postgres' },
    ]);
  });

  it('only focuses for a link it refuses: a bad link never navigates', () => {
    expect(stepsForSecondLaunch({ minimized: false, visible: true }, argv('switchboard://mcp/postgres?restart=1'))).toEqual([{ do: 'focus' }]);
  });

  it('takes the same steps for a link handed over by event and for the tray\'s "Open Switchboard"', () => {
    expect(stepsToOpen({ minimized: false, visible: false }, '#/logs')).toEqual([{ do: 'show' }, { do: 'focus' }, { do: 'navigate', route: '#/logs' }]);
    expect(stepsToOpen({ minimized: false, visible: false }, undefined)).toEqual([{ do: 'show' }, { do: 'focus' }]);
  });
});
