/**
 * Moving through the rows of the lists on a screen (containers, MCP servers)
 * with j/k or the arrows: rows carry `data-nav-row` and tabIndex -1 (rowKeyProps),
 * and one order runs through every list of the screen, top to bottom.
 */

/** The rows on screen that can take focus, in document order. */
function rowsOnScreen(): HTMLElement[] {
  const scope = document.querySelector('main') ?? document.body;
  return [...scope.querySelectorAll<HTMLElement>('[data-nav-row]')].filter((row) => row.getClientRects().length > 0);
}

/**
 * Focuses the next (`step` 1) or previous (-1) row from the one focus is in;
 * from outside every row, the first (or the last). `onlyFromRow` keeps the
 * arrows scrolling the page until focus is in a list. Says whether it moved.
 */
export function moveRow(step: 1 | -1, onlyFromRow: boolean): boolean {
  const rows = rowsOnScreen();
  if (rows.length === 0) return false;
  const current = rows.findIndex((row) => row.contains(document.activeElement));
  if (current < 0 && onlyFromRow) return false;
  const next = current < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, current + step));
  const row = rows[next]!;
  row.focus({ preventScroll: true });
  row.scrollIntoView({ block: 'nearest' });
  return true;
}

/** Focuses the current screen's search field; false when the screen has none. */
export function focusScreenSearch(): boolean {
  const field = document.querySelector<HTMLInputElement>('main [role="search"] input, main input[type="search"]');
  if (!field || field.disabled) return false;
  field.focus();
  field.select();
  return true;
}
