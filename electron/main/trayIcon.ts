/** An RGB colour for the glyph; macOS uses it as a template (only the alpha counts). */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export const accent: Rgb = { r: 0x4e, g: 0xa1, b: 0xff };

/**
 * The tray icon, drawn in code so the app ships no image files for it: a
 * switch — a pill with its knob cut out on the right, "on". Pixels are BGRA
 * (what nativeImage.createFromBitmap takes), edges anti-aliased by sampling
 * each pixel 4×4 times.
 */
export function trayIconBitmap(size: number, color: Rgb = accent): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const pill = { left: size * 0.06, right: size * 0.94, top: size * 0.25, bottom: size * 0.75 };
  const radius = (pill.bottom - pill.top) / 2;
  const knob = { x: pill.right - radius, y: size / 2, r: radius * 0.62 };
  const inside = (x: number, y: number): boolean => {
    if (y < pill.top || y > pill.bottom) return false;
    const cx = Math.min(Math.max(x, pill.left + radius), pill.right - radius);
    if ((x - cx) ** 2 + (y - size / 2) ** 2 > radius ** 2) return false;
    return (x - knob.x) ** 2 + (y - knob.y) ** 2 > knob.r ** 2;
  };
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(px + (sx + 0.5) / 4, py + (sy + 0.5) / 4)) hits++;
      const i = (py * size + px) * 4;
      out[i] = color.b;
      out[i + 1] = color.g;
      out[i + 2] = color.r;
      out[i + 3] = Math.round((hits / 16) * 255);
    }
  }
  return out;
}
