import type { Rectangle } from 'electron';

/** Where the window was and how big, kept in userData between runs. */
export interface WindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Maximized then: the bounds are the size it returns to when unmaximized. */
  maximized: boolean;
}

/** What the window opens with: no x/y lets Electron center it. */
export interface WindowPlacement {
  bounds: Partial<Pick<Rectangle, 'x' | 'y'>> & Pick<Rectangle, 'width' | 'height'>;
  maximized: boolean;
}

export const defaultWindowSize = { width: 1440, height: 900 };
export const minimumWindowSize = { width: 800, height: 500 };

/** A saved state read back, or undefined when the file is missing, from another version, or edited into nonsense. */
export function parseWindowState(value: unknown): WindowState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { x, y, width, height, maximized } = value as Record<string, unknown>;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && Math.abs(n) < 100_000;
  if (!whole(x) || !whole(y) || !whole(width) || !whole(height) || width <= 0 || height <= 0) return undefined;
  return { x, y, width, height, maximized: maximized === true };
}

/**
 * Where to open the window: where it was, moved and shrunk to fit the work
 * area of the display it mostly was on. When that display is gone (a laptop
 * off its dock), it opens centred on the primary display at the size it had,
 * as far as that display allows; never off-screen, never under the minimum.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rectangle[], primary: Rectangle): WindowPlacement {
  if (!saved) return { bounds: fit(defaultWindowSize, primary), maximized: false };
  const home = mostOverlapping(saved, workAreas);
  if (!home) return { bounds: fit(saved, primary), maximized: saved.maximized };
  const { width, height } = fit(saved, home);
  return {
    bounds: {
      width,
      height,
      x: clamp(saved.x, home.x, home.x + home.width - width),
      y: clamp(saved.y, home.y, home.y + home.height - height),
    },
    maximized: saved.maximized,
  };
}

/** The state to save: while maximized, the normal bounds (what unmaximize returns to). */
export function windowStateOf(normalBounds: Rectangle, maximized: boolean): WindowState {
  const { x, y, width, height } = normalBounds;
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height), maximized };
}

function fit(size: Pick<Rectangle, 'width' | 'height'>, area: Rectangle): Pick<Rectangle, 'width' | 'height'> {
  return {
    width: Math.min(Math.max(size.width, Math.min(minimumWindowSize.width, area.width)), area.width),
    height: Math.min(Math.max(size.height, Math.min(minimumWindowSize.height, area.height)), area.height),
  };
}

function mostOverlapping(rect: Rectangle, areas: readonly Rectangle[]): Rectangle | undefined {
  let best: Rectangle | undefined;
  let bestArea = 0;
  for (const area of areas) {
    const w = Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x);
    const h = Math.min(rect.y + rect.height, area.y + area.height) - Math.max(rect.y, area.y);
    const overlap = w > 0 && h > 0 ? w * h : 0;
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  return best;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
