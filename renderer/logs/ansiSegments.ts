import Anser from 'anser';

export interface Segment {
  text: string;
  className: string;
  color?: string;
  background?: string;
}

const basic = /^ansi-(bright-)?(black|red|green|yellow|blue|magenta|cyan|white)$/;

/** The xterm 256-colour palette entry as CSS, for codes beyond the 16 themed ones. */
function paletteColour(n: number): string {
  if (n < 16) return `var(--logs-ansi-${n})`;
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return `rgb(${v}, ${v}, ${v})`;
  }
  const c = n - 16;
  const step = (x: number) => (x === 0 ? 0 : 55 + x * 40);
  return `rgb(${step(Math.floor(c / 36))}, ${step(Math.floor(c / 6) % 6)}, ${step(c % 6)})`;
}

function colour(name: string | null, truecolor: string | null): { cls?: string; css?: string } {
  if (!name) return {};
  if (basic.test(name)) return { cls: name.replace(/^ansi-/, '') };
  if (name === 'ansi-truecolor' && truecolor) return { css: `rgb(${truecolor})` };
  const palette = /^ansi-palette-(\d+)$/.exec(name);
  return palette ? { css: paletteColour(Number(palette[1])) } : {};
}

/**
 * A line with ANSI colour codes as styled runs. The 16 basic colours become
 * classes (coloured per theme in styles/theme.css); others become inline colours.
 */
export function ansiSegments(text: string): Segment[] {
  if (text.indexOf('\u001b') === -1) return [{ text, className: '' }];
  return Anser.ansiToJson(text, { use_classes: true, remove_empty: true }).map((part) => {
    const fg = colour(part.fg, part.fg_truecolor);
    const bg = colour(part.bg, part.bg_truecolor);
    const classes: string[] = [];
    if (fg.cls) classes.push(`logs-fg-${fg.cls}`);
    if (bg.cls) classes.push(`logs-bg-${bg.cls}`);
    for (const d of part.decorations ?? []) classes.push(`logs-deco-${d}`);
    const seg: Segment = { text: part.content, className: classes.join(' ') };
    if (fg.css) seg.color = fg.css;
    if (bg.css) seg.background = bg.css;
    return seg;
  });
}
