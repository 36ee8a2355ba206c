import { Menu, nativeImage, Tray } from 'electron';
import { trayMenuTemplate } from './appMenu.js';
import { trayIconBitmap, accent, type Rgb } from './trayIcon.js';
import type { AlertTrayModel } from './alertTray.js';

type TrayActions = Parameters<typeof trayMenuTemplate>[0];

function iconImage(platform: NodeJS.Platform, color: Rgb) {
  // macOS: a 16 pt template the system colours, drawn at 2× for Retina menu bars; elsewhere a coloured 16 px icon.
  const scale = platform === 'darwin' ? 2 : 1;
  const image = nativeImage.createFromBitmap(trayIconBitmap(16 * scale, color), { width: 16 * scale, height: 16 * scale, scaleFactor: scale });
  if (platform === 'darwin') image.setTemplateImage(true);
  return image;
}

/** The tray icon that keeps Switchboard reachable while its window is closed: a click opens the window, its menu quits. */
export function createTray(platform: NodeJS.Platform, actions: TrayActions): Tray {
  const tray = new Tray(iconImage(platform, accent));
  tray.setToolTip('Switchboard — still supervising your stack');
  tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(actions)));
  tray.on('click', () => actions.openWindow());
  return tray;
}

/**
 * Shows the alerts in the tray: the icon's tone (macOS templates stay
 * monochrome, so there the tooltip and menu carry it) and a menu listing the
 * firing alerts, set again whole because Linux trays ignore changes to a menu already set.
 */
export function showAlertsInTray(tray: Tray, platform: NodeJS.Platform, model: AlertTrayModel, actions: TrayActions): void {
  if (platform !== 'darwin') tray.setImage(iconImage(platform, model.color));
  tray.setToolTip(model.tooltip);
  tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(actions, model.items)));
}
