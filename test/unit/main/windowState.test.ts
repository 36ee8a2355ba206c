import { describe, expect, it } from 'vitest';
import { defaultWindowSize, minimumWindowSize, parseWindowState, placeWindow, windowStateOf, type WindowState } from '../../../electron/main/windowState.js';

type Rectangle = Parameters<typeof placeWindow>[2];

const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1050 };
const monitorRight: Rectangle = { x: 1920, y: -200, width: 2560, height: 1400 };
const saved = (state: Partial<WindowState>): WindowState => ({ x: 100, y: 80, width: 1200, height: 800, maximized: false, ...state });

describe('window state restored', () => {
  it('opens where it was when that still fits', () => {
    expect(placeWindow(saved({}), [laptop, monitorRight], laptop)).toEqual({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: false });
    expect(placeWindow(saved({ x: 2200, y: -100 }), [laptop, monitorRight], laptop).bounds).toEqual({ x: 2200, y: -100, width: 1200, height: 800 });
  });

  it('is clamped inside the display it mostly was on when it hangs over an edge', () => {
    expect(placeWindow(saved({ x: 1500, y: 500 }), [laptop], laptop).bounds).toEqual({ x: 720, y: 250, width: 1200, height: 800 });
    expect(placeWindow(saved({ x: -300, y: -50 }), [laptop], laptop).bounds).toEqual({ x: 0, y: 0, width: 1200, height: 800 });
    // Mostly on the right monitor: it stays there, pulled in from its bottom edge.
    expect(placeWindow(saved({ x: 2000, y: 900 }), [laptop, monitorRight], laptop).bounds).toEqual({ x: 2000, y: 400, width: 1200, height: 800 });
  });

  it('shrinks to a smaller display it is on, and never below the minimum size', () => {
    const small: Rectangle = { x: 0, y: 0, width: 1280, height: 720 };
    expect(placeWindow(saved({ x: 0, y: 0, width: 2400, height: 1300 }), [small], small).bounds).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(placeWindow(saved({ width: 300, height: 200 }), [laptop], laptop).bounds).toEqual({ x: 100, y: 80, ...minimumWindowSize });
  });

  it('opens centred on the primary display when its display is gone (off the dock), at the size it had', () => {
    expect(placeWindow(saved({ x: 2200, y: 100 }), [laptop], laptop)).toEqual({ bounds: { width: 1200, height: 800 }, maximized: false });
    expect(placeWindow(saved({ x: 2200, y: 100, width: 2500, height: 1300, maximized: true }), [laptop], laptop)).toEqual({ bounds: { width: 1920, height: 1050 }, maximized: true });
  });

  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(undefined, [laptop], laptop)).toEqual({ bounds: defaultWindowSize, maximized: false });
    expect(placeWindow(undefined, [{ x: 0, y: 0, width: 1366, height: 740 }], { x: 0, y: 0, width: 1366, height: 740 }).bounds).toEqual({ width: 1366, height: 740 });
  });

  it('comes back maximized, over the bounds it returns to', () => {
    expect(placeWindow(saved({ maximized: true }), [laptop], laptop)).toEqual({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true });
    expect(windowStateOf({ x: 100.4, y: 80, width: 1200, height: 799.6 }, true)).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: true });
  });

  it('reads a saved file back, and ignores one that is missing, broken or edited into nonsense', () => {
    expect(parseWindowState({ x: 1, y: 2, width: 900, height: 600, maximized: true })).toEqual({ x: 1, y: 2, width: 900, height: 600, maximized: true });
    expect(parseWindowState({ x: 1, y: 2, width: 900, height: 600 })).toMatchObject({ maximized: false });
    for (const bad of [undefined, null, 'x', [], { x: 1, y: 2, width: 0, height: 600 }, { x: 1, y: 2, width: 900 }, { x: 1.5, y: 2, width: 900, height: 600 }, { x: 1e9, y: 2, width: 900, height: 600 }, { x: '1', y: 2, width: 900, height: 600 }]) {
      expect(parseWindowState(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
