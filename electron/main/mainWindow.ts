import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import type { Switchboard } from '../app/createSwitchboard.js';
import { appRoot } from '../base/appRoot.js';
import { appIndexUrl } from './appProtocol.js';
import { attachIpc } from './ipcTransport.js';
import { readUserDataFile, writeUserDataFile } from './userDataFile.js';
import { minimumWindowSize, parseWindowState, placeWindow, windowStateOf } from './windowState.js';

/** How long the window must sit still before its place is written (a drag sends dozens of moves). */
const saveAfterMs = 500;

/**
 * The one window: placed where it was last time (clamped to a display that is
 * there now), shown once its page has painted, opened on `route` (a
 * switchboard:// link's screen) when given, and its place saved as it moves.
 */
export function openMainWindow(sb: Switchboard, { stateFile, route }: { stateFile: string; route?: string | undefined }): BrowserWindow {
  const placement = placeWindow(
    parseWindowState(readUserDataFile(stateFile)),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow({
    ...placement.bounds,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    backgroundColor: '#0f1216',
    title: 'Switchboard',
    webPreferences: {
      preload: join(appRoot(), 'dist/electron/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  attachIpc(win.webContents, sb.commands, sb.topics);
  keepWindowState(win, stateFile);
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(appIndexUrl + (route ?? ''));
  return win;
}

function keepWindowState(win: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (!win.isDestroyed() && !win.isMinimized()) writeUserDataFile(file, windowStateOf(win.getNormalBounds(), win.isMaximized()));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, saveAfterMs);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.on('close', save);
}
