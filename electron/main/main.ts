import { app, Menu, protocol, session, shell, type BrowserWindow, type Tray, type WebContents } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createSwitchboard, type Switchboard } from '../app/createSwitchboard.js';
import { installProcessPolicy } from '../app/processPolicy.js';
import { appRoot } from '../base/appRoot.js';
import { contentSecurityPolicy } from '../transport/contentSecurityPolicy.js';
import { appMenuTemplate, shellShortcuts, type MenuActions } from './appMenu.js';
import { linkScheme, routeInArgv, routeOfLink } from './appLink.js';
import { appIndexUrl, appScheme, appSchemeRegistration } from './appProtocol.js';
import { hasTray, whenAllWindowsClosed, whenWindowCloses } from './closeBehaviour.js';
import { openMainWindow } from './mainWindow.js';
import { externalLinkToOpen, mayNavigate } from './navigationPolicy.js';
import { openAtLoginFor, type OpenAtLogin } from './openAtLogin.js';
import { keyPressesOf } from './pageKeys.js';
import { guardSession, refuseBluetoothPicker } from './permissionPolicy.js';
import { rendererResponse } from './rendererResponse.js';
import { parseShellSettings, type ShellSettings } from './shellSettings.js';
import { createTray } from './shellTray.js';
import { stepsForSecondLaunch, stepsToOpen, type SecondLaunchStep } from './singleInstance.js';
import { readUserDataFile, writeUserDataFile } from './userDataFile.js';
import { launchInUtilityProcess } from './utilityScript.js';

// The desktop shell: one window, a tray where there is one, the menu, and the same services browser mode runs.
let switchboard: Switchboard | undefined;
let window: BrowserWindow | undefined;
let tray: Tray | undefined;
let settings: ShellSettings = parseShellSettings(undefined);
let loginItem: OpenAtLogin | undefined;
let quitting = false;
// A link the app was started with (Windows, Linux), or one macOS hands over before the window exists.
let pendingRoute = routeInArgv(process.argv);
// Errors nobody caught are logged and survived, as in browser mode; app.exit skips before-quit, which the policy has already done.
const policy = installProcessPolicy({ exit: (code) => app.exit(code) });
const userFile = (name: string) => join(app.getPath('userData'), name);

function openWindow(sb: Switchboard, route: string | undefined): BrowserWindow {
  const win = openMainWindow(sb, { stateFile: userFile('window-state.json'), route });
  win.on('close', (event) => {
    if (whenWindowCloses({ quitting, quitOnClose: settings.quitOnClose, trayShown: tray !== undefined, platform: process.platform }) === 'hide') {
      event.preventDefault();
      win.hide();
    }
  });
  win.on('closed', () => {
    if (window === win) window = undefined;
  });
  return win;
}

/** Brings the window back (opening one if it was closed) and shows a link's screen: a second launch, the tray, the Dock, a menu item. */
function perform(steps: SecondLaunchStep[]): void {
  if (!switchboard) return;
  for (const step of steps) {
    if (step.do === 'open-window') window = openWindow(switchboard, step.route);
    else if (step.do === 'restore') window?.restore();
    else if (step.do === 'show') window?.show();
    else if (step.do === 'focus') window?.focus();
    // Only the #route differs: Electron navigates within the page, it does not load it again.
    else void window?.webContents.loadURL(appIndexUrl + step.route);
  }
}

const windowLook = () => (window && !window.isDestroyed() ? { minimized: window.isMinimized(), visible: window.isVisible() } : undefined);
const bringBack = (route?: string) => perform(stepsToOpen(windowLook(), route));

const menuActions: MenuActions = {
  showScreen: (path) => bringBack(`#/${path}`),
  openPalette() {
    bringBack();
    for (const key of keyPressesOf(shellShortcuts.palette, process.platform)) window?.webContents.sendInputEvent(key);
  },
  reloadStackFile: () => void switchboard?.commands.call('config.reload', {}),
  setOpenAtLogin(on) {
    loginItem?.set(on);
    refreshMenu();
  },
  setQuitOnClose(on) {
    settings = { ...settings, quitOnClose: on };
    writeUserDataFile(userFile('settings.json'), settings);
    refreshMenu();
  },
};

function refreshMenu(): void {
  const openAtLogin = { supported: loginItem?.supported ?? false, enabled: loginItem?.enabled() ?? false };
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, openAtLogin, quitOnClose: settings.quitOnClose, devTools: !app.isPackaged }, menuActions)));
}

/** Every webContents, ours or not: no webviews, no navigation away from our page, no new windows. */
function guardContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (details) => {
    if (!mayNavigate(details.url, details.isMainFrame)) details.preventDefault();
  });
  // Links to the web open in the user's browser; the window itself never opens another.
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLinkToOpen(url);
    if (link) void shell.openExternal(link);
    return { action: 'deny' };
  });
  refuseBluetoothPicker(contents);
}

function startShell(): void {
  // Before ready: the page's scheme must be known as standard and secure when the first page loads.
  protocol.registerSchemesAsPrivileged([appSchemeRegistration]);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  // Another launch (with or without a switchboard:// link) wakes this one, which it quit for.
  app.on('second-instance', (_event, argv) => {
    if (switchboard) perform(stepsForSecondLaunch(windowLook(), argv));
    else pendingRoute = routeInArgv(argv) ?? pendingRoute;
  });
  // macOS hands links over by event, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const route = routeOfLink(url);
    if (switchboard) bringBack(route);
    else pendingRoute = route ?? pendingRoute;
  });

  void app.whenReady().then(async () => {
    const csp = contentSecurityPolicy();
    const rendererDir = join(appRoot(), 'dist/renderer');
    protocol.handle(appScheme, (request) => rendererResponse(request, rendererDir, csp));
    // app:// answers carry the policy themselves; this covers any other response the session gets.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
    guardSession(session.defaultSession);
    switchboard = await createSwitchboard({
      argv: process.argv.slice(app.isPackaged ? 1 : 2),
      env: process.env,
      cwd: process.cwd(),
      mode: 'electron',
      launchScript: launchInUtilityProcess,
    });
    policy.attach(switchboard);
    settings = parseShellSettings(readUserDataFile(userFile('settings.json')));
    loginItem = openAtLoginFor(app, { platform: process.platform, env: process.env, home: homedir(), execPath: process.execPath });
    // A development run would register Electron's own binary as the handler: only the packaged app claims the scheme.
    if (app.isPackaged) app.setAsDefaultProtocolClient(linkScheme);
    if (hasTray(process.platform, process.env)) {
      tray = createTray(process.platform, { openWindow: () => bringBack(), reloadStackFile: menuActions.reloadStackFile, quit: () => app.quit() });
    }
    refreshMenu();
    window = openWindow(switchboard, pendingRoute);
    pendingRoute = undefined;
    app.on('activate', () => bringBack());
  }).catch((err: unknown) => {
    // Without services or a window there is nothing to keep serving: say why and quit, as browser mode does.
    console.error(`Switchboard could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    void (switchboard?.shutdown() ?? Promise.resolve()).finally(() => app.exit(1));
  });

  let stopped = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (stopped || !switchboard) return;
    // Stopping MCP servers by the spec takes a moment: hold the quit until they are gone.
    event.preventDefault();
    stopped = true;
    void switchboard.shutdown().finally(() => app.quit());
  });

  app.on('window-all-closed', () => {
    if (whenAllWindowsClosed({ quitOnClose: settings.quitOnClose, trayShown: tray !== undefined, platform: process.platform }) === 'quit') app.quit();
  });
}

// One Switchboard per user: a second launch hands its command line (and link) to the first through
// 'second-instance' and quits before starting anything, so two never supervise the same servers.
if (app.requestSingleInstanceLock()) startShell();
else app.quit();
