import { Menu, nativeImage, Tray } from 'electron';
import { trayMenuTemplate } from './appMenu.js';
import { trayIconBitmap } from './trayIcon.js';

/** The tray icon that keeps Switchboard reachable while its window is closed: a click opens the window, its menu quits. */
export function createTray(platform: NodeJS.Platform, actions: Parameters<typeof trayMenuTemplate>[0]): Tray {
  // macOS: a 16 pt template the system colours, drawn at 2× for Retina menu bars; elsewhere a coloured 16 px icon.
  const scale = platform === 'darwin' ? 2 : 1;
  const image = nativeImage.createFromBitmap(trayIconBitmap(16 * scale), { width: 16 * scale, height: 16 * scale, scaleFactor: scale });
  if (platform === 'darwin') image.setTemplateImage(true);
  const tray = new Tray(image);
  tray.setToolTip('Switchboard — still supervising your stack');
  tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(actions)));
  tray.on('click', () => actions.openWindow());
  return tray;
}
