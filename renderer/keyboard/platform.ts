/** Whether shortcuts read Cmd (⌘) rather than Ctrl: macOS and iPadOS. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
