import type { KeyboardInputEvent } from 'electron';

type Modifier = NonNullable<KeyboardInputEvent['modifiers']>[number];

/**
 * The key presses of an accelerator the page answers itself ("CmdOrCtrl+K"),
 * to replay into the page when the menu item showing it is clicked: the
 * renderer's shortcut stays the one place that decides what the key does.
 */
export function keyPressesOf(accelerator: string, platform: NodeJS.Platform): KeyboardInputEvent[] {
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  const modifiers = parts.map((part): Modifier => {
    const name = part.toLowerCase();
    if (name === 'cmdorctrl' || name === 'commandorcontrol') return platform === 'darwin' ? 'meta' : 'control';
    if (name === 'cmd' || name === 'command' || name === 'super' || name === 'meta') return 'meta';
    if (name === 'ctrl' || name === 'control') return 'control';
    if (name === 'alt' || name === 'option') return 'alt';
    if (name === 'shift') return 'shift';
    throw new Error(`${accelerator}: "${part}" is not a modifier`);
  });
  return [
    { type: 'keyDown', keyCode: key, modifiers },
    { type: 'keyUp', keyCode: key, modifiers },
  ];
}
