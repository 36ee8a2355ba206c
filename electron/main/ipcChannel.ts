/** The one IPC channel name, in both directions. */
export const ipcChannel = 'switchboard:message';
