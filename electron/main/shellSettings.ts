/** The shell's own settings, kept in userData/settings.json. */
export interface ShellSettings {
  /** Closing the window quits Switchboard (and stops what it supervises) instead of leaving it in the tray. */
  quitOnClose: boolean;
}

export const defaultShellSettings: ShellSettings = { quitOnClose: false };

export function parseShellSettings(value: unknown): ShellSettings {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return { quitOnClose: typeof raw.quitOnClose === 'boolean' ? raw.quitOnClose : defaultShellSettings.quitOnClose };
}
