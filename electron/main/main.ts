import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSwitchboard, type Switchboard } from '../app/createSwitchboard.js';
import { installProcessPolicy } from '../app/processPolicy.js';
import { appRoot } from '../base/appRoot.js';
import { contentSecurityPolicy } from '../transport/contentSecurityPolicy.js';
import { attachIpc } from './ipcTransport.js';

// The desktop shell: a window, the IPC transport, and the same services browser mode runs.
let switchboard: Switchboard | undefined;
// Errors nobody caught are logged and survived, as in browser mode; app.exit skips before-quit, which the policy has already done.
const policy = installProcessPolicy({ exit: (code) => app.exit(code) });

async function openWindow(sb: Switchboard): Promise<void> {
  const rendererDir = join(appRoot(), 'dist/renderer');
  const indexUrl = pathToFileURL(join(rendererDir, 'index.html')).toString();
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
  attachIpc(win.webContents, pathToFileURL(rendererDir).toString(), sb.commands, sb.topics);
  // Navigation and new windows are blocked; links to the web open in the user's browser.
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(indexUrl)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  await win.loadURL(indexUrl);
}

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  switchboard = await createSwitchboard({ argv: process.argv.slice(app.isPackaged ? 1 : 2), env: process.env, cwd: process.cwd(), mode: 'electron' });
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
