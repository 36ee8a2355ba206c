/**
 * The screens as the desktop shell names them, in the sidebar's order: the
 * application menu gives the first nine Ctrl/Cmd+1…9, as the renderer does,
 * and switchboard:// links name them. The shell cannot import the renderer's
 * list (renderer/navigation/screens.ts); a unit test keeps the two the same.
 */
export const shellScreens = [
  { path: 'overview', label: 'Overview' },
  { path: 'containers', label: 'Containers' },
  { path: 'mcp', label: 'MCP servers' },
  { path: 'dashboards', label: 'Dashboards' },
  { path: 'logs', label: 'Logs' },
  { path: 'alerts', label: 'Alerts' },
  { path: 'timeline', label: 'Timeline' },
  { path: 'services', label: 'Services' },
  { path: 'terminals', label: 'Terminals' },
] as const;

export type ShellScreen = (typeof shellScreens)[number];
