import { describe, expect, it } from 'vitest';
import { accent, trayIconBitmap } from '../../../electron/main/trayIcon.js';

describe('the tray icon', () => {
  it('is a switch in the accent colour: clear corners, a solid pill, the knob cut out on the right', () => {
    const size = 16;
    const bitmap = trayIconBitmap(size);
    expect(bitmap.length).toBe(size * size * 4);
    const alpha = (x: number, y: number) => bitmap[(y * size + x) * 4 + 3]!;
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(15, 15)).toBe(0);
    expect(alpha(4, 8)).toBe(255);
    expect(alpha(11, 8)).toBe(0);
    // BGRA, as nativeImage.createFromBitmap reads it.
    expect([...bitmap.subarray((8 * size + 4) * 4, (8 * size + 4) * 4 + 3)]).toEqual([accent.b, accent.g, accent.r]);
  });
});
