import { app, BrowserWindow, protocol, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { createSwitchboard, type Switchboard } from '../app/createSwitchboard.js';
import { installProcessPolicy } from '../app/processPolicy.js';
import { appRoot } from '../base/appRoot.js';
import { contentSecurityPolicy } from '../transport/contentSecurityPolicy.js';
import { appIndexUrl, appScheme, appSchemeRegistration } from './appProtocol.js';
import { attachIpc } from './ipcTransport.js';
import { externalLinkToOpen, mayNavigate } from './navigationPolicy.js';
import { guardSession, refuseBluetoothPicker } from './permissionPolicy.js';
import { rendererResponse } from './rendererResponse.js';
import { launchInUtilityProcess } from './utilityScript.js';

// The desktop shell: a window, the IPC transport, and the same services browser mode runs.
let switchboard: Switchboard | undefined;
// Errors nobody caught are logged and survived, as in browser mode; app.exit skips before-quit, which the policy has already done.
const policy = installProcessPolicy({ exit: (code) => app.exit(code) });

async function openWindow(sb: Switchboard): Promise<void> {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
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
  await win.loadURL(appIndexUrl);
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

// Before ready: the page's scheme must be known as standard and secure when the first page loads.
protocol.registerSchemesAsPrivileged([appSchemeRegistration]);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => guardContents(contents));

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
  await openWindow(switchboard);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && switchboard) void openWindow(switchboard);
  });
}).catch((err: unknown) => {
  // Without services or a window there is nothing to keep serving: say why and quit, as browser mode does.
  console.error(`Switchboard could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  void (switchboard?.shutdown() ?? Promise.resolve()).finally(() => app.exit(1));
});

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !switchboard) return;
  // Stopping MCP servers by the spec takes a moment: hold the quit until they are gone.
  event.preventDefault();
  quitting = true;
  void switchboard.shutdown().finally(() => app.quit());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
