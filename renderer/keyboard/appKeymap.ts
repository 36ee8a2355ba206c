import { screens } from '../navigation/screens.js';
import { keymapFor } from './keymap.js';

/** The app's keymap: Ctrl/Cmd+digit for each screen of the sidebar, then the fixed shortcuts. */
export const appKeymap = keymapFor(screens);
