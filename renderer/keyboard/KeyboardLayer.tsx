import { useCallback, useRef, useState } from 'react';
import { useClient } from '../client/hooks.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { navigate } from '../navigation/router.js';
import { screens } from '../navigation/screens.js';
import { CommandPalette } from '../palette/CommandPalette.js';
import { PaletteOutcome, type Outcome } from '../palette/PaletteOutcome.js';
import type { PaletteActs, PaletteEntry } from '../palette/paletteEntry.js';
import { loadRecent, saveRecent, withRecent } from '../palette/recentEntries.js';
import { appKeymap } from './appKeymap.js';
import { screenBindingId } from './keymap.js';
import { focusScreenSearch, moveRow } from './listNavigation.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { useGlobalShortcuts, type ShortcutActions } from './useGlobalShortcuts.js';
import './keyboard.css';

const isArrow = (event: KeyboardEvent | MouseEvent | undefined) => event instanceof KeyboardEvent && event.key.startsWith('Arrow');

function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
}

/**
 * Everything the keyboard adds to the app, mounted once beside the screens:
 * the screen-wide shortcuts, the command palette with its confirmation and
 * outcome, and the `?` dialog.
 */
export function KeyboardLayer() {
  const client = useClient();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [recent, setRecent] = useState(loadRecent);
  const [confirming, setConfirming] = useState<PaletteEntry>();
  const [confirmPending, setConfirmPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const picked = useRef<PaletteEntry | undefined>(undefined);
  const runs = useRef(0);

  const actions: ShortcutActions = {
    palette: () => setPaletteOpen(true),
    help: () => setHelpOpen(true),
    search: () => {
      if (!focusScreenSearch()) setPaletteOpen(true);
    },
    back: () => history.back(),
    forward: () => history.forward(),
    'row.next': (event) => moveRow(1, isArrow(event)),
    'row.previous': (event) => moveRow(-1, isArrow(event)),
    ...Object.fromEntries(screens.map((s) => [screenBindingId(s.path), () => navigate(s.path)])),
  };
  useGlobalShortcuts(appKeymap, actions);

  const acts: PaletteActs = {
    call: (name, params) => client.call(name, params),
    navigate,
    press: (bindingId) => void actions[bindingId]?.(),
  };

  const run = async (entry: PaletteEntry): Promise<void> => {
    const running = entry.run(acts);
    if (!running) return;
    const run = ++runs.current;
    const settle = (next: Outcome) => setOutcome((current) => (current?.run === run ? next : current));
    setOutcome({ run, label: entry.label, state: 'running' });
    try {
      settle({ run, label: entry.label, state: 'done', message: await running });
    } catch (error) {
      settle({ run, label: entry.label, state: 'failed', message: messageOf(error) });
    }
  };

  const pick = (entry: PaletteEntry) => {
    picked.current = entry;
    setRecent((before) => {
      const after = withRecent(before, entry.id);
      saveRecent(after);
      return after;
    });
    setPaletteOpen(false);
  };

  // runs once the palette has closed and focus is back, so "search" or a confirmation starts from there
  const onPaletteClosed = () => {
    const entry = picked.current;
    picked.current = undefined;
    if (!entry) return;
    if (entry.confirm) setConfirming(entry);
    else void run(entry);
  };

  const confirm = async () => {
    if (!confirming) return;
    setConfirmPending(true);
    await run(confirming);
    setConfirmPending(false);
    setConfirming(undefined);
  };

  const dismissOutcome = useCallback(() => setOutcome(undefined), []);

  return (
    <>
      <CommandPalette open={paletteOpen} keymap={appKeymap} recent={recent} onPick={pick} onClose={() => setPaletteOpen(false)} onClosed={onPaletteClosed} />
      <ConfirmDialog
        open={confirming !== undefined}
        title={confirming?.confirm?.title ?? ''}
        confirmLabel={confirming?.confirm?.confirmLabel ?? ''}
        pending={confirmPending}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(undefined)}
      >
        <p>{confirming?.confirm?.body}</p>
      </ConfirmDialog>
      <ShortcutsDialog open={helpOpen} keymap={appKeymap} onClose={() => setHelpOpen(false)} />
      <PaletteOutcome outcome={outcome} onDismiss={dismissOutcome} />
    </>
  );
}
